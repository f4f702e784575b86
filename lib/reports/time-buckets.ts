/**
 * Trend buckets: ISO weeks (Monday to Sunday) or calendar months, in the user's local time, the
 * way a team lead reads "week 10" or "March".
 */
export type TrendGrain = 'week' | 'month';

export interface TimeBucket {
  /** `2025-W10` (ISO week-numbering year and week) or `2025-03`. */
  key: string;
  /** Local midnight at the start of the bucket, in ms. */
  start: number;
  /** Local midnight at the start of the next bucket, in ms. */
  end: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function startOf(ms: number, grain: TrendGrain): Date {
  const date = new Date(ms);
  if (grain === 'month') return new Date(date.getFullYear(), date.getMonth(), 1);
  const mondayOffset = (date.getDay() + 6) % 7;
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - mondayOffset);
}

/** ISO 8601 week key of the week starting on this Monday: the week belongs to the year of its Thursday. */
function isoWeekKey(monday: Date): string {
  const thursday = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 3);
  const year = thursday.getFullYear();
  const firstThursday = new Date(year, 0, 1);
  firstThursday.setDate(1 + ((4 - firstThursday.getDay() + 7) % 7));
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${pad(week)}`;
}

function bucketFrom(start: Date, grain: TrendGrain): TimeBucket {
  const next =
    grain === 'month'
      ? new Date(start.getFullYear(), start.getMonth() + 1, 1)
      : new Date(start.getFullYear(), start.getMonth(), start.getDate() + 7);
  const key = grain === 'month' ? `${start.getFullYear()}-${pad(start.getMonth() + 1)}` : isoWeekKey(start);
  return { key, start: start.getTime(), end: next.getTime() };
}

export function bucketOf(ms: number, grain: TrendGrain): TimeBucket {
  return bucketFrom(startOf(ms, grain), grain);
}

/** Every bucket that overlaps [start, end), oldest first. */
export function bucketsBetween(start: number, end: number, grain: TrendGrain): TimeBucket[] {
  const buckets: TimeBucket[] = [];
  for (let bucket = bucketOf(start, grain); bucket.start < end; bucket = bucketFrom(new Date(bucket.end), grain)) buckets.push(bucket);
  return buckets;
}

/**
 * `bucketOf` with a cache. Evaluations arrive in date order, so the last bucket answers most calls;
 * otherwise every UTC offset in use is a whole number of quarter hours, so all times in one quarter
 * hour share a bucket. Saves a date computation per evaluation on big reports.
 */
export function bucketCache(grain: TrendGrain): (ms: number) => TimeBucket {
  const QUARTER_HOUR = 900_000;
  const cache = new Map<number, TimeBucket>();
  let last: TimeBucket | undefined;
  return (ms) => {
    if (last && ms >= last.start && ms < last.end) return last;
    const slot = Math.floor(ms / QUARTER_HOUR);
    last = cache.get(slot);
    if (!last) {
      last = bucketOf(ms, grain);
      cache.set(slot, last);
    }
    return last;
  };
}
