/**
 * Calendar days as the user's time zone reads them, with nothing but Intl: the browser knows the
 * zone rules, so daylight-saving changes come out right without a date library.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface CalendarDay {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

function format(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}".`);
  }
}

function wallClock(at: number, timeZone: string): number {
  const parts = format(timeZone).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** The calendar day a moment falls on in the zone. */
export function dayOf(at: number, timeZone: string): CalendarDay {
  const d = new Date(wallClock(at, timeZone));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Milliseconds the zone's wall clock is ahead of UTC at a moment. */
const offsetAt = (at: number, timeZone: string) => wallClock(at, timeZone) - Math.floor(at / 1000) * 1000;

/** The moment the zone's clocks show this day and time (the first one, across a DST change). */
function zonedMoment(day: CalendarDay, hms: [number, number, number, number], timeZone: string): number {
  const wall = Date.UTC(day.year, day.month - 1, day.day, ...hms);
  return wall - offsetAt(wall - offsetAt(wall, timeZone), timeZone);
}

export const startOfDay = (day: CalendarDay, timeZone: string) => zonedMoment(day, [0, 0, 0, 0], timeZone);
export const endOfDay = (day: CalendarDay, timeZone: string) => zonedMoment(day, [23, 59, 59, 999], timeZone);

export function addDays(day: CalendarDay, days: number): CalendarDay {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export const isWeekend = (day: CalendarDay) => [0, 6].includes(new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay());

/** `YYYY-MM-DD`, as date inputs give and take it. */
export const dayText = (day: CalendarDay) => `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;

/** Reads `YYYY-MM-DD`; null when it is not a real date. */
export function parseDayText(text: string): CalendarDay | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return dayText(addDays(day, 0)) === text.trim() ? day : null;
}
