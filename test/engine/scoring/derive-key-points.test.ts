import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyPointSchema } from '../../../src/engine/bank/schema.js';
import { deriveKeyPoints, splitSentences } from '../../../src/engine/scoring/derive-key-points.js';

describe('deriveKeyPoints', () => {
  it('one key point per sentence, equal weights, content words and pairs as cues', () => {
    const kps = deriveKeyPoints('The water was evaporated, leaving the salt. Salt crystals are square!');
    expect(kps).toEqual([
      { id: 'ref-1', statement: 'The water was evaporated, leaving the salt.', weight: 0.5, cues: ['water', 'evaporated', 'leaving', 'salt', 'water evaporated', 'evaporated leaving', 'leaving salt'] },
      { id: 'ref-2', statement: 'Salt crystals are square!', weight: 0.5, cues: ['salt', 'crystals', 'square', 'salt crystals', 'crystals square'] },
    ]);
    for (const kp of kps) expect(KeyPointSchema.safeParse(kp).success).toBe(true);
  });

  it('prefixes ids when a question has several references, and is deterministic', () => {
    expect(deriveKeyPoints('There is a gap.', 2).map((k) => k.id)).toEqual(['ref-2-1']);
    expect(deriveKeyPoints('A. B c d. E f.')).toEqual(deriveKeyPoints('A. B c d. E f.'));
  });

  it('drops sentences with no content words', () => {
    expect(splitSentences('It is what it is. Gradients vanish.')).toEqual(['Gradients vanish.']);
  });
});

// The scorer may use only its own modules, the bank schema, `stemmer` and `zod`.
describe('src/engine/scoring imports', () => {
  const root = path.resolve(import.meta.dirname, '../../../src/engine/scoring');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
    });
  for (const file of files(root)) {
    it(path.relative(root, file), () => {
      const specifiers = [...readFileSync(file, 'utf8').matchAll(/^import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? '');
      const outside = specifiers.filter((s) => !s.startsWith('./') && !s.startsWith('../') && s !== 'stemmer' && s !== 'zod');
      expect(outside).toEqual([]);
      for (const s of specifiers.filter((x) => x.startsWith('../'))) expect(path.resolve(path.dirname(file), s)).toMatch(/src\/engine\/(scoring|bank)\//);
      expect(readFileSync(file, 'utf8').split('\n').length).toBeLessThan(300);
    });
  }
});
