// Carries out the engine's effects: feeds an event to `step`, commits the result, runs the effects
// through the interviewer and judge ports, and feeds their results back until the engine waits for
// the candidate. Shared by the WebSocket session runner and the terminal interview.
import type { Effect, Rejection, StepResult } from '../engine/effects.js';
import type { SessionEvent } from '../engine/events.js';
import type { EndReason } from '../engine/lines.js';
import { offlineDecide } from '../engine/interviewer/offline-decide.js';
import { offlineLine } from '../engine/interviewer/offline-lines.js';
import { offlineEvaluation, OFFLINE_ID } from '../engine/interviewer/offline-interviewer.js';
import type { AssessContext, Assessor, DecisionResult, Interviewer, Judge, PreparedLine, SpokenLine } from '../engine/ports.js';
import type { SpeakInput } from '../engine/effects.js';
import { step } from '../engine/step.js';
import { closingSummary } from '../engine/effect-inputs.js';
import { packedMap } from '../engine/scoring/stable-arrays.js';
import { answerTexts, type SessionState, type TranscriptEntry } from '../engine/state.js';

export interface DriverPorts {
  interviewer: Interviewer;
  judge: Judge;
  /** Judges and proposes the decision in one call (the LLM ports); without it, judge then decide. */
  assessor?: Assessor;
  now: () => number;
}

/** What the shell does with the engine's output. `commit` must be durable before it resolves. */
export interface DriverHooks {
  /** Store an accepted event with its resulting state and the transcript entries it made. */
  commit(event: SessionEvent, result: StepResult): Promise<void> | void;
  /**
   * Store several accepted events at once (one transaction). When given, the driver holds the
   * events it makes itself (judged, decided, said) until something is to be shown, stored or
   * timed, so a turn's events after the answer reach the disk in one commit.
   */
  commitAll?(items: Accepted[]): Promise<void> | void;
  /** A transcript entry is stored: show it to the candidate. */
  entry(entry: TranscriptEntry, state: SessionState): void;
  /** A piece of a line in progress (`lineId` = the seq the line will get). */
  delta(lineId: string, delta: string): void;
  timer(effect: Extract<Effect, { type: 'timer' }>): void;
  end(reason: EndReason, state: SessionState): Promise<void> | void;
  /** Something failed that the driver handled (logged by the shell). */
  warn?(message: string, error: unknown): void;
}

/** An event `step` accepted, with its result. */
export interface Accepted {
  event: SessionEvent;
  result: StepResult;
}

/** Effects the candidate or the clock sees: events before them must be stored first. */
const VISIBLE: ReadonlySet<Effect['type']> = new Set(['record', 'timer', 'end']);

export interface DispatchResult {
  state: SessionState;
  rejection?: Rejection;
}

/**
 * Applies `event` and everything that follows from it. Only the first event can be rejected;
 * the events the driver makes from effect results are the engine's own answers to its requests.
 */
export async function dispatch(state: SessionState, event: SessionEvent, ports: DriverPorts, hooks: DriverHooks): Promise<DispatchResult> {
  const first = step(state, event);
  if (first.rejection) return { state, rejection: first.rejection };
  await hooks.commit(event, first);
  return { state: await runEffects(first.state, first.effects, ports, hooks) };
}

/** Runs effects (e.g. the pending ones of a session rebuilt after a restart) to quiescence. */
export async function runEffects(state: SessionState, effects: Effect[], ports: DriverPorts, hooks: DriverHooks): Promise<SessionState> {
  let current = state;
  const work = [...effects];
  // Decisions the assessor proposed with an evaluation, by question: the decide effect that
  // follows the judged event takes them instead of asking again. Lost on a crash, which only
  // means the rebuilt session asks the interviewer to decide.
  const proposals = new Map<number, DecisionResult>();
  // The line the assessing call wrote for its proposal; used by the speak effect it fits.
  const prepared: Prepared = { line: undefined };
  const held: Accepted[] = [];
  const store = async () => {
    if (held.length > 0) await hooks.commitAll?.(held.splice(0));
  };
  try {
    while (work.length > 0) {
      const effect = work.shift() as Effect;
      if (VISIBLE.has(effect.type)) await store();
      const next = await perform(effect, current, ports, hooks, proposals, prepared);
      if (!next) continue;
      const result = step(current, next);
      if (result.rejection) {
        hooks.warn?.(`engine refused its own ${next.type} event: ${result.rejection.message}`, result.rejection);
        continue;
      }
      if (hooks.commitAll) held.push({ event: next, result });
      else await hooks.commit(next, result);
      current = result.state;
      work.push(...result.effects);
    }
    await store();
  } finally {
    prepared.line?.cancel();
  }
  return current;
}

interface Prepared {
  line: PreparedLine | undefined;
}

/** Takes the prepared line if it is the one `input` asks for; any other is cancelled. */
function takePrepared(prepared: Prepared, input: SpeakInput): PreparedLine | undefined {
  const line = prepared.line;
  prepared.line = undefined;
  if (!line) return undefined;
  const { request } = input;
  const fits =
    (request.kind === 'follow-up' && line.for.kind === 'follow-up' && line.for.target === request.target) ||
    (request.kind === 'question' && request.transition && !request.retry && line.for.kind === 'question' && line.for.questionIndex === request.questionIndex) ||
    (request.kind === 'closing' && request.reason === 'completed' && line.for.kind === 'closing');
  if (fits) return line;
  line.cancel();
  return undefined;
}

/** The prepared line when it fits and is usable, else the interviewer's (without deltas once some were shown). */
async function speakLine(input: SpeakInput, ports: DriverPorts, prepared: Prepared, push: (delta: string) => void): Promise<SpokenLine> {
  const line = takePrepared(prepared, input);
  let shown = false;
  if (line) {
    const spoken = await line.speak(input, (d) => {
      shown = true;
      push(d);
    });
    if (spoken) return spoken;
  }
  return ports.interviewer.speak(input, shown ? () => undefined : push);
}

async function perform(effect: Effect, state: SessionState, ports: DriverPorts, hooks: DriverHooks, proposals: Map<number, DecisionResult>, prepared: Prepared): Promise<SessionEvent | undefined> {
  switch (effect.type) {
    case 'record':
      hooks.entry(effect.entry, state);
      return undefined;
    case 'timer':
      hooks.timer(effect);
      return undefined;
    case 'end':
      await hooks.end(effect.reason, state);
      return undefined;
    case 'speak': {
      const lineId = String(effect.input.seq);
      const deltas = coalesce((d) => hooks.delta(lineId, d));
      try {
        const line = await speakLine(effect.input, ports, prepared, deltas.push);
        deltas.flush();
        return { type: 'said', at: ports.now(), request: effect.input.request, text: line.text, by: line.by, ...opt(line) };
      } catch (error) {
        deltas.flush();
        hooks.warn?.('interviewer failed to phrase a line; the offline interviewer stood in', error);
        const text = offlineLine(effect.input);
        hooks.delta(lineId, text);
        return { type: 'said', at: ports.now(), request: effect.input.request, text, by: OFFLINE_ID, fallback: `interviewer error: ${message(error)}` };
      }
    }
    case 'judge':
      try {
        if (ports.assessor) {
          const assessed = await ports.assessor.assess(effect.input, assessContext(state, effect.questionIndex, effect.input.question));
          if (assessed.decision) proposals.set(effect.questionIndex, assessed.decision);
          prepared.line?.cancel();
          prepared.line = assessed.decision ? assessed.line : undefined;
          return { type: 'judged', at: ports.now(), questionIndex: effect.questionIndex, evaluation: assessed.evaluation };
        }
        return { type: 'judged', at: ports.now(), questionIndex: effect.questionIndex, evaluation: await ports.judge.judge(effect.input) };
      } catch (error) {
        hooks.warn?.('judge failed; the offline scorer stood in', error);
        const evaluation = { ...offlineEvaluation(effect.input), fallback: `judge error: ${message(error)}` };
        return { type: 'judged', at: ports.now(), questionIndex: effect.questionIndex, evaluation };
      }
    case 'decide':
      try {
        const proposed = proposals.get(effect.questionIndex);
        proposals.delete(effect.questionIndex);
        if (!proposed) {
          prepared.line?.cancel();
          prepared.line = undefined;
        }
        const d = proposed ?? (await ports.interviewer.decide(effect.input));
        return { type: 'decided', at: ports.now(), questionIndex: effect.questionIndex, decision: d.decision, by: d.by, ...opt(d) };
      } catch (error) {
        hooks.warn?.('interviewer failed to decide; the offline interviewer stood in', error);
        const decision = offlineDecide(effect.input);
        return { type: 'decided', at: ports.now(), questionIndex: effect.questionIndex, decision, by: OFFLINE_ID, fallback: `interviewer error: ${message(error)}` };
      }
  }
}

/**
 * What the decide effect after this judgement will carry, but the evaluation (see decideEffect), and
 * the question a move on would ask next, or on the last question how the ones before it went (for
 * the closing line a move on would complete the interview with).
 */
function assessContext(state: SessionState, questionIndex: number, question: AssessContext['question']): AssessContext {
  const progress = state.questions[questionIndex];
  const nextIndex = questionIndex + 1;
  const nextQuestion = state.plan.questions[nextIndex];
  const total = state.plan.questions.length;
  return {
    ...(nextQuestion ? { upcoming: { questionIndex: nextIndex, question: nextQuestion, number: nextIndex + 1, total } } : { closing: { summary: closingSummary(state, questionIndex) } }),
    mode: state.plan.mode,
    seed: state.plan.seed,
    question,
    answers: answerTexts(progress),
    followUpsAsked: progress?.followUps.length ?? 0,
    maxFollowUps: state.plan.maxFollowUps,
    probed: progress ? packedMap(progress.followUps, (f) => f.target) : [],
  };
}

/**
 * Pieces of a line that arrive together (one read from the model's socket) go out as one delta
 * frame: a frame per token cost the server more than relaying the tokens. Flushed on the next
 * turn of the event loop, and before the line is stored.
 */
function coalesce(send: (delta: string) => void): { push: (delta: string) => void; flush: () => void } {
  let pending = '';
  let tick: NodeJS.Immediate | undefined;
  const flush = () => {
    if (tick) clearImmediate(tick);
    tick = undefined;
    if (pending === '') return;
    const text = pending;
    pending = '';
    send(text);
  };
  return {
    push: (delta) => {
      pending += delta;
      tick ??= setImmediate(flush);
    },
    flush,
  };
}

const opt = (r: { fallback?: string; usage?: { promptTokens: number; completionTokens: number } }) => ({
  ...(r.fallback ? { fallback: r.fallback } : {}),
  ...(r.usage ? { usage: r.usage } : {}),
});

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
