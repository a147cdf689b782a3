import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/engine/scoring/analyze-text.js';
import { foldText, tokenize } from '../../../src/engine/scoring/tokenize.js';

const terms = (text: string): string[] => {
  const a = analyzeText(text);
  return a.content.map((i) => a.tokens[i]?.term ?? '?');
};

describe('tokenize', () => {
  it('folds quotes, dashes and accents without moving offsets', () => {
    const text = 'Fréchet’s “distance” — mode‑collapse';
    expect(foldText(text)).toHaveLength(text.length);
    expect(foldText(text)).toBe('frechet\'s "distance" - mode-collapse');
    const words = tokenize(text).filter((t) => t.kind === 'word');
    expect(words.map((t) => text.slice(t.start, t.end))).toEqual(['Fréchet', 'distance', 'mode', 'collapse']);
  });

  it.each([
    ["isn't", ['is', 'not']],
    ["can't", ['can', 'not']],
    ["won't", ['will', 'not']],
    ['doesnt', ['does', 'not']],
    ['cannot', ['can', 'not']],
    ["Earth Mover's", ['earth', 'mover']],
    ['mode-collapse', ['mode', 'collapse']],
    ['1.5 volts', ['1.5', 'volts']],
    ['e.g. GPT-4', ['eg', 'gpt', '4']],
    // Names of Object.prototype's members are words like any other, not contractions.
    ['the constructor runs', ['the', 'constructor', 'runs']],
    ["constructorn't", ['constructor', 'not']],
  ])('%s -> %j', (text, expected) => {
    expect(tokenize(text).filter((t) => t.kind !== 'punct').map((t) => t.norm)).toEqual(expected);
  });
});

describe('terms', () => {
  it.each([
    ['mode-collapse', 'mode collapse'],
    ['Kullback-Leibler divergence', 'KL divergence'],
    ["Earth Mover's distance", 'EMD'],
    ['Wasserstein distance', 'earth mover distance'],
    ['Fréchet Inception Distance', 'FID'],
    ['large language models', 'LLMs'],
    ['fine-tuning', 'finetuning'],
    ['the bulbs were bigger', 'bulb is big'],
    ['water was left', 'water leaves'],
    ['connected', 'joined'],
  ])('%s matches %s', (a, b) => {
    expect(terms(a)).toEqual(terms(b));
  });

  it('keeps words Porter would merge apart', () => {
    expect(terms('generator')).not.toEqual(terms('generalization'));
    expect(terms('positive')).not.toEqual(terms('position'));
  });

  it('reads a single letter as a name, and "a" as an article only where it is one', () => {
    expect(terms('bulbs A and C are in a closed path')).toEqual(['bulb', 'a', 'c', 'close', 'path']);
  });

  it('marks self-negating words', () => {
    const a = analyzeText('a non-zero voltage and an incomplete circuit');
    expect(a.content.map((i) => [a.tokens[i]?.term, a.tokens[i]?.inherentNeg])).toEqual([
      ['0', true],
      ['voltag', false],
      ['close', true],
      ['circuit', false],
    ]);
  });
});
