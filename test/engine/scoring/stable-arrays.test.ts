import { describe, expect, it } from 'vitest';
import { countWhere, itemAt, packedMap } from '../../../src/engine/scoring/stable-arrays.js';
import { runGroup } from '../../support/process-group.js';

describe('packedMap, countWhere, itemAt', () => {
  it('give what map, filter().length and indexing give', () => {
    const words = ['a', 'bb', 'ccc', ''];
    expect(packedMap(words, (w, i) => `${i}:${w.length}`)).toEqual(words.map((w, i) => `${i}:${w.length}`));
    expect(packedMap([] as string[], (w) => w)).toEqual([]);
    expect(packedMap([1, 2, 3], (n) => ({ n }))).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(countWhere(words, (w) => w.length > 1)).toBe(2);
    expect(countWhere(words, (_, i) => i % 2 === 0)).toBe(2);
    expect(countWhere([] as number[], () => true)).toBe(0);
    expect([-2, -1, 0, 3, 4].map((i) => itemAt(words, i))).toEqual([undefined, undefined, 'a', '', undefined]);
  });

  it('leaves its input as it was', () => {
    const input = [1, 2, 3];
    packedMap(input, (n) => String(n));
    expect(input).toEqual([1, 2, 3]);
  });

  // The point of packedMap: its result is a packed array whether it runs in the interpreter or as
  // optimised code (Array.prototype.map builds a holey one once optimised: this test fails with
  // \`return xs.map(fn)\`), so code reading the arrays sees one map. Checked in a child node with
  // V8's test intrinsics.
  it('returns packed arrays interpreted and optimised alike', async () => {
    const script = `
      const packedMap = ${packedMap.toString()};
      const build = (tokens) => [packedMap(tokens, () => []), packedMap(tokens, (t, i) => i), packedMap(tokens, (t) => t.n > 1)];
      const tokens = [{ n: 1 }, { n: 2 }, { n: 3 }];
      const holey = (arrays) => arrays.map((a) => %HasHoleyElements(a));
      %PrepareFunctionForOptimization(packedMap);
      const interpreted = holey(build(tokens));
      build(tokens);
      %OptimizeFunctionOnNextCall(packedMap);
      const optimised = holey(build(tokens));
      const status = %GetOptimizationStatus(packedMap);
      process.stdout.write(JSON.stringify({ interpreted, optimised, turbofan: (status & 64) !== 0 }));
    `;
    // In its own process group, killed on timeout (test/support/process-group.ts).
    const run = await runGroup(process.execPath, ['--allow-natives-syntax', '-e', script], { timeoutMs: 30_000 });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { interpreted: boolean[]; optimised: boolean[]; turbofan: boolean };
    expect(out.turbofan).toBe(true);
    expect(out.interpreted).toEqual([false, false, false]);
    expect(out.optimised).toEqual([false, false, false]);
  });
});
