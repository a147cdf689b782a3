import { describe, expect, it } from 'vitest';
import { pendingEffects } from '../../src/engine/effect-inputs.js';
import type { SessionEvent } from '../../src/engine/events.js';
import { step } from '../../src/engine/step.js';
import { initialState, type SessionState } from '../../src/engine/state.js';
import { evaluationOf, planFor } from '../fixtures/questions.js';
import { advance, settle, tick, wordJudge } from './settle.js';

const judge = wordJudge(evaluationOf);

function started(options: Parameters<typeof planFor>[0]): SessionState {
  return settle(initialState('s1', planFor(options)), { type: 'start', at: tick() }, judge).state;
}

function run(state: SessionState, events: SessionEvent[]) {
  let s = state;
  const rejections: string[] = [];
  for (const e of events) {
    const r = settle(s, e, judge);
    if (r.rejection) rejections.push(r.rejection);
    s = r.state;
  }
  return { state: s, rejections };
}

const kinds = (s: SessionState) => s.transcript.map((e) => e.kind);
const answer = (text: string): SessionEvent => ({ type: 'answer', at: tick(), text });
const act = (type: 'hint' | 'skip' | 'retry' | 'end'): SessionEvent => ({ type, at: tick() });

describe('start', () => {
  it('opens and asks the first question, then waits for the candidate', () => {
    const s = started({ mode: 'mock', questionCount: 2 });
    expect(kinds(s)).toEqual(['opening', 'question']);
    expect(s.phase).toBe('answering');
    expect(s.transcript.map((e) => e.seq)).toEqual([1, 2]);
    expect(s.questions[0]?.status).toBe('active');
  });

  it('refuses a second start and anything before start', () => {
    const fresh = initialState('s1', planFor({}));
    expect(step(fresh, answer('hello')).rejection?.code).toBe('not-started');
    expect(step(started({}), { type: 'start', at: tick() }).rejection?.code).toBe('already-started');
  });
});

describe('mock mode', () => {
  it('probes the heaviest missed key point first, at most maxFollowUps times, then moves on', () => {
    const s0 = started({ mode: 'mock', questionCount: 2, maxFollowUps: 2 });
    const { state } = run(s0, [answer('c only'), answer('still c'), answer('nothing new')]);
    const followUps = state.transcript.filter((e) => e.kind === 'follow-up').map((e) => e.target);
    // weights a=0.5, b=0.3, c=0.2: a is probed first, then b; the limit of 2 then moves on.
    expect(followUps).toEqual(['a', 'b']);
    expect(kinds(state).slice(-1)).toEqual(['question']);
    expect(state.current).toBe(1);
    expect(state.questions[0]?.status).toBe('answered');
  });

  it('asks a depth follow-up when everything was covered', () => {
    const { state } = run(started({ mode: 'mock', maxFollowUps: 2 }), [answer('a b c')]);
    expect(state.transcript.at(-1)).toMatchObject({ kind: 'follow-up', target: 'depth' });
  });

  it('offers a simpler way into an "I don\'t know" answer once, then moves on', () => {
    const first = run(started({ mode: 'mock', questionCount: 2 }), [answer("I don't know")]).state;
    expect(first.transcript.at(-1)).toMatchObject({ kind: 'follow-up', target: 'simpler' });
    const { state } = run(first, [answer("I don't know")]);
    expect(state.transcript.at(-1)?.kind).toBe('question');
    expect(state.lastDecision).toMatchObject({ action: 'next' });
  });

  it('does not probe an "I don\'t know" answer when no follow-ups are allowed', () => {
    const { state } = run(started({ mode: 'mock', questionCount: 2, maxFollowUps: 0 }), [answer("I don't know")]);
    expect(state.transcript.at(-1)?.kind).toBe('question');
  });

  it('sends no feedback entries and refuses hints and retries', () => {
    const s = started({ mode: 'mock' });
    expect(step(s, act('hint')).rejection?.code).toBe('not-allowed-in-mode');
    const answered = run(s, [answer('a')]).state;
    expect(step(answered, act('retry')).rejection?.code).toBe('not-allowed-in-mode');
    expect(kinds(answered)).not.toContain('feedback');
  });

  it('runs a whole interview to the closing and an end effect', () => {
    const s0 = started({ mode: 'mock', questionCount: 3, maxFollowUps: 0 });
    const last = settle(run(s0, [answer('a'), answer('b')]).state, answer('c'), judge);
    expect(last.state.phase).toBe('ended');
    expect(last.state.endReason).toBe('completed');
    expect(last.effects.at(-1)).toEqual({ type: 'end', reason: 'completed' });
    expect(kinds(last.state).filter((k) => k === 'question')).toHaveLength(3);
    expect(kinds(last.state).at(-1)).toBe('closing');
    expect(step(last.state, answer('late')).rejection?.code).toBe('ended');
  });
});

describe('drill mode', () => {
  it('shows covered and missed key points after each answer and keeps probing the missed ones', () => {
    const { state } = run(started({ mode: 'drill', questionCount: 2, maxFollowUps: 3 }), [answer('b'), answer('still nothing'), answer('a now')]);
    const feedback = state.transcript.filter((e) => e.kind === 'feedback').map((e) => e.feedback);
    expect(feedback[0]?.covered.map((c) => c.id)).toEqual(['b']);
    expect(feedback[0]?.missed.map((m) => m.id)).toEqual(['a', 'c']);
    const targets = state.transcript.filter((e) => e.kind === 'follow-up').map((e) => e.target);
    // The heaviest missed point with the fewest probes goes first, so every gap gets a turn:
    // a (0.5), then c (a was probed once), then c again once a is covered.
    expect(targets).toEqual(['a', 'c', 'c']);
    expect(state.questions[0]?.probes).toEqual({ a: 1, c: 2 });
  });

  it('moves on once every key point is covered, without a depth probe', () => {
    const { state } = run(started({ mode: 'drill', questionCount: 2 }), [answer('a b c')]);
    expect(state.current).toBe(1);
    expect(state.transcript.at(-1)?.kind).toBe('question');
  });

  it('gives hints for the heaviest uncovered point, one per point, then refuses', () => {
    let s = started({ mode: 'drill', questionCount: 1 });
    const targets: (string | undefined)[] = [];
    for (let i = 0; i < 3; i++) {
      s = settle(s, act('hint'), judge).state;
      targets.push(s.transcript.at(-1)?.target);
    }
    expect(targets).toEqual(['a', 'b', 'c']);
    expect(step(s, act('hint')).rejection?.code).toBe('no-hint');
    expect(s.phase).toBe('answering');
  });

  it('retry starts the question over with a fresh attempt', () => {
    const s = run(started({ mode: 'drill', questionCount: 2, maxFollowUps: 1 }), [answer('a')]).state;
    expect(s.current).toBe(0);
    const retried = settle(s, act('retry'), judge).state;
    expect(kinds(retried).slice(-2)).toEqual(['retry', 'question']);
    expect(retried.questions[0]).toMatchObject({ attempt: 2, answers: [], followUps: [] });
    expect(step(started({ mode: 'drill' }), act('retry')).rejection?.code).toBe('nothing-to-retry');
  });
});

describe('skip, timeout and ending early', () => {
  it('skip closes the question as skipped and asks the next', () => {
    const { state } = run(started({ questionCount: 2 }), [act('skip')]);
    expect(state.questions[0]?.status).toBe('skipped');
    expect(kinds(state).slice(-2)).toEqual(['skip', 'question']);
  });

  it('a question timer marks the question timed out; a stale timer is refused', () => {
    const s = started({ questionCount: 2, questionTimeLimitSeconds: 60 });
    expect(step(s, { type: 'timeout', at: tick(), scope: 'question', questionIndex: 1 }).rejection?.code).toBe('stale');
    const after = settle(s, { type: 'timeout', at: tick(), scope: 'question', questionIndex: 0 }, judge).state;
    expect(after.questions[0]?.status).toBe('timed-out');
    expect(after.current).toBe(1);
  });

  it('arms a question timer each time the candidate gets the floor', () => {
    const first = settle(initialState('s', planFor({ questionTimeLimitSeconds: 30 })), { type: 'start', at: tick() }, judge);
    const timer = first.effects.find((e) => e.type === 'timer');
    expect(timer).toMatchObject({ scope: 'question', questionIndex: 0 });
    expect(timer && 'deadline' in timer && timer.deadline - (first.state.questions[0]?.askedAt ?? 0)).toBe(30_000);
  });

  it('the interview budget closes with time-up at the next boundary', () => {
    const s = started({ questionCount: 3, timeBudgetMinutes: 1, maxFollowUps: 0 });
    const late: SessionEvent = { type: 'answer', at: advance(61_000), text: 'a' };
    const r = settle(s, late, judge);
    expect(r.state.phase).toBe('ended');
    expect(r.state.endReason).toBe('time-up');
  });

  it('end early closes the interview from the candidate turn and before the start', () => {
    const r = run(started({ questionCount: 3 }), [answer('a b c'), act('end')]);
    expect(r.state.phase).toBe('ended');
    expect(r.state.endReason).toBe('ended-early');
    const fresh = step(initialState('s', planFor({})), act('end'));
    expect(fresh.state.phase).toBe('ended');
    expect(fresh.effects).toEqual([{ type: 'end', reason: 'ended-early' }]);
  });
});

describe('every candidate action in every phase', () => {
  const actions: SessionEvent['type'][] = ['start', 'answer', 'hint', 'skip', 'retry', 'end'];
  const phases: Record<string, SessionState> = {};
  const base = initialState('s', planFor({ mode: 'drill', questionCount: 2 }));
  phases['not-started'] = base;
  const begun = step(base, { type: 'start', at: tick() });
  phases.speaking = begun.state;
  phases.answering = started({ mode: 'drill', questionCount: 2 });
  phases.judging = step(phases.answering, answer('a')).state;
  phases.ended = run(phases.answering, [act('end')]).state;

  for (const [phase, state] of Object.entries(phases)) {
    for (const type of actions) {
      it(`${type} in ${phase} is applied or rejected, never thrown`, () => {
        const event = (type === 'answer' ? answer('a b') : { type, at: tick() }) as SessionEvent;
        const result = step(state, event);
        expect(result.state).toBeDefined();
        if (result.rejection) {
          expect(result.state).toBe(state);
          expect(result.effects).toEqual([]);
          expect(result.rejection.message.length).toBeGreaterThan(10);
        }
      });
    }
  }

  it('the states are what their names say', () => {
    expect(Object.fromEntries(Object.entries(phases).map(([k, s]) => [k, s.phase]))).toEqual({
      'not-started': 'not-started',
      speaking: 'speaking',
      answering: 'answering',
      judging: 'judging',
      ended: 'ended',
    });
  });
});

describe('determinism and rebuild', () => {
  it('replaying the stored events rebuilds the same state', () => {
    const log: SessionEvent[] = [];
    let s = initialState('s', planFor({ mode: 'drill', questionCount: 2, seed: 'abc' }));
    const record = (e: SessionEvent) => {
      const r = step(s, e);
      if (!r.rejection) {
        log.push(e);
        s = r.state;
      }
      return r;
    };
    // Drive by hand, recording every accepted event (candidate and shell alike).
    const drive = (e: SessionEvent) => {
      const queue = [e];
      while (queue.length) {
        const ev = queue.shift() as SessionEvent;
        const r = record(ev);
        for (const eff of r.effects) {
          if (eff.type === 'speak') queue.push({ type: 'said', at: tick(), request: eff.input.request, text: 'x', by: 'offline' });
          if (eff.type === 'judge') queue.push({ type: 'judged', at: tick(), questionIndex: eff.questionIndex, evaluation: judge(eff.input.question, eff.input.answer) });
          if (eff.type === 'decide') queue.push({ type: 'decided', at: tick(), questionIndex: eff.questionIndex, decision: { action: 'next' }, by: 'offline' });
        }
      }
    };
    drive({ type: 'start', at: tick() });
    drive(answer('a'));
    drive(act('hint'));
    const replayed = log.reduce((acc, e) => step(acc, e).state, initialState('s', planFor({ mode: 'drill', questionCount: 2, seed: 'abc' })));
    expect(replayed).toEqual(s);
  });

  it('pendingEffects re-issues the in-flight work of a rebuilt state', () => {
    const answering = started({ mode: 'mock' });
    const judging = step(answering, answer('a')).state;
    expect(pendingEffects(judging).map((e) => e.type)).toEqual(['judge']);
    const speaking = step(initialState('s', planFor({})), { type: 'start', at: tick() }).state;
    expect(pendingEffects(speaking)).toMatchObject([{ type: 'speak', input: { request: { kind: 'opening' } } }]);
    expect(pendingEffects(answering)).toEqual([]);
  });

  it('a line result that does not match the request in flight is refused as stale', () => {
    const speaking = step(initialState('s', planFor({})), { type: 'start', at: tick() }).state;
    const wrong = step(speaking, { type: 'said', at: tick(), request: { kind: 'closing', reason: 'completed' }, text: 'bye', by: 'x' });
    expect(wrong.rejection?.code).toBe('stale');
  });

  it('refuses an empty answer without storing anything', () => {
    const s = started({});
    const r = step(s, answer('   '));
    expect(r.rejection?.code).toBe('empty-answer');
    expect(r.state.transcript).toHaveLength(2);
  });
});
