// The drill feedback header counts each key point once, by its status (partly is not "covered").
import { describe, expect, it } from 'vitest';
import { feedbackCounts } from '../../web/views/chat-items.js';

const point = (id: string, status: 'covered' | 'partly') => ({ id, statement: id, status, words: [] });

describe('feedbackCounts', () => {
  it('splits covered from partly and counts contradicted points apart from missed ones', () => {
    expect(feedbackCounts({ covered: [point('a', 'covered'), point('b', 'covered'), point('c', 'covered'), point('d', 'partly'), point('e', 'partly')], missed: [], overall: 70 })).toBe(
      'Covered (3) · Partly (2) · Missed (0)',
    );
    const missed = [{ id: 'f', statement: 'f' }, { id: 'g', statement: 'g', negated: true, words: ['the opposite'] }];
    expect(feedbackCounts({ covered: [point('a', 'covered')], missed, overall: 20 })).toBe('Covered (1) · Partly (0) · Missed (1) · Contradicted (1)');
  });
});
