// Per-client limit on creating sessions: a token bucket per remote address (`burst` at once, then
// `perMinute`). Buckets that have refilled are forgotten, so the map stays as small as the set of
// recently active clients.

export interface CreationLimiterOptions {
  perMinute: number;
  burst: number;
  now?: () => number;
}

export type CreationDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

const FORGET_AT = 10_000;

export class CreationLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;

  constructor(private readonly options: CreationLimiterOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Takes one creation for `client`, or says how many seconds until the next is allowed. */
  take(client: string): CreationDecision {
    const now = this.now();
    if (this.buckets.size >= FORGET_AT) this.forgetFull(now);
    const bucket = this.buckets.get(client) ?? { tokens: this.options.burst, at: now };
    bucket.tokens = this.refilled(bucket, now);
    bucket.at = now;
    this.buckets.set(client, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - bucket.tokens) * 60) / this.options.perMinute)) };
  }

  private refilled(bucket: Bucket, now: number): number {
    return Math.min(this.options.burst, bucket.tokens + ((now - bucket.at) / 60_000) * this.options.perMinute);
  }

  private forgetFull(now: number): void {
    for (const [client, bucket] of this.buckets) if (this.refilled(bucket, now) >= this.options.burst) this.buckets.delete(client);
  }
}
