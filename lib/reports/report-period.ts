/**
 * The report period: the filter's From and To days (local, inclusive), presets that fill them, and
 * the period before it of the same number of days, for the headline's change.
 */
import { dayAfter, startOfDay } from '../dashboard/filter-evaluations';

export type PeriodPreset = 'all' | 'last-7-days' | 'last-30-days' | 'last-90-days' | 'last-12-months' | 'custom';

export const PERIOD_PRESETS: readonly { value: PeriodPreset; label: string }[] = [
  { value: 'all', label: 'All time' },
  { value: 'last-7-days', label: 'Last 7 days' },
  { value: 'last-30-days', label: 'Last 30 days' },
  { value: 'last-90-days', label: 'Last 90 days' },
  { value: 'last-12-months', label: 'Last 12 months' },
  { value: 'custom', label: 'Custom dates' },
];

export interface DayRange {
  /** `YYYY-MM-DD`, or '' for open-ended. */
  from: string;
  to: string;
}

/** A time range in ms, start inclusive, end exclusive; infinite when open-ended. */
export interface TimeRange {
  start: number;
  end: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayText = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
const shifted = (date: Date, days: number) => new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);

/** The days a preset covers, ending today. 'custom' keeps the current days. */
export function presetDays(preset: PeriodPreset, now: Date, current: DayRange): DayRange {
  const today = dayText(now);
  switch (preset) {
    case 'all':
      return { from: '', to: '' };
    case 'last-7-days':
      return { from: dayText(shifted(now, -6)), to: today };
    case 'last-30-days':
      return { from: dayText(shifted(now, -29)), to: today };
    case 'last-90-days':
      return { from: dayText(shifted(now, -89)), to: today };
    case 'last-12-months':
      return { from: dayText(new Date(now.getFullYear() - 1, now.getMonth(), now.getDate() + 1)), to: today };
    case 'custom':
      return current;
  }
}

/** Which preset the days are, so the Period control shows it; 'custom' for anything else. */
export function presetOf(days: DayRange, now: Date): PeriodPreset {
  const match = PERIOD_PRESETS.find((p) => {
    if (p.value === 'custom') return false;
    const preset = presetDays(p.value, now, days);
    return preset.from === days.from && preset.to === days.to;
  });
  return match?.value ?? 'custom';
}

export function timeRange(days: DayRange): TimeRange {
  return { start: startOfDay(days.from) ?? -Infinity, end: dayAfter(days.to) ?? Infinity };
}

/** The same number of days just before, or undefined when the period is open-ended. */
export function previousDays(days: DayRange): DayRange | undefined {
  const start = startOfDay(days.from);
  const end = startOfDay(days.to);
  if (start === undefined || end === undefined || end < start) return undefined;
  const first = new Date(start);
  const length = Math.round((end - start) / 86_400_000) + 1;
  return { from: dayText(shifted(first, -length)), to: dayText(shifted(first, -1)) };
}
