// Builds the offline scorer's model of every bank question in the background after start-up, one
// question per turn of the event loop. Otherwise the first answer to each question pays for it
// (several ms of CPU, on the answer's path); the models are cached (question-model.ts).
import type { Question } from '../engine/bank/schema.js';
import { getQuestionModel } from '../engine/scoring/question-model.js';

/** Starts warming; the returned function stops it (at shutdown). */
export function warmQuestionModels(questions: readonly Question[]): () => void {
  let i = 0;
  let tick: NodeJS.Immediate | undefined;
  const next = () => {
    const q = questions[i++];
    if (!q) return;
    getQuestionModel({ question: q.prompt, reference: q.referenceAnswer, keyPoints: q.keyPoints });
    tick = setImmediate(next).unref();
  };
  tick = setImmediate(next).unref();
  return () => clearImmediate(tick);
}
