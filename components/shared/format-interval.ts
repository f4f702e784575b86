import type { Interval } from '../../lib/stats/intervals';

const DASH = '—';

/** "82.3 ± 6.1" (the interval's half-width), "72.0 (1 review)" when nothing is known of the spread. */
export function formatMeanInterval(interval: Interval | null): string {
  if (!interval) return DASH;
  if (!Number.isFinite(interval.margin)) return `${interval.value.toFixed(1)} (1 review: no interval)`;
  return `${interval.value.toFixed(1)} ± ${interval.margin.toFixed(1)}`;
}

/** "80.0% (49.0–94.3)": Wilson intervals are not symmetric, so both ends are shown. */
export function formatRateInterval(interval: Interval | null): string {
  if (!interval) return DASH;
  return `${interval.value.toFixed(1)}% (${interval.low.toFixed(1)}–${interval.high.toFixed(1)})`;
}
