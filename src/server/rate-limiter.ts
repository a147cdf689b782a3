// Per-connection flood control: a token bucket. Over-limit frames are dropped with a warning at
// most once a second; a client that keeps flooding is disconnected.

export type RateDecision = 'accept' | 'drop' | 'drop-and-warn' | 'disconnect';

export interface RateLimiterOptions {
  perSecond: number;
  burst: number;
  now?: () => number;
  /** Drops within one flood window after which the client is disconnected (default 10x burst). */
  maxDrops?: number;
  windowMs?: number;
}

export class RateLimiter {
  private tokens: number;
  private last: number;
  private lastWarning = -Infinity;
  private drops = 0;
  private windowStart: number;
  private readonly now: () => number;

  constructor(private readonly options: RateLimiterOptions) {
    this.now = options.now ?? Date.now;
    this.tokens = options.burst;
    this.last = this.now();
    this.windowStart = this.last;
  }

  /** Decides the fate of one incoming frame. */
  take(): RateDecision {
    const now = this.now();
    this.tokens = Math.min(this.options.burst, this.tokens + ((now - this.last) / 1000) * this.options.perSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 'accept';
    }
    if (now - this.windowStart > (this.options.windowMs ?? 10_000)) {
      this.windowStart = now;
      this.drops = 0;
    }
    this.drops += 1;
    if (this.drops >= (this.options.maxDrops ?? 10 * this.options.burst)) return 'disconnect';
    if (now - this.lastWarning < 1000) return 'drop';
    this.lastWarning = now;
    return 'drop-and-warn';
  }
}
