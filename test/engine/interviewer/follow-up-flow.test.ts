// The follow-up rules seen through the engine: a second chance replaces the non-answer it follows,
// and a decision (say from an LLM) that targets a point the answer made is overruled. Tables, no I/O.
import { describe, expect, it } from 'vitest';
import type { Effect } from '../../../src/engine/effects.js';
import { step } from '../../../src/engine/step.js';
import { initialState, type SessionState } from '../../../src/engine/state.js';
import { evaluationOf, planFor } from '../../fixtures/questions.js';
import { settle, tick, wordJudge } from '../settle.js';
import { CFG, evaluate } from './cases.js';
import { createPlan, PlanOptionsSchema } from '../../../src/engine/plan.js';

const judge = wordJudge(evaluationOf);
const answer = (text: string) => ({ type: 'answer' as const, at: tick(), text });

describe('a second chance restarts the answer', () => {
  it('judges the answer after a simpler way in without the non-answer before it', () => {
    const started = settle(initialState('s', planFor({ mode: 'mock', questionCount: 2 })), { type: 'start', at: tick() }, judge).state;
    const asked = settle(started, answer("I don't know"), judge).state;
    expect(asked.transcript.at(-1)).toMatchObject({ kind: 'follow-up', target: 'simpler' });
    const judged = step(asked, answer('it is about a and b')).effects.find((e): e is Extract<Effect, { type: 'judge' }> => e.type === 'judge');
    expect(judged?.input.answer).toBe('it is about a and b');
    // A simpler way in is not a key point probe: no probe counts are recorded for it.
    expect(asked.questions[0]?.probes).toEqual({});
  });
});

describe('the engine overrules a follow-up on a point the answer made', () => {
  const plan = (() => {
    const r = createPlan([CFG], { ...PlanOptionsSchema.parse({ mode: 'mock', questionCount: 1, maxFollowUps: 2 }), seed: 1 }, 'test');
    if (!r.ok) throw new Error(r.error);
    return r.plan;
  })();
  const FORMULA = 'At sampling: eps = eps_uncond + w * (eps_cond - eps_uncond).';

  function deciding(): SessionState {
    let s = initialState('s', plan);
    const feed = (effects: Effect[]): void => {
      for (const e of effects) {
        if (e.type === 'speak') {
          const r = step(s, { type: 'said', at: tick(), request: e.input.request, text: 'line', by: 'offline' });
          s = r.state;
          feed(r.effects);
        }
      }
    };
    const started = step(s, { type: 'start', at: tick() });
    s = started.state;
    feed(started.effects);
    s = step(s, answer(FORMULA)).state;
    // The scorer missed the formula: guidance-formula is "missed".
    s = step(s, { type: 'judged', at: tick(), questionIndex: 0, evaluation: evaluate(CFG, FORMULA, {}) }).state;
    expect(s.phase).toBe('deciding');
    return s;
  }

  it.each([
    ['the point the formula made', 'guidance-formula', 'scale-tradeoff'],
    ['a point still open', 'cost', 'cost'],
  ])('an LLM asking for %s gets %s replaced by %s', (_name, asked, expected) => {
    const r = step(deciding(), { type: 'decided', at: tick(), questionIndex: 0, decision: { action: 'follow-up', target: asked }, by: 'llm:model' });
    expect(r.state.lastDecision).toMatchObject({ action: 'follow-up', target: expected });
  });
});
