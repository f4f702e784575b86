import { addWorkingDays } from '@/lib/feedback/working-days';

const at = (iso: string) => Date.parse(iso);

describe('acknowledgement deadlines in working days', () => {
  it.each([
    ['Monday morning, 5 days: the next Monday', '2026-11-23T10:00:00Z', 5, 'Europe/London', '2026-11-30T23:59:59.999Z'],
    ['Wednesday, 5 days: over the weekend to next Wednesday', '2026-11-25T09:00:00Z', 5, 'Europe/London', '2026-12-02T23:59:59.999Z'],
    ['Friday afternoon, 1 day: Monday', '2026-11-27T15:00:00Z', 1, 'Europe/London', '2026-11-30T23:59:59.999Z'],
    ['Saturday, 1 day: Monday', '2026-11-28T11:00:00Z', 1, 'Europe/London', '2026-11-30T23:59:59.999Z'],
    ['Sunday, 1 day: Monday', '2026-11-29T11:00:00Z', 1, 'Europe/London', '2026-11-30T23:59:59.999Z'],
    ['Monday 22:00 in New York is Tuesday in UTC: counts from Monday', '2026-11-24T03:00:00Z', 1, 'America/New_York', '2026-11-25T04:59:59.999Z'],
    ['Friday 16:00 UTC is Saturday in Tokyo: counts from Saturday', '2026-11-27T16:00:00Z', 1, 'Asia/Tokyo', '2026-11-30T14:59:59.999Z'],
    ['across the autumn clock change (BST → GMT)', '2026-10-23T11:00:00Z', 1, 'Europe/London', '2026-10-26T23:59:59.999Z'],
    ['across the spring clock change (GMT → BST)', '2026-03-27T12:00:00Z', 1, 'Europe/London', '2026-03-30T22:59:59.999Z'],
    ['10 days: two full weeks', '2026-11-23T10:00:00Z', 10, 'UTC', '2026-12-07T23:59:59.999Z'],
  ])('%s', (_case, from, days, zone, expected) => {
    expect(new Date(addWorkingDays(at(from), days, zone)).toISOString()).toBe(expected);
  });

  it.each([
    [0, 'UTC', /at least 1/],
    [1.5, 'UTC', /whole number/],
    [1, 'Mars/Olympus_Mons', /Unknown time zone "Mars\/Olympus_Mons"/],
  ])('refuses %s working days in %s', (days, zone, error) => {
    expect(() => addWorkingDays(at('2026-11-23T10:00:00Z'), days, zone)).toThrow(error);
  });
});
