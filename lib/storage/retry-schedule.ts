/**
 * How long to wait before saving again after a failed save: soon at first (a brief lock or a
 * momentary full disk clears quickly), then less often, so a full storage is not hammered while the
 * reviewer frees space. Any new change or the Retry button saves at once regardless.
 */
export const SAVE_RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

/** The wait before retry number `failures` (1 after the first failure); 30 s from the fifth on. */
export function saveRetryDelay(failures: number): number {
  const index = Math.min(Math.max(failures, 1), SAVE_RETRY_DELAYS_MS.length) - 1;
  return SAVE_RETRY_DELAYS_MS[index]!;
}
