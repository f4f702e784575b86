import { parseReviewPackQuery } from '@/lib/reports/review-pack-query';
import { presetDays, presetOf, previousDays, timeRange } from '@/lib/reports/report-period';
import { bucketOf, bucketsBetween } from '@/lib/reports/time-buckets';

const local = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();

describe('trend buckets', () => {
  it.each([
    ['a Monday', local(2025, 3, 3), '2025-W10', local(2025, 3, 3, 0)],
    ['the Sunday closing that week', local(2025, 3, 9, 23), '2025-W10', local(2025, 3, 3, 0)],
    ['New Year 2021, still in week 53 of 2020', local(2021, 1, 3), '2020-W53', local(2020, 12, 28, 0)],
    ['the first Monday of 2021', local(2021, 1, 4), '2021-W01', local(2021, 1, 4, 0)],
    ['30 December 2024, already week 1 of 2025', local(2024, 12, 30), '2025-W01', local(2024, 12, 30, 0)],
  ])('puts %s in its ISO week', (_name, ms, key, start) => {
    const bucket = bucketOf(ms, 'week');
    expect(bucket.key).toBe(key);
    expect(bucket.start).toBe(start);
  });

  it('puts a day in its calendar month', () => {
    expect(bucketOf(local(2025, 2, 28, 23), 'month')).toEqual({ key: '2025-02', start: local(2025, 2, 1, 0), end: local(2025, 3, 1, 0) });
  });

  it('lists every bucket a range touches', () => {
    expect(bucketsBetween(local(2025, 1, 30), local(2025, 4, 1, 0), 'month').map((b) => b.key)).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(bucketsBetween(local(2025, 3, 5), local(2025, 3, 18), 'week').map((b) => b.key)).toEqual(['2025-W10', '2025-W11', '2025-W12']);
  });
});

describe('report period', () => {
  const now = new Date(2025, 2, 10, 9, 30);

  it.each([
    ['all', { from: '', to: '' }],
    ['last-7-days', { from: '2025-03-04', to: '2025-03-10' }],
    ['last-30-days', { from: '2025-02-09', to: '2025-03-10' }],
    ['last-90-days', { from: '2024-12-11', to: '2025-03-10' }],
    ['last-12-months', { from: '2024-03-11', to: '2025-03-10' }],
  ] as const)('the %s preset ends today and is recognised again', (preset, days) => {
    expect(presetDays(preset, now, { from: '', to: '' })).toEqual(days);
    expect(presetOf(days, now)).toBe(preset);
  });

  it('calls any other days custom', () => {
    expect(presetOf({ from: '2025-03-03', to: '2025-03-09' }, now)).toBe('custom');
  });

  it.each([
    ['a week', { from: '2025-03-03', to: '2025-03-09' }, { from: '2025-02-24', to: '2025-03-02' }],
    ['March (31 days)', { from: '2025-03-01', to: '2025-03-31' }, { from: '2025-01-29', to: '2025-02-28' }],
    ['one day', { from: '2025-03-03', to: '2025-03-03' }, { from: '2025-03-02', to: '2025-03-02' }],
  ])('compares %s with the same number of days before', (_name, days, previous) => {
    expect(previousDays(days)).toEqual(previous);
  });

  it('has no previous period when open-ended', () => {
    expect(previousDays({ from: '2025-03-03', to: '' })).toBeUndefined();
    expect(timeRange({ from: '', to: '' })).toEqual({ start: -Infinity, end: Infinity });
  });
});

describe('review pack address', () => {
  it('reads agent and period', () => {
    expect(parseReviewPackQuery('?agent=Ana+Lima&from=2025-03-01&to=2025-03-31')).toEqual({
      ok: true,
      agent: 'Ana Lima',
      days: { from: '2025-03-01', to: '2025-03-31' },
    });
    expect(parseReviewPackQuery('?agent=Ana')).toEqual({ ok: true, agent: 'Ana', days: { from: '', to: '' } });
  });

  it.each([
    ['no agent', '?from=2025-03-01', 'No agent given. Open the review pack from the Agents table of the dashboard.'],
    ['a malformed date', '?agent=Ana&from=31/03/2025', 'The "from" date "31/03/2025" is not a date like 2025-03-31.'],
    ['a reversed period', '?agent=Ana&from=2025-04-01&to=2025-03-01', 'The period starts (2025-04-01) after it ends (2025-03-01).'],
  ])('explains %s', (_name, search, error) => {
    expect(parseReviewPackQuery(search)).toEqual({ ok: false, error });
  });
});
