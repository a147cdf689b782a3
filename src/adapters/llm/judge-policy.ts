// Which score counts once the LLM judge has answered and its claims were checked: the LLM's, or the
// offline score when a check says the LLM's number cannot be trusted. The LLM's number is kept
// beside it either way (Evaluation.llmScore), so the report can show both. docs/llm-judge.md
// explains each rule to users.
import type { AnswerFlag, Score } from '../../engine/scoring/types.js';

/**
 * Overall scores this far apart (out of 100) flag the evaluation for the report. Paraphrase and
 * partial credit routinely move a word-matching scorer and a model apart by some points; a gap of
 * over a third of the scale is more than that, and means one of the two probably misread the answer.
 */
export const DISAGREEMENT_POINTS = 35;

/** Offline findings that make an answer a non-answer (the shared contract of issues 11 and 12). */
export const NON_ANSWER_FLAGS: readonly AnswerFlag[] = ['empty', 'dont-know', 'gibberish', 'off-topic'];

const FLAG_WORDS: Partial<Record<AnswerFlag, string>> = {
  empty: 'an empty answer',
  'dont-know': 'a "don\'t know"',
  gibberish: 'gibberish',
  'off-topic': 'an off-topic answer',
};

export interface CountedScore {
  score: Score;
  disagreement: boolean;
  /** Set when the offline score counts instead of the LLM's: which check fired. */
  capped?: string;
}

/** True when the offline analysis found nothing of the answer's content: no key point even partly. */
const foundNothing = (offline: Score) => offline.keyPoints.every((k) => k.status === 'missed');

function capReason(llm: Score, offline: Score): string | undefined {
  if (llm.overall <= offline.overall) return undefined;
  const nonAnswer = offline.flags.filter((f) => NON_ANSWER_FLAGS.includes(f));
  if (nonAnswer.length > 0) {
    return `the offline analysis found ${nonAnswer.map((f) => FLAG_WORDS[f]).join(' and ')}, so the LLM's score may not be higher than the offline one`;
  }
  if (offline.flags.includes('addresses-grader')) {
    return 'the answer addresses the grader, so the LLM\'s score may not be higher than the offline one';
  }
  if (foundNothing(offline) && llm.overall - offline.overall >= DISAGREEMENT_POINTS) {
    return `the LLM scored ${Math.round(llm.overall - offline.overall)} points above an offline analysis that found no key point in the answer; a number only the model vouches for does not count`;
  }
  return undefined;
}

/** The score that counts, given the checked LLM score and the offline score of the same answer. */
export function countedScore(llm: Score, offline: Score): CountedScore {
  const disagreement = Math.abs(llm.overall - offline.overall) >= DISAGREEMENT_POINTS;
  const capped = capReason(llm, offline);
  return capped ? { score: offline, disagreement, capped } : { score: llm, disagreement };
}
