import { BACKOFF, nextRetryAt } from '@/lib/sync/backoff';
import { normaliseServerUrl, retryAfterMs } from '@/lib/sync/sync-api';

describe('backoff', () => {
  it.each([
    [1, 0.5, 1_000],
    [2, 0.5, 2_000],
    [5, 0.999, 31_968],
    [30, 0.5, BACKOFF.maxMs / 2],
  ])('after %i failures with a draw of %f waits %i ms', (failures, random, wait) => {
    expect(nextRetryAt(failures, 10_000, random) - 10_000).toBe(wait);
  });

  it('spreads a team’s retries over the whole window (full jitter) but never below half a second', () => {
    expect(nextRetryAt(3, 0, 0)).toBe(500);
    expect(nextRetryAt(3, 0, 0.99)).toBe(7_920);
  });

  it('never retries before the server’s Retry-After', () => {
    expect(nextRetryAt(1, 0, 0.1, 120_000)).toBe(120_000);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and ignores nonsense', () => {
    expect(retryAfterMs('30', 0)).toBe(30_000);
    expect(retryAfterMs(new Date(90_000).toUTCString(), 30_000)).toBe(60_000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryAfterMs(null, 0)).toBeUndefined();
  });
});

describe('the server address a user types', () => {
  it.each([
    ['qa.example.com', 'https://qa.example.com'],
    ['https://qa.example.com/', 'https://qa.example.com'],
    ['  https://qa.example.com/lens/  ', 'https://qa.example.com/lens'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://localhost:8787/', 'http://localhost:8787'],
  ])('%s → %s', (typed, origin) => {
    expect(normaliseServerUrl(typed)).toBe(origin);
  });

  it.each([
    ['', /Enter the team server’s address/],
    ['http://qa.example.com', /Use https:\/\/ for a team server on another machine/],
    ['ftp://qa.example.com', /must start with https:\/\//],
    ['https://', /is not a web address/],
  ])('refuses %j with a reason', (typed, reason) => {
    expect(() => normaliseServerUrl(typed)).toThrow(reason);
  });
});
