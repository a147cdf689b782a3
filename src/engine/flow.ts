// Shared moves of the state machine: record a transcript entry, queue lines, move to the next question.
import type { Effect, StepResult } from './effects.js';
import { speakEffect } from './effect-inputs.js';
import type { LineRequest } from './lines.js';
import type { TokenUsage } from './scoring/types.js';
import { packedMap } from './scoring/stable-arrays.js';
import type { QuestionProgress, SessionState, TranscriptEntry } from './state.js';

/** Appends a transcript entry with the next sequence number. */
export function appendEntry(state: SessionState, entry: Omit<TranscriptEntry, 'seq'>): { state: SessionState; entry: TranscriptEntry } {
  const full: TranscriptEntry = { seq: state.nextSeq, ...entry };
  return { state: { ...state, transcript: [...state.transcript, full], nextSeq: state.nextSeq + 1 }, entry: full };
}

export function withProgress(state: SessionState, index: number, change: (p: QuestionProgress) => QuestionProgress): SessionState {
  return { ...state, questions: packedMap(state.questions, (p, i) => (i === index ? change(p) : p)) };
}

/** Queues lines; if none was in flight, the head goes out now. */
export function enqueueLines(state: SessionState, lines: LineRequest[]): StepResult {
  const wasIdle = state.phase !== 'speaking';
  const next: SessionState = { ...state, queue: [...state.queue, ...lines], phase: 'speaking' };
  const head = next.queue[0];
  return { state: next, effects: wasIdle && head ? [speakEffect(next, head)] : [] };
}

/** After a line was said: speak the next one, or hand the floor to the candidate, or end. */
export function queueAfterSpeech(state: SessionState, at: number): StepResult {
  const head = state.queue[0];
  if (head) return { state, effects: [speakEffect(state, head)] };
  const closed = state.transcript[state.transcript.length - 1];
  if (closed?.kind === 'closing') {
    const reason = state.endReason ?? 'completed';
    return { state: { ...state, phase: 'ended', endedAt: at, endReason: reason }, effects: [{ type: 'end', reason }] };
  }
  const effects: Effect[] = [];
  const progress = state.questions[state.current];
  if (state.plan.questionTimeLimitMs && progress?.askedAt !== undefined) {
    effects.push({ type: 'timer', scope: 'question', questionIndex: state.current, deadline: progress.askedAt + state.plan.questionTimeLimitMs });
  }
  return { state: { ...state, phase: 'answering' }, effects };
}

/** Moves past the current question: the next one (with a transition), or the closing. */
export function moveOn(state: SessionState, at: number): StepResult {
  const nextIndex = state.current + 1;
  const overBudget = state.plan.timeBudgetMs !== undefined && state.startedAt !== undefined && at - state.startedAt >= state.plan.timeBudgetMs;
  if (nextIndex >= state.plan.questions.length || overBudget) {
    return enqueueLines(state, [{ kind: 'closing', reason: overBudget && nextIndex < state.plan.questions.length ? 'time-up' : 'completed' }]);
  }
  return enqueueLines({ ...state, current: nextIndex }, [{ kind: 'question', questionIndex: nextIndex, transition: true, retry: false }]);
}

/** Adds an LLM call's token usage and notes which interviewer/judge took part. */
export function recordUsage(state: SessionState, usage: TokenUsage | undefined, by: string | undefined): SessionState {
  const interviewers = by && !state.interviewers.includes(by) ? [...state.interviewers, by] : state.interviewers;
  if (!usage) return interviewers === state.interviewers ? state : { ...state, interviewers };
  return {
    ...state,
    interviewers,
    usage: {
      promptTokens: state.usage.promptTokens + usage.promptTokens,
      completionTokens: state.usage.completionTokens + usage.completionTokens,
      calls: state.usage.calls + 1,
    },
  };
}
