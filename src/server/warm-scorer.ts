// Builds the offline scorer's model of every bank question in the background after start-up (and
// the LLM path's reply schemas and quote terms), one question per turn of the event loop. Otherwise the first answer to each question pays for it
// (several ms of CPU, on the answer's path); the models are cached (question-model.ts).
import type { Question } from '../engine/bank/schema.js';
import { getQuestionModel } from '../engine/scoring/question-model.js';

/** Starts warming (and `also`, e.g. the model path's per-question work); the returned function stops it (at shutdown). */
export function warmQuestionModels(questions: readonly Question[], also?: (question: Question) => void): () => void {
  let i = 0;
  let tick: NodeJS.Immediate | undefined;
  const next = () => {
    const q = questions[i++];
    if (!q) return;
    getQuestionModel({ question: q.prompt, reference: q.referenceAnswer, keyPoints: q.keyPoints });
    also?.(q);
    tick = setImmediate(next).unref();
  };
  tick = setImmediate(next).unref();
  return () => clearImmediate(tick);
}
