// The outcome of one logical LLM call (possibly two attempts): a value, or the reason the offline
// stand-in took over, with the tokens spent either way.
import type { TokenUsage } from '../../engine/scoring/types.js';
import { LlmUnavailable } from '../../errors.js';
import { describeFailure, isInvalidReply, isSlowFailure } from './failure-reason.js';
import type { LlmClient } from './llm-client.js';

export type CallOutcome<T> = { ok: true; value: T; usage?: TokenUsage } | { ok: false; reason: string; usage?: TokenUsage; error: unknown };

export function addUsage(a: TokenUsage | undefined, b: TokenUsage | undefined): TokenUsage | undefined {
  if (!a) return b;
  if (!b) return a;
  return { promptTokens: a.promptTokens + b.promptTokens, completionTokens: a.completionTokens + b.completionTokens };
}

/** One attempt; it reports tokens through `spent` as soon as a reply says how many. */
export type Attempt<T> = (attempt: number, spent: (usage: TokenUsage | undefined) => void) => Promise<T>;

/**
 * Runs `attempt`, and once more if the reply was invalid (not JSON, cut off...). Transport
 * failures are not retried here: the SDK has already retried them with backoff. Never throws.
 */
export async function withOneRetry<T>(attempt: Attempt<T>, client: Pick<LlmClient, 'breaker' | 'settings'>): Promise<CallOutcome<T>> {
  const skip = client.breaker.skipReason();
  if (skip) return { ok: false, reason: skip, error: new LlmUnavailable(skip) };
  const { maxRetries } = client.settings;
  let usage: TokenUsage | undefined;
  const spent = (u: TokenUsage | undefined) => void (usage = addUsage(usage, u));
  let lastInvalid: unknown;
  for (let n = 1; n <= 2; n += 1) {
    try {
      const value = await attempt(n, spent);
      client.breaker.reset();
      return { ok: true, value, ...(usage ? { usage } : {}) };
    } catch (error) {
      if (!isInvalidReply(error)) {
        const reason = describeFailure(error, maxRetries);
        if (isSlowFailure(error)) client.breaker.trip(reason);
        return { ok: false, reason, error, ...(usage ? { usage } : {}) };
      }
      lastInvalid = error;
    }
  }
  return { ok: false, reason: `${describeFailure(lastInvalid, maxRetries)} twice`, error: lastInvalid, ...(usage ? { usage } : {}) };
}
