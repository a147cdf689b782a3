// Builds the offline scorer's model of every bank question in the background after start-up (and
// the LLM path's reply schemas and quote terms), one question per turn of the event loop. Otherwise the first answer to each question pays for it
// (several ms of CPU, on the answer's path); the models are cached (question-model.ts).
//
// The immediates stay referenced: an unreferenced immediate lets the loop block in its poll phase
// until some other timer or socket wakes it, so warming crept along at one question per outside
// event (7 s on an idle server, far longer at one answer a second) and ran into the first answers.
import type { Question } from '../engine/bank/schema.js';
import { getQuestionModel } from '../engine/scoring/question-model.js';

export interface Warming {
  /** Resolves when every question is built, or warming was stopped. */
  done: Promise<void>;
  /** Stops warming (at shutdown). */
  stop(): void;
}

/** Starts warming (and `also`, e.g. the model path's per-question work). */
export function warmQuestionModels(questions: readonly Question[], also?: (question: Question) => void): Warming {
  let i = 0;
  let tick: NodeJS.Immediate | undefined;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const next = () => {
    const q = questions[i++];
    if (!q) return finish();
    getQuestionModel({ question: q.prompt, reference: q.referenceAnswer, keyPoints: q.keyPoints });
    also?.(q);
    tick = setImmediate(next);
  };
  tick = setImmediate(next);
  return {
    done,
    stop: () => {
      clearImmediate(tick);
      finish();
    },
  };
}
