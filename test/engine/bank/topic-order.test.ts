// Topics come in the guide's order (each topic file's `order`), not by id, and every question
// carries its topic's title so a stored plan and its report can name the topic.
import { describe, expect, it } from 'vitest';
import { validateBank } from '../../../src/engine/bank/validate-bank.js';
import { realBank } from '../report/sessions.js';

describe('topic order', () => {
  it('lists the real bank in the guide order, Foundations first, each order used once', async () => {
    const bank = await realBank();
    expect(bank.topics.map((t) => t.id)).toEqual(['foundations', 'gans', 'vaes', 'evaluation', 'transformers', 'llms', 'training', 'diffusion', 'applications', 'ethics', 'career']);
    const orders = bank.topics.map((t) => t.order);
    expect(new Set(orders).size).toBe(orders.length);
    expect(bank.questions.every((q) => q.topicTitle === bank.topics.find((t) => t.id === q.topic)?.title)).toBe(true);
  });

  it('puts topics without an order last, in file order', () => {
    const file = (id: string, order?: number) => ({ file: `${id}.yaml`, data: { topic: { id, title: id.toUpperCase(), ...(order ? { order } : {}) } } });
    const { bank } = validateBank([file('zeta', 1), file('alpha'), file('beta', 2), file('gamma')]);
    expect(bank.topics.map((t) => t.id)).toEqual(['zeta', 'beta', 'alpha', 'gamma']);
  });
});
