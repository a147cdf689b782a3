// Drill feedback: after each answer, which key points it covered (with the words that counted), which
// it only touched, which it missed, which it contradicted ("you said X; the point is Y"; such a point
// is also in `missed`, marked negated), and whether it was a non-answer, named in words. Counts keep
// the four statuses apart.
import type { Question } from './bank/schema.js';
import type { Evaluation } from './scoring/types.js';
import type { DrillFeedback, NonAnswerFlag } from './state.js';

/** How each non-answer is named to the candidate, and what to do next. */
const NON_ANSWER_LINES: Readonly<Record<NonAnswerFlag, string>> = {
  'dont-know': "That was a don't-know: no key point can be credited. Ask for a hint, or say what you do know about any part of it.",
  empty: 'That was an empty answer: there was nothing to credit. Write what you know, even a partial idea.',
  gibberish: 'That answer could not be read as words: nothing could be credited. Try again in plain sentences.',
  'off-topic': 'That answer was off-topic: it was about something other than this question, so nothing could be credited.',
};
const NON_ANSWER_ORDER: readonly NonAnswerFlag[] = ['empty', 'gibberish', 'dont-know', 'off-topic'];

/** The line shown for a contradicted point (issue 11 contract). */
export const contradictionMessage = (said: string, statement: string): string => `Contradicted: you said "${said}"; the point is: ${statement}`;

/** Builds the drill feedback for one evaluated answer. */
export function drillFeedback(question: Question, evaluation: Evaluation): DrillFeedback {
  const byId = new Map(evaluation.score.keyPoints.map((k) => [k.id, k]));
  const covered: DrillFeedback['covered'] = [];
  const missed: DrillFeedback['missed'] = [];
  const contradicted: NonNullable<DrillFeedback['contradicted']> = [];
  for (const kp of question.keyPoints) {
    const result = byId.get(kp.id);
    if (result && result.status !== 'missed') {
      covered.push({ id: kp.id, statement: kp.statement, status: result.status, words: result.evidence.map((e) => e.text) });
    } else if (result?.negated && result.evidence.length > 0) {
      // A contradiction is a missed point (the contract) shown with what was said.
      const words = result.evidence.map((e) => e.text);
      missed.push({ id: kp.id, statement: kp.statement, negated: true, words });
      const said = words.join(' ... ');
      contradicted.push({ id: kp.id, statement: kp.statement, said, message: contradictionMessage(said, kp.statement) });
    } else {
      missed.push({ id: kp.id, statement: kp.statement });
    }
  }
  const flags = evaluation.score.flags;
  const flag = NON_ANSWER_ORDER.find((f) => flags.includes(f));
  return {
    covered,
    missed,
    overall: evaluation.score.overall,
    ...(flags.length > 0 ? { flags } : {}),
    contradicted,
    ...(flag ? { nonAnswer: { flag, message: NON_ANSWER_LINES[flag] } } : {}),
    counts: {
      covered: covered.filter((c) => c.status === 'covered').length,
      partly: covered.filter((c) => c.status === 'partly').length,
      missed: missed.length - contradicted.length,
      contradicted: contradicted.length,
    },
  };
}
