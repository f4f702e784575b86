import { addDays, dayOf, endOfDay, isWeekend } from '../time/zoned-day';

/**
 * The deadline `workingDays` working days after `from`: the end (23:59:59.999) of the Nth
 * Monday–Friday after `from`'s calendar day in the user's time zone. A review submitted on Friday
 * afternoon with 1 working day is due at the end of Monday. Public holidays are not known here and
 * count as working days.
 */
export function addWorkingDays(from: number, workingDays: number, timeZone: string): number {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError('A deadline needs a whole number of working days, at least 1.');
  let day = dayOf(from, timeZone);
  for (let left = workingDays; left > 0; ) {
    day = addDays(day, 1);
    if (!isWeekend(day)) left--;
  }
  return endOfDay(day, timeZone);
}
