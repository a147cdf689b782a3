// Rendered prompt parts kept for reuse. A turn call's messages are rebuilt and serialised whole on
// every call; the parts that depend only on a question (and a little state: mode, round, targets)
// are rendered once, kept compact (../compact-text.ts) and reused, so a call only joins them. In the
// server at 50 candidates this took the first JSON.stringify of a call's messages from about 155 us
// to 95 (docs/benchmarks.md).
import { compactText } from '../compact-text.js';
import type { LoadedPrompts } from './load-prompts.js';

/** A bound on the texts kept per owner: the keys a question meets are few, but a plan could allow many follow-ups. */
const MAX_PER_OWNER = 64;

export type KeptRender = (prompts: LoadedPrompts, owner: object, key: string, render: () => Promise<string>) => Promise<string>;

/** A store of rendered texts by prompts, owner (a question, or the prompts themselves) and key. */
export function keptRenders(): KeptRender {
  const byPrompts = new WeakMap<LoadedPrompts, WeakMap<object, Map<string, string>>>();
  return async (prompts, owner, key, render) => {
    let byOwner = byPrompts.get(prompts);
    if (!byOwner) byPrompts.set(prompts, (byOwner = new WeakMap()));
    let kept = byOwner.get(owner);
    if (!kept) byOwner.set(owner, (kept = new Map()));
    let text = kept.get(key);
    if (text === undefined) {
      text = compactText(await render());
      if (kept.size >= MAX_PER_OWNER) kept.clear();
      kept.set(key, text);
    }
    return text;
  };
}
