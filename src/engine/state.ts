// The session state: plain data, rebuilt by folding events through `step`, holding all a report needs.
import type { Question } from './bank/schema.js';
import { RESTART_TARGETS } from './follow-up-targets.js';
import type { Decision, EndReason, LineRequest } from './lines.js';
import type { Plan } from './plan.js';
import type { Coverage, Evaluation, TokenUsage } from './scoring/types.js';
import { itemAt, packedMap } from './scoring/stable-arrays.js';

export type Phase = 'not-started' | 'speaking' | 'answering' | 'judging' | 'deciding' | 'ended';

/** One line of the transcript, either side. `seq` orders the whole session and drives resume. */
export interface TranscriptEntry {
  seq: number;
  at: number;
  role: 'interviewer' | 'candidate' | 'system';
  kind: 'opening' | 'question' | 'follow-up' | 'hint' | 'closing' | 'answer' | 'skip' | 'retry' | 'timeout' | 'feedback';
  text: string;
  questionIndex?: number;
  /** Key point id or "depth", for follow-ups and hints. */
  target?: string;
  /** Who produced an interviewer line ("offline" or "llm:<model>"). */
  by?: string;
  /** Why the offline interviewer stood in for the LLM on this line. */
  fallback?: string;
  /** Drill feedback: key point coverage after this answer. */
  feedback?: DrillFeedback;
}

/** The non-answer flags drill feedback names in words (issue 11 contract). */
export type NonAnswerFlag = 'empty' | 'dont-know' | 'gibberish' | 'off-topic';

export interface DrillFeedback {
  /** Covered and partly covered points, with the candidate's words that counted. */
  covered: { id: string; statement: string; status: Coverage; words: string[] }[];
  /**
   * Points the answer did not make. A contradicted point is here too, with `negated` and the words
   * that contradicted it, and is also listed under `contradicted` with the line to show.
   */
  missed: { id: string; statement: string; negated?: boolean; words?: string[] }[];
  overall: number;
  /** The scorer's flags on the answer, when it raised any. */
  flags?: string[];
  /** Points the answer contradicted: what was said, and the line to show. */
  contradicted?: { id: string; statement: string; said: string; message: string }[];
  /** Set when the answer was a non-answer: which kind, and the line to show ("That was a don't-know: ..."). */
  nonAnswer?: { flag: NonAnswerFlag; message: string };
  /** Each status counted on its own: covered, partly, missed (not contradicted), contradicted. */
  counts?: { covered: number; partly: number; missed: number; contradicted: number };
}

export interface EvaluationRecord {
  attempt: number;
  answerSeq: number;
  at: number;
  evaluation: Evaluation;
}

/** A question's progress in this session. */
export interface QuestionProgress {
  questionId: string;
  status: 'pending' | 'active' | 'answered' | 'skipped' | 'timed-out';
  attempt: number;
  /** The candidate's answers in the current attempt, in order (initial answer, then follow-ups). */
  answers: { seq: number; text: string }[];
  followUps: { target: string; round: number }[];
  hints: string[];
  evaluations: EvaluationRecord[];
  /** Drill: how many probes each key point needed before it was covered (or the rounds ran out). */
  probes: Record<string, number>;
  askedAt?: number;
}

export interface Usage extends TokenUsage {
  calls: number;
}

/** A place the LLM failed and the offline interviewer or scorer stood in. */
export interface FallbackRecord {
  at: number;
  where: 'line' | 'decision' | 'judge';
  questionIndex?: number;
  reason: string;
}

export interface SessionState {
  id: string;
  plan: Plan;
  phase: Phase;
  /** Index into plan.questions of the question in play. */
  current: number;
  questions: QuestionProgress[];
  /** Lines still to be spoken, in order; the head is in flight while phase is "speaking". */
  queue: LineRequest[];
  /** The pending decision's input, kept so a restarted shell can re-issue it. */
  lastDecision?: Decision;
  transcript: TranscriptEntry[];
  nextSeq: number;
  startedAt?: number;
  endedAt?: number;
  endReason?: EndReason;
  usage: Usage;
  fallbacks: FallbackRecord[];
  interviewers: string[];
}

/** A fresh session for a plan; nothing happens until the `start` event. */
export function initialState(id: string, plan: Plan): SessionState {
  return {
    id,
    plan,
    phase: 'not-started',
    current: 0,
    questions: packedMap(plan.questions, (q) => ({
      questionId: q.id,
      status: 'pending',
      attempt: 1,
      answers: [],
      followUps: [],
      hints: [],
      evaluations: [],
      probes: {},
    })),
    queue: [],
    transcript: [],
    nextSeq: 1,
    usage: { promptTokens: 0, completionTokens: 0, calls: 0 },
    fallbacks: [],
    interviewers: [],
  };
}

export const currentQuestion = (s: SessionState): Question | undefined => s.plan.questions[s.current];
export const currentProgress = (s: SessionState): QuestionProgress | undefined => s.questions[s.current];

/** The latest evaluation of a question in its current attempt. */
export function latestEvaluation(p: QuestionProgress): Evaluation | undefined {
  const inAttempt = p.evaluations.filter((e) => e.attempt === p.attempt);
  return inAttempt[inAttempt.length - 1]?.evaluation;
}

/** The candidate's answers of the current attempt, as one text (what the judge scores). */
export function combinedAnswer(p: QuestionProgress): string {
  // An answer followed by a rephrase request or a simpler way in is replaced by the next one.
  // A loop, not filter/map/join: see answerTexts.
  let out = '';
  let first = true;
  for (let i = 0; i < p.answers.length; i += 1) {
    if (RESTART_TARGETS.has(itemAt(p.followUps, i)?.target ?? '')) continue;
    const text = (p.answers[i] as { text: string }).text;
    out += first ? text : `\n\n${text}`;
    first = false;
  }
  return out;
}

/**
 * The texts of a question's answers, as a packed array however the caller runs (stable-arrays.ts):
 * `answers.map(...)` gives a holey array once its caller is optimised, and every optimised reader
 * of the texts (prompt building, the line guard, the decision) was thrown away when it first saw one.
 */
export const answerTexts = (p: QuestionProgress | undefined): string[] => (p ? packedMap(p.answers, (a) => a.text) : []);
