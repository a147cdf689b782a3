// The interview as a pure state machine: step(state, event) -> { state, effects }. No I/O, no clock,
// no randomness: time and seeds arrive in events and the plan; effects are data the shell carries out.
import type { Effect, Rejection, StepResult } from './effects.js';
import type { SessionEvent, ShellEvent } from './events.js';
import type { Decision } from './lines.js';
import { appendEntry, enqueueLines, moveOn, queueAfterSpeech, recordUsage, withProgress } from './flow.js';
import { drillFeedback, onAnswer, onHint, onRetry, onSkip } from './candidate-actions.js';
import { answerTexts, currentProgress, currentQuestion, latestEvaluation, type SessionState } from './state.js';
import { decideEffect } from './effect-inputs.js';
import { SPECIAL_TARGETS } from './follow-up-targets.js';
import { answeredPoints } from './interviewer/answered-points.js';
import { offlineDecide } from './interviewer/offline-decide.js';

const reject = (state: SessionState, code: Rejection['code'], message: string): StepResult => ({ state, effects: [], rejection: { code, message } });

/** Applies one event. A refused event returns the same state, no effects, and a rejection. */
export function step(state: SessionState, event: SessionEvent): StepResult {
  if (state.phase === 'ended') return reject(state, 'ended', 'this interview has ended; open its report or start a new session');
  if (event.type === 'start') {
    if (state.phase !== 'not-started') return reject(state, 'already-started', 'the interview has already started');
    const started: SessionState = { ...state, startedAt: event.at };
    const timers: Effect[] = state.plan.timeBudgetMs
      ? [{ type: 'timer', scope: 'interview', questionIndex: -1, deadline: event.at + state.plan.timeBudgetMs }]
      : [];
    const next = enqueueLines(started, [{ kind: 'opening' }, { kind: 'question', questionIndex: 0, transition: false, retry: false }]);
    return { state: next.state, effects: [...timers, ...next.effects] };
  }
  if (event.type === 'end') return endEarly(state, event.at);
  if (state.phase === 'not-started') return reject(state, 'not-started', 'the interview has not started yet; send start first');

  switch (event.type) {
    case 'answer':
    case 'hint':
    case 'skip':
    case 'retry':
      if (state.phase !== 'answering') return reject(state, 'busy', 'the interviewer has the floor; wait for the next question before answering');
      if (event.type === 'answer') return onAnswer(state, event);
      if (event.type === 'hint') return onHint(state, event);
      if (event.type === 'skip') return onSkip(state, event, 'skipped');
      return onRetry(state, event);
    case 'timeout':
      return onTimeout(state, event);
    case 'said':
      return onSaid(state, event);
    case 'judged':
      return onJudged(state, event);
    case 'decided':
      return onDecided(state, event);
  }
}

function endEarly(state: SessionState, at: number): StepResult {
  if (state.phase === 'not-started') {
    return { state: { ...state, phase: 'ended', startedAt: at, endedAt: at, endReason: 'ended-early' }, effects: [{ type: 'end', reason: 'ended-early' }] };
  }
  if (state.queue.some((r) => r.kind === 'closing')) return reject(state, 'busy', 'the interview is already closing');
  const closing = { ...state, queue: [] };
  return enqueueLines(closing, [{ kind: 'closing', reason: 'ended-early' }]);
}

function onTimeout(state: SessionState, event: Extract<ShellEvent, { type: 'timeout' }>): StepResult {
  if (state.phase !== 'answering') return reject(state, 'stale', 'timer fired while the interviewer had the floor');
  if (event.scope === 'interview') return enqueueLines({ ...state, queue: [] }, [{ kind: 'closing', reason: 'time-up' }]);
  if (event.questionIndex !== state.current) return reject(state, 'stale', 'timer for a question no longer in play');
  return onSkip(state, event, 'timed-out');
}

function onSaid(state: SessionState, event: Extract<ShellEvent, { type: 'said' }>): StepResult {
  const head = state.queue[0];
  if (state.phase !== 'speaking' || !head || JSON.stringify(head) !== JSON.stringify(event.request)) {
    return reject(state, 'stale', 'a line arrived that the interview was not waiting for');
  }
  let next: SessionState = recordUsage({ ...state, queue: state.queue.slice(1) }, event.usage, event.by);
  if (event.fallback) next = { ...next, fallbacks: [...next.fallbacks, { at: event.at, where: 'line', questionIndex: state.current, reason: event.fallback }] };
  const request = event.request;
  const questionIndex = 'questionIndex' in request ? request.questionIndex : undefined;
  const target = request.kind === 'follow-up' ? request.target : request.kind === 'hint' ? request.keyPointId : undefined;
  if (request.kind === 'closing') next = { ...next, endReason: request.reason };
  if (request.kind === 'question') {
    next = withProgress(next, request.questionIndex, (p) => ({ ...p, status: 'active', askedAt: event.at }));
  }
  const { state: recorded, entry } = appendEntry(next, {
    at: event.at,
    role: 'interviewer',
    kind: request.kind,
    text: event.text,
    ...(questionIndex !== undefined ? { questionIndex } : {}),
    ...(target !== undefined ? { target } : {}),
    by: event.by,
    ...(event.fallback ? { fallback: event.fallback } : {}),
  });
  const effects: Effect[] = [{ type: 'record', entry }];
  const after = queueAfterSpeech(recorded, event.at);
  return { state: after.state, effects: [...effects, ...after.effects] };
}

function onJudged(state: SessionState, event: Extract<ShellEvent, { type: 'judged' }>): StepResult {
  const progress = currentProgress(state);
  const question = currentQuestion(state);
  const lastAnswer = progress?.answers[progress.answers.length - 1];
  if (state.phase !== 'judging' || event.questionIndex !== state.current || !progress || !question || !lastAnswer) {
    return reject(state, 'stale', 'an evaluation arrived that the interview was not waiting for');
  }
  let next = withProgress(state, state.current, (p) => ({
    ...p,
    evaluations: [...p.evaluations, { attempt: p.attempt, answerSeq: lastAnswer.seq, at: event.at, evaluation: event.evaluation }],
  }));
  next = recordUsage(next, event.evaluation.usage, event.evaluation.model ? `llm:${event.evaluation.model}` : undefined);
  if (event.evaluation.fallback) {
    next = { ...next, fallbacks: [...next.fallbacks, { at: event.at, where: 'judge', questionIndex: state.current, reason: event.evaluation.fallback }] };
  }
  const effects: Effect[] = [];
  if (state.plan.mode === 'drill') {
    const recorded = appendEntry(next, {
      at: event.at,
      role: 'system',
      kind: 'feedback',
      questionIndex: state.current,
      text: '',
      feedback: drillFeedback(question, event.evaluation),
    });
    next = recorded.state;
    effects.push({ type: 'record', entry: recorded.entry });
  }
  const decide = decideEffect(next);
  return { state: { ...next, phase: 'deciding' }, effects: [...effects, decide] };
}

function onDecided(state: SessionState, event: Extract<ShellEvent, { type: 'decided' }>): StepResult {
  const question = currentQuestion(state);
  const progress = currentProgress(state);
  if (state.phase !== 'deciding' || event.questionIndex !== state.current || !question || !progress) {
    return reject(state, 'stale', 'a decision arrived that the interview was not waiting for');
  }
  let next = recordUsage(state, event.usage, event.by);
  if (event.fallback) next = { ...next, fallbacks: [...next.fallbacks, { at: event.at, where: 'decision', questionIndex: state.current, reason: event.fallback }] };
  const decision = constrain(event.decision, next);
  next = { ...next, lastDecision: decision };
  if (decision.action === 'next') return moveOn(withProgress(next, next.current, (p) => ({ ...p, status: 'answered' })), event.at);
  const round = progress.followUps.length + 1;
  next = withProgress(next, next.current, (p) => ({
    ...p,
    followUps: [...p.followUps, { target: decision.target, round }],
    probes: SPECIAL_TARGETS.has(decision.target) ? p.probes : { ...p.probes, [decision.target]: (p.probes[decision.target] ?? 0) + 1 },
  }));
  return enqueueLines(next, [{ kind: 'follow-up', questionIndex: next.current, target: decision.target, round }]);
}

/** The engine enforces the plan's limits whatever the interviewer (possibly an LLM) decided. */
function constrain(decision: Decision, state: SessionState): Decision {
  if (decision.action === 'next') return decision;
  const question = currentQuestion(state);
  const progress = currentProgress(state);
  if (!question || !progress) return { action: 'next', reason: 'no question in play' };
  if (progress.followUps.length >= state.plan.maxFollowUps) return { action: 'next', reason: 'follow-up limit reached' };
  if (SPECIAL_TARGETS.has(decision.target)) return decision;
  if (!question.keyPoints.some((k) => k.id === decision.target)) return { action: 'next', reason: `unknown follow-up target "${decision.target}"` };
  // Whoever decided (possibly an LLM), a follow-up never asks for a point the answer already made.
  const evaluation = latestEvaluation(progress);
  const answered = evaluation ? answeredPoints(question, answerTexts(progress).join('\n\n'), evaluation.score.keyPoints) : new Set<string>();
  if (!answered.has(decision.target)) return decision;
  const effect = decideEffect(state);
  return effect.type === 'decide' ? offlineDecide(effect.input) : { action: 'next', reason: 'the answer already covered that point' };
}
