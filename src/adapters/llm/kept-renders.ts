// Rendered prompt parts kept for reuse. A turn call's messages are rebuilt and serialised whole on
// every call; the parts that depend only on a question (and a little state: mode, round, targets)
// are rendered once, kept compact (../compact-text.ts) and reused, so a call only joins them. In the
// server at 50 candidates this took the first JSON.stringify of a call's messages from about 155 us
// to 95 (docs/benchmarks.md).
import { compactText } from '../compact-text.js';
import type { LoadedPrompts } from './load-prompts.js';

/** A bound on the values kept per owner: the keys a question meets are few, but a plan could allow many follow-ups. */
const MAX_PER_OWNER = 64;

/** A value kept by prompts, owner (a question, or the prompts themselves) and key; `make` runs on a miss. */
export type Kept<T> = (prompts: LoadedPrompts, owner: object, key: string, make: () => T | Promise<T>) => Promise<T>;

/** A store of values by prompts, owner and key (each owner's kept values go with it). */
export function kept<T>(): Kept<T> {
  const byPrompts = new WeakMap<LoadedPrompts, WeakMap<object, Map<string, T>>>();
  return async (prompts, owner, key, make) => {
    let byOwner = byPrompts.get(prompts);
    if (!byOwner) byPrompts.set(prompts, (byOwner = new WeakMap()));
    let values = byOwner.get(owner);
    if (!values) byOwner.set(owner, (values = new Map()));
    if (values.has(key)) return values.get(key) as T;
    const value = await make();
    if (values.size >= MAX_PER_OWNER) values.clear();
    values.set(key, value);
    return value;
  };
}

/** A store of rendered texts, kept compact. */
export function keptRenders(): Kept<string> {
  const store = kept<string>();
  return (prompts, owner, key, render) => store(prompts, owner, key, async () => compactText(await render()));
}
