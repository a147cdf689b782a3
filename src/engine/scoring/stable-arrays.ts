// Array building and reading that keeps V8's optimised code from being thrown away and compiled
// again in the middle of a run; used by the scorer, and by the engine and the server's turn path (it
// sits here because the scorer may import only its own modules and the bank schema). V8's
// optimised code builds the result of `Array.prototype.map` as a holey array while the interpreter
// builds a packed one, so every function reading such arrays saw a new map ("wrong map"
// deoptimisation) whenever the function that built them got optimised, and was compiled again, well
// into a server's run.

/**
 * `xs.map(fn)`, as a packed array however the caller runs: a copy of `xs` (exact size, its packed
 * kind) overwritten in place, which allocates less than growing an array by push.
 */
export function packedMap<T, U>(xs: readonly T[], fn: (x: T, i: number) => U): U[] {
  const out = xs.slice() as unknown[];
  for (let i = 0; i < xs.length; i += 1) out[i] = fn(xs[i] as T, i);
  return out as U[];
}

/**
 * `xs[i]`, or undefined outside the array, without reading out of bounds: an optimised function
 * that had never read past an end before it was compiled is thrown away the first time it does
 * (a rare negator at the end of an answer, a role word first).
 */
export function itemAt<T>(xs: readonly T[], i: number): T | undefined {
  return i >= 0 && i < xs.length ? xs[i] : undefined;
}

/**
 * `xs.filter(test).length` without the array: a filtered array's kind follows what it holds (an
 * empty one is a small-integer array), so a `.length` read after it saw a new map whenever a set
 * of answers first made the filter keep something.
 */
export function countWhere<T>(xs: readonly T[], test: (x: T, i: number) => unknown): number {
  let n = 0;
  for (let i = 0; i < xs.length; i += 1) if (test(xs[i] as T, i)) n += 1;
  return n;
}
