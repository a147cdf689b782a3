import { describe, expect, it } from 'vitest';
import { editDistance, isNearMiss, withinOneEdit } from '../../../src/engine/scoring/fuzzy.js';
import { foldText } from '../../../src/engine/scoring/tokenize.js';

// A small deterministic generator, so a failure names the same strings on every run.
function* randomPairs(n: number): Generator<[string, string]> {
  let seed = 12345;
  const next = (k: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % k;
  };
  const alphabet = 'abcde';
  const word = (): string => Array.from({ length: next(8) }, () => alphabet[next(alphabet.length)]).join('');
  for (let i = 0; i < n; i += 1) {
    const a = word();
    // Half the pairs are one random edit apart, so the "within one" side is well exercised.
    let b = word();
    if (next(2) === 0) {
      const at = next(a.length + 1);
      const op = next(4);
      const ch = alphabet[next(alphabet.length)] as string;
      b = op === 0 ? a.slice(0, at) + ch + a.slice(at) : op === 1 ? a.slice(0, at) + a.slice(at + 1) : op === 2 ? a.slice(0, at) + ch + a.slice(at + 1) : a.slice(0, at) + a.slice(at + 1, at + 2) + a.slice(at, at + 1) + a.slice(at + 2);
    }
    yield [a, b];
  }
}

describe('withinOneEdit', () => {
  it('agrees with the optimal-string-alignment distance on 20,000 pairs', () => {
    let within = 0;
    for (const [a, b] of randomPairs(20_000)) {
      const expected = editDistance(a, b, 1) <= 1;
      if (withinOneEdit(a, b) !== expected) throw new Error(`withinOneEdit(${JSON.stringify(a)}, ${JSON.stringify(b)}) should be ${expected}`);
      if (expected) within += 1;
    }
    expect(within).toBeGreaterThan(5_000);
  });

  it('counts a swap of neighbours as one edit, two swaps as more', () => {
    expect(withinOneEdit('recieve', 'receive')).toBe(true);
    expect(withinOneEdit('abcd', 'badc')).toBe(false);
    expect(withinOneEdit('seperated', 'separated')).toBe(true);
    expect(withinOneEdit('seprated', 'separated')).toBe(true);
    expect(withinOneEdit('sepratd', 'separated')).toBe(false);
  });
});

describe('isNearMiss', () => {
  it('takes misspellings and derivations, not other words', () => {
    expect(isNearMiss('conected', 'conect', 'connected', 'connect')).toBe(true);
    expect(isNearMiss('lower', 'lower', 'power', 'power')).toBe(false);
    expect(isNearMiss('conduct', 'conduct', 'conductor', 'conductor')).toBe(true);
    expect(isNearMiss('layer2', 'layer2', 'layer3', 'layer3')).toBe(false);
    expect(isNearMiss('cat', 'cat', 'cut', 'cut')).toBe(false);
  });
});

describe('foldText', () => {
  it('keeps every offset: plain ASCII and folded text have the input length', () => {
    for (const text of ['Plain ASCII, Mixed Case.', 'a `quoted` word', 'curly \u2019quotes\u2019 \u2014 dash', 'Caf\u00e9 na\u00efve \u00d7 2']) {
      expect(foldText(text)).toHaveLength(text.length);
    }
    expect(foldText('A `B` \u2019C\u2019')).toBe("a 'b' 'c'");
  });
});
