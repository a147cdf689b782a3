// What the candidate can do while it is their turn: answer, ask for a hint, skip, retry.
import type { Effect, StepResult } from './effects.js';
import { judgeEffect } from './effect-inputs.js';
import { appendEntry, enqueueLines, moveOn, withProgress } from './flow.js';
import type { CandidateEvent } from './events.js';
import { currentProgress, currentQuestion, latestEvaluation, type SessionState } from './state.js';

type Of<T extends CandidateEvent['type']> = Extract<CandidateEvent, { type: T }>;

const refuse = (state: SessionState, code: NonNullable<StepResult['rejection']>['code'], message: string): StepResult => ({
  state,
  effects: [],
  rejection: { code, message },
});

export function onAnswer(state: SessionState, event: Of<'answer'>): StepResult {
  const text = event.text.trim();
  if (text.length === 0) return refuse(state, 'empty-answer', 'the answer is empty; type your answer, or skip the question');
  const { state: recorded, entry } = appendEntry(state, { at: event.at, role: 'candidate', kind: 'answer', text, questionIndex: state.current });
  const next = withProgress(recorded, state.current, (p) => ({ ...p, answers: [...p.answers, { seq: entry.seq, text }] }));
  const judging: SessionState = { ...next, phase: 'judging' };
  return { state: judging, effects: [{ type: 'record', entry }, judgeEffect(judging)] };
}

export function onHint(state: SessionState, event: Of<'hint'>): StepResult {
  if (state.plan.mode !== 'drill') return refuse(state, 'not-allowed-in-mode', 'hints are part of drill mode; in a mock interview, answer as best you can or skip');
  const question = currentQuestion(state);
  const progress = currentProgress(state);
  if (!question || !progress) return refuse(state, 'no-hint', 'there is no question to give a hint for');
  const evaluation = latestEvaluation(progress);
  const covered = new Set(evaluation?.score.keyPoints.filter((k) => k.status === 'covered').map((k) => k.id) ?? []);
  const candidates = [...question.keyPoints]
    .filter((k) => !covered.has(k.id) && !progress.hints.includes(k.id))
    .sort((a, b) => b.weight - a.weight);
  const target = candidates[0];
  if (!target) return refuse(state, 'no-hint', 'no hints left for this question: every key point is covered or already hinted');
  const next = withProgress(state, state.current, (p) => ({ ...p, hints: [...p.hints, target.id] }));
  return enqueueLines(next, [{ kind: 'hint', questionIndex: state.current, keyPointId: target.id }]);
}

/** Skip (or a question timer running out): the question is closed without a further answer. */
export function onSkip(state: SessionState, event: { at: number }, status: 'skipped' | 'timed-out'): StepResult {
  const { state: recorded, entry } = appendEntry(state, {
    at: event.at,
    role: 'system',
    kind: status === 'skipped' ? 'skip' : 'timeout',
    text: status === 'skipped' ? 'Skipped.' : 'Time ran out for this question.',
    questionIndex: state.current,
  });
  const closed = withProgress(recorded, state.current, (p) => ({ ...p, status: p.answers.length > 0 ? 'answered' : status }));
  const moved = moveOn(closed, event.at);
  const effects: Effect[] = [{ type: 'record', entry }, ...moved.effects];
  return { state: moved.state, effects };
}

export function onRetry(state: SessionState, event: Of<'retry'>): StepResult {
  if (state.plan.mode !== 'drill') return refuse(state, 'not-allowed-in-mode', 'retrying a question is part of drill mode');
  const progress = currentProgress(state);
  if (!progress || progress.answers.length === 0) return refuse(state, 'nothing-to-retry', 'answer the question first; retry starts it over');
  const { state: recorded, entry } = appendEntry(state, { at: event.at, role: 'system', kind: 'retry', text: 'Starting this question over.', questionIndex: state.current });
  const reset = withProgress(recorded, state.current, (p) => ({ ...p, attempt: p.attempt + 1, answers: [], followUps: [], hints: [], probes: {} }));
  const asked = enqueueLines(reset, [{ kind: 'question', questionIndex: state.current, transition: false, retry: true }]);
  return { state: asked.state, effects: [{ type: 'record', entry }, ...asked.effects] };
}

export { drillFeedback } from './drill-feedback.js';
