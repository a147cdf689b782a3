import { describe, expect, it } from 'vitest';
import { createPlan, PlanOptionsSchema } from '../../src/engine/plan.js';
import { QUESTIONS } from '../fixtures/questions.js';

const plan = (options: Record<string, unknown>, seed: number | string = 1) => createPlan(QUESTIONS, { ...PlanOptionsSchema.parse(options), seed }, 'v1');
const ids = (r: ReturnType<typeof plan>) => (r.ok ? r.plan.questions.map((q) => q.id) : r.error);

describe('createPlan', () => {
  it('same seed, same interview; another seed, another order', () => {
    expect(ids(plan({ questionCount: 4 }, 'x'))).toEqual(ids(plan({ questionCount: 4 }, 'x')));
    const orders = new Set([1, 2, 3, 4, 5, 6].map((s) => JSON.stringify(ids(plan({ questionCount: 3 }, s)))));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('filters by topic and difficulty and orders easy to hard', () => {
    const r = plan({ topics: ['gans', 'vaes'], difficulty: { min: 1, max: 3 }, questionCount: 10 });
    expect(r.ok && r.plan.questions.map((q) => [q.id, q.difficulty])).toEqual([
      ['q-gan', 1],
      ['q-vae', 2],
      ['q-wgan', 3],
    ]);
    expect(r.ok && r.shortBy).toBe(7);
  });

  it('spreads questions across topics before repeating one', () => {
    const r = plan({ questionCount: 4 }, 3);
    const topics = r.ok ? new Set(r.plan.questions.map((q) => q.topic)) : new Set();
    expect(topics.size).toBe(4);
  });

  it('explains what to change when nothing matches or a topic is unknown', () => {
    expect(plan({ topics: ['gans'], difficulty: { min: 2, max: 2 } })).toEqual({
      ok: false,
      error: 'no questions match topics [gans] at difficulty 2-2; widen the topics or the difficulty range',
    });
    const unknown = plan({ topics: ['nope'] });
    expect(!unknown.ok && unknown.error).toMatch(/unknown topic\(s\): nope; known topics: gans, llms, transformers, vaes/);
  });

  it('validates options with clear errors', () => {
    const bad = PlanOptionsSchema.safeParse({ mode: 'exam', questionCount: 0, difficulty: { min: 3, max: 1 } });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['mode', 'questionCount']));
    expect(PlanOptionsSchema.safeParse({ difficulty: { min: 3, max: 1 } }).error?.issues[0]?.message).toBe('difficulty.min must not exceed difficulty.max');
    expect(PlanOptionsSchema.safeParse({ extra: 1 }).success).toBe(false);
  });
});
