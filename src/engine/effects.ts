// Effects: what the engine asks the shell to do. Each carries everything its port needs.
import type { AnswerOutcome } from './answer-outcome.js';
import type { Question } from './bank/schema.js';
import type { EndReason, LineRequest } from './lines.js';
import type { Mode } from './plan.js';
import type { Evaluation } from './scoring/types.js';
import type { TranscriptEntry } from './state.js';

/** Context the interviewer needs to phrase a line. */
export interface SpeakInput {
  request: LineRequest;
  mode: Mode;
  seed: number;
  /** The line's sequence number: varies phrasings between lines of one session. */
  seq: number;
  question?: Question;
  questionNumber?: number;
  questionTotal: number;
  /** The candidate's answers to this question so far (for follow-ups phrased in context). */
  answers: string[];
  evaluation?: Evaluation;
  /** A transition: how the previous question ended, so the acknowledgement fits it. */
  previousOutcome?: AnswerOutcome;
  /** Interviewer lines already said in this session, so acknowledgements are not repeated. */
  said?: string[];
  /** Closing: per-question summary, so the closing line can be specific. */
  summary?: { questionId: string; prompt: string; overall: number | null; status: string }[];
  /**
   * Mock mode: every question of the plan with the candidate's answers to it, so the no-reveal
   * guard covers every line (the closing included) against every reference answer.
   */
  session?: { question: Question; answers: string[] }[];
}

/** Context the interviewer needs to decide whether to follow up, and on what. */
export interface DecideInput {
  mode: Mode;
  seed: number;
  question: Question;
  answers: string[];
  evaluation: Evaluation;
  followUpsAsked: number;
  maxFollowUps: number;
  /** Targets already probed for this question (attempt), most recent last. */
  probed: string[];
  /** Key points this question is practised for (a weak-spots drill), most important first. */
  focus?: string[];
}

export interface JudgeInput {
  question: Question;
  /** All answers of the current attempt joined: evidence offsets point into this text. */
  answer: string;
}

export type Effect =
  | { type: 'speak'; input: SpeakInput }
  | { type: 'judge'; questionIndex: number; input: JudgeInput }
  | { type: 'decide'; questionIndex: number; input: DecideInput }
  /** A transcript entry to store (with the event that made it) and send to the client. */
  | { type: 'record'; entry: TranscriptEntry }
  /** Arm a timer; the shell sends a `timeout` event at `deadline` unless the state moved on. */
  | { type: 'timer'; scope: 'question' | 'interview'; questionIndex: number; deadline: number }
  /** The interview is over: finalize the session and its report. */
  | { type: 'end'; reason: EndReason };

/** Why a candidate's action was refused. The state is unchanged and nothing is stored. */
export interface Rejection {
  code: 'not-started' | 'already-started' | 'ended' | 'busy' | 'not-allowed-in-mode' | 'nothing-to-retry' | 'no-hint' | 'stale' | 'empty-answer';
  message: string;
}

export interface StepResult {
  state: import('./state.js').SessionState;
  effects: Effect[];
  rejection?: Rejection;
}
