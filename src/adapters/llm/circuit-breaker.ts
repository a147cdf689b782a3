// A circuit breaker shared by every call to one LLM endpoint: after a call fails slowly for good
// (timeouts or no connection, after the SDK's retries), the next calls go straight
// to the offline stand-in for a while, so an endpoint that hangs costs one long wait, not one per
// turn of every interview. The first call after the cool-down tries the endpoint again.

export interface CircuitBreaker {
  /** The reason to skip the LLM now, or undefined when a call may go ahead. */
  skipReason(): string | undefined;
  /** A call failed slowly for good (a timeout or no connection, after the SDK's retries). */
  trip(reason: string): void;
  reset(): void;
}

/** `cooldownMs` (PROBE_LLM_COOLDOWN_MS, 30 s by default: long enough to ride out a restart of a local model server, short enough to notice it is back); 0 never skips. */
export function createCircuitBreaker(cooldownMs: number, now: () => number = Date.now): CircuitBreaker {
  let openUntil = 0;
  let lastReason = '';
  return {
    skipReason() {
      const left = openUntil - now();
      if (left <= 0) return undefined;
      return `LLM skipped for ${Math.ceil(left / 1000)} s more after: ${lastReason}`;
    },
    trip(reason) {
      openUntil = now() + cooldownMs;
      lastReason = reason;
    },
    reset() {
      openUntil = 0;
    },
  };
}
