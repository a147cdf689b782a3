import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../../src/engine/scoring/pattern.js';
import { analyzeText } from '../../../src/engine/scoring/analyze-text.js';
import { indexAnswer, matchPattern } from '../../../src/engine/scoring/pattern-match.js';
import { score, statusOf } from './fixtures.js';

const match = (pattern: string, answer: string) => matchPattern(compilePattern(pattern), indexAnswer(analyzeText(answer)));

describe('negation and polarity', () => {
  it.each([
    // [pattern, answer, contradicted]
    ['discriminator', 'It does not use a discriminator.', true],
    ['discriminator', 'It never uses a discriminator.', true],
    ['discriminator', 'It works without a discriminator.', true],
    ['discriminator', "There isn't a discriminator.", true],
    ['discriminator', 'There is no discriminator, just a critic.', true],
    ['discriminator', 'It does not need labels, but it uses a discriminator.', false],
    ['discriminator', 'Not only a generator but also a discriminator.', false],
    ['the terminals are not connected', 'the terminals are separated by a gap', false],
    ['the terminals are not connected', 'the terminals are connected', true],
    ['the terminals are separated by a gap', 'there is no gap between the terminals', true],
    ['the terminals are not separated by the gap', 'there is no gap between the terminals', false],
    ['A and C are not in the same path', 'A and C are in different paths', false],
    ['A and C are in the same path', 'A and C are not in the same path', true],
    ['terminal 1 is connected to the negative terminal', 'terminal 1 is connected to the positive terminal', true],
    ['there is an incomplete circuit', 'the circuit is not complete', false],
    ['a non-zero voltage', 'the voltage is not zero', false],
    ['It depends on whether or not they are in the same path', 'they are in the same path', false],
    ['neither B nor C is in a closed path', 'B and C are in a closed path', true],
    // A predicate that dismisses its subject ("X is unnecessary") or a negated verdict ("X does not help").
    ['deduplicate the training data', 'Deduplication of the training data is completely unnecessary.', true],
    ['gradient clipping', 'Gradient clipping does not help here.', true],
    ['gradient clipping', "Gradient clipping doesn't matter.", true],
    ['gradient clipping', 'Gradient clipping avoids redundant or useless updates.', false],
    ['gradient clipping', 'Without clipping the run diverges, so gradient clipping is necessary.', false],
    ['no reward model is needed', 'A separate reward model is unnecessary.', false],
  ])('"%s" vs "%s": contradicted %s', (pattern, answer, contradicted) => {
    const m = match(pattern, answer);
    expect(m.raw).toBeGreaterThan(0);
    expect(m.contradicted).toBe(contradicted);
  });

  it('a negated cue does not cover its key point and is recorded as negated', () => {
    const s = score('Weight clipping is not used and there is no gradient penalty.');
    expect(statusOf(s, 'lipschitz')).toBe('missed (negated)');
    const kp = s.keyPoints.find((k) => k.id === 'lipschitz');
    // The contract: a contradicted point shows the words that contradict it, negator included.
    const quoted = kp?.evidence.map((e) => e.text).join(' | ') ?? '';
    expect(quoted).toMatch(/no gradient penalty|not used/);
    for (const e of kp?.evidence ?? []) expect(e.text.length).toBeGreaterThan(1);
  });

  it('the same cue without negation covers it', () => {
    expect(statusOf(score('A gradient penalty keeps the critic Lipschitz.'), 'lipschitz')).toBe('covered');
  });
});
