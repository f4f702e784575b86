/**
 * A token bucket per caller: generous (a browser syncing flat out stays well inside it), there so
 * that one runaway client cannot starve a team's server, and so that Retry-After is real.
 * In memory, per server instance: behind a load balancer each instance limits on its own.
 */
export interface RateLimit {
  /** Requests a caller may make per minute, sustained. */
  perMinute: number;
  /** Requests a caller may make at once after a quiet spell. */
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { perMinute: 1200, burst: 200 };

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly limit: RateLimit) {}

  /** Takes one request for `key` at `now` (ms): 0 when allowed, else the seconds to wait. */
  take(key: string, now: number): number {
    const perMs = this.limit.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 50_000) this.forgetFull(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  }

  /** Callers whose bucket has refilled are the same as callers never seen: forget them. */
  private forgetFull(now: number): void {
    const perMs = this.limit.perMinute / 60_000;
    for (const [key, bucket] of this.buckets) if (bucket.tokens + (now - bucket.at) * perMs >= this.limit.burst) this.buckets.delete(key);
  }
}
