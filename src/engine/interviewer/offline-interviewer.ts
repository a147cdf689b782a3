// The offline interviewer and judge behind the ports: rubric-driven, deterministic, no network.
import type { Interviewer, Judge } from '../ports.js';
import type { Question } from '../bank/schema.js';
import { separateGraderAddress, type SeparatedAnswer } from '../scoring/grader-address.js';
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

/**
 * Scores with the offline scorer; the evaluation's score and offline score are the same. Sentences
 * addressed to the grader (grader-address.ts) are blanked first, so they can earn nothing, and the
 * score is flagged 'addresses-grader'. `screened` is that screen of `input.answer` when the caller
 * has it already (the LLM judge screens the answer for the model too).
 */
export function offlineEvaluation(input: JudgeInput, screened: SeparatedAnswer = separateGraderAddress(input.answer)): Evaluation {
  const raw = scoreOffline(scoreRequestFor(input.question, screened.blanked));
  if (screened.spans.length === 0) return { score: raw, offline: raw, droppedClaims: [], disagreement: false };
  const score = { ...raw, flags: [...raw.flags, 'addresses-grader' as const] };
  return { score, offline: score, droppedClaims: [], disagreement: false, graderText: screened.spans.map((s) => s.text) };
}

export function createOfflineJudge(): Judge {
  return { id: OFFLINE_ID, judge: async (input) => offlineEvaluation(input) };
}
