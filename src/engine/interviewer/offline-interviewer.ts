// The offline interviewer and judge behind the ports: rubric-driven, deterministic, no network.
import type { Interviewer, Judge } from '../ports.js';
import type { Question } from '../bank/schema.js';
import { scoreOffline, type ScoreRequest } from '../scoring/offline-scorer.js';
import type { Evaluation } from '../scoring/types.js';
import type { JudgeInput } from '../effects.js';
import { offlineDecide } from './offline-decide.js';
import { offlineLine } from './offline-lines.js';

export const OFFLINE_ID = 'offline';

export function createOfflineInterviewer(): Interviewer {
  return {
    id: OFFLINE_ID,
    decide: async (input) => ({ decision: offlineDecide(input), by: OFFLINE_ID }),
    speak: async (input, onDelta) => {
      const text = offlineLine(input);
      onDelta(text);
      return { text, by: OFFLINE_ID };
    },
  };
}

/** What the offline scorer is given for a bank question: its prompt, reference, key points and rubric. */
export function scoreRequestFor(question: Question, answer: string): ScoreRequest {
  return { question: question.prompt, reference: question.referenceAnswer, keyPoints: question.keyPoints, rubric: question.rubric, answer };
}

/** Scores with the offline scorer; the evaluation's score and offline score are the same. */
export function offlineEvaluation(input: JudgeInput): Evaluation {
  const score = scoreOffline(scoreRequestFor(input.question, input.answer));
  return { score, offline: score, droppedClaims: [], disagreement: false };
}

export function createOfflineJudge(): Judge {
  return { id: OFFLINE_ID, judge: async (input) => offlineEvaluation(input) };
}
