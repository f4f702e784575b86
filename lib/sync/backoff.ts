/**
 * When to try again after a failed sync: exponential backoff with full jitter (a random delay up
 * to the exponential cap, so a team's browsers do not all retry together after an outage), never
 * sooner than the server's `Retry-After`. Pure: the caller passes the clock and the random draw.
 */
export const BACKOFF = {
  baseMs: 2_000,
  maxMs: 15 * 60_000,
} as const;

/**
 * @param failures failed attempts in a row, counting the one that just failed (1 = first failure)
 * @param random a number in [0, 1)
 */
export function nextRetryAt(failures: number, now: number, random: number, retryAfterMs?: number): number {
  const cap = Math.min(BACKOFF.maxMs, BACKOFF.baseMs * 2 ** Math.max(0, failures - 1));
  const jittered = Math.round(cap * random);
  return now + Math.max(jittered, retryAfterMs ?? 0, 500);
}
