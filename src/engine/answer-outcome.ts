// What happened to a question, in the words an interviewer reacts to: skipped, out of time, a kind of
// non-answer, or how well it went. Lines (acknowledgements) and drill feedback are chosen from it.
import type { Evaluation } from './scoring/types.js';

export type AnswerOutcome = 'skipped' | 'timed-out' | 'dont-know' | 'gibberish' | 'off-topic' | 'strong' | 'partial' | 'weak';

/** Score at or above which an answer is acknowledged as strong, and as partial. */
const STRONG = 70;
const PARTIAL = 35;

/** The outcome of an evaluated answer (flags first: a non-answer is never "weak"). */
export function outcomeOfEvaluation(evaluation: Evaluation): AnswerOutcome {
  const flags = evaluation.score.flags;
  if (flags.includes('gibberish')) return 'gibberish';
  if (flags.includes('dont-know') || flags.includes('empty')) return 'dont-know';
  if (flags.includes('off-topic') || flags.includes('repeats-question')) return 'off-topic';
  const overall = evaluation.score.overall;
  return overall >= STRONG ? 'strong' : overall >= PARTIAL ? 'partial' : 'weak';
}

/** Non-answer outcomes: there is nothing in the answer to build on. */
export const NON_ANSWER_OUTCOMES: ReadonlySet<AnswerOutcome> = new Set(['dont-know', 'gibberish', 'off-topic']);
