// Ports: the small interfaces the engine's shell needs from the outside world. The offline
// interviewer and judge implement them in src/engine; the LLM ones in src/adapters/llm.
import type { Question } from './bank/schema.js';
import type { DecideInput, JudgeInput, SpeakInput } from './effects.js';
import type { Decision } from './lines.js';
import type { Evaluation, TokenUsage } from './scoring/types.js';

/** A phrased line; `fallback` says why the offline interviewer stood in for an LLM. */
export interface SpokenLine {
  text: string;
  by: string;
  fallback?: string;
  usage?: TokenUsage;
}

export interface DecisionResult {
  decision: Decision;
  by: string;
  fallback?: string;
  usage?: TokenUsage;
}

/** The interviewer ("brain"): decides whether to follow up, and phrases every line. */
export interface Interviewer {
  readonly id: string;
  decide(input: DecideInput, signal?: AbortSignal): Promise<DecisionResult>;
  /** Phrases a line, passing text to `onDelta` as it is produced; resolves to the whole line. */
  speak(input: SpeakInput, onDelta: (delta: string) => void, signal?: AbortSignal): Promise<SpokenLine>;
}

/** What the interviewer's decision needs besides the evaluation (see DecideInput). */
export type DecideContext = Omit<DecideInput, 'evaluation'>;

/** The question a move on would ask next. */
export interface Upcoming {
  questionIndex: number;
  question: Question;
  number: number;
  total: number;
}

/**
 * On the plan's last question a move on completes the interview: how the questions before this one
 * went (as in the closing line's summary), so the same call can write the closing line.
 */
export interface Closing {
  summary: NonNullable<SpeakInput['summary']>;
}

/**
 * What the assessor needs besides the decision's context to write the line that follows in the
 * same call: what a move on leads to, the next question or the closing.
 */
export type AssessContext = DecideContext & ({ upcoming: Upcoming; closing?: undefined } | { upcoming?: undefined; closing: Closing });

/** Which line a prepared line is: a follow-up on `target`, the bridge to the question at `questionIndex`, or the closing of a completed interview. */
export type PreparedFor = { kind: 'follow-up'; target: string } | { kind: 'question'; questionIndex: number } | { kind: 'closing' };

/**
 * A line the assessing call already wrote for the decision it proposed. The shell uses it only when
 * the line the engine asks for is that one; otherwise it cancels it and asks the interviewer.
 */
export interface PreparedLine {
  readonly for: PreparedFor;
  /** Relays the line (checked as any line is); undefined when it is unusable and the interviewer must speak. */
  speak(input: SpeakInput, onDelta: (delta: string) => void, signal?: AbortSignal): Promise<SpokenLine | undefined>;
  cancel(): void;
}

/** An evaluation, and the decision (and its line) that follows it when the same call could make them. */
export interface Assessment {
  evaluation: Evaluation;
  decision?: DecisionResult;
  line?: PreparedLine;
}

/**
 * Judges an answer and, in the same model call, proposes what to do next: one call where the judge
 * and the interviewer's decision would make two. Optional: without it the shell asks both ports.
 */
export interface Assessor {
  assess(input: JudgeInput, next: AssessContext, signal?: AbortSignal): Promise<Assessment>;
}

/** The judge: scores an answer. An LLM judge always computes the offline score beside its own. */
export interface Judge {
  readonly id: string;
  judge(input: JudgeInput, signal?: AbortSignal): Promise<Evaluation>;
}
