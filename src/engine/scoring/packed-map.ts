// Array mapping whose result keeps one elements kind. V8's optimised code builds the result of
// `Array.prototype.map` as a holey array while the interpreter builds a packed one, so every
// function reading such arrays saw a new map ("wrong map" deoptimisation) whenever the function
// that built them got optimised, and was compiled again, well into a server's run.

/**
 * `xs.map(fn)`, as a packed array however the caller runs: a copy of `xs` (exact size, its packed
 * kind) overwritten in place, which allocates less than growing an array by push.
 */
export function packedMap<T, U>(xs: readonly T[], fn: (x: T, i: number) => U): U[] {
  const out = xs.slice() as unknown[];
  for (let i = 0; i < xs.length; i += 1) out[i] = fn(xs[i] as T, i);
  return out as U[];
}
