import type { TimeBucket, TrendGrain } from '../../lib/reports/time-buckets';

const DASH = '—';

/** 66.666 → "66.7%", null → "—". */
export function formatPercent(value: number | null): string {
  return value === null ? DASH : `${value.toFixed(1)}%`;
}

/** 95 → "1 min 35 s", 40 → "40 s", null → "—". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return DASH;
  const rounded = Math.round(seconds);
  const minutes = Math.floor(rounded / 60);
  return minutes === 0 ? `${rounded} s` : `${minutes} min ${rounded % 60} s`;
}

/** A signed number with a true minus sign: +2, −18.9. */
export function formatSigned(value: number, digits = 1): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return `±${text}`;
  return value > 0 ? `+${text}` : `−${text}`;
}

export type ChangeUnit = 'count' | 'points' | 'seconds';

/** The change against the previous period, in words a screen reader reads well. */
export function formatChange(delta: number | null, unit: ChangeUnit): string {
  if (delta === null) return 'no previous period to compare';
  const suffix = unit === 'points' ? ' pts' : unit === 'seconds' ? ' s' : '';
  return `${formatSigned(delta, unit === 'count' ? 0 : 1)}${suffix} vs previous period`;
}

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' });
const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** "W10 (3 Mar)" or "Mar 2025". */
export function bucketLabel(bucket: TimeBucket, grain: TrendGrain): string {
  return grain === 'month' ? monthFormat.format(bucket.start) : `${bucket.key.slice(5)} (${dayFormat.format(bucket.start)})`;
}

/** The agent's name, or how an unassigned ticket reads. */
export const agentLabel = (name: string) => name || 'Unassigned';
