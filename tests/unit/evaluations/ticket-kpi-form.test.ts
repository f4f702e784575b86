import { formatDuration, parseDuration } from '@/lib/evaluations/duration';
import { kpiForm, parseKpiForm, type TicketKpiForm } from '@/lib/evaluations/ticket-kpi-form';

const EMPTY: TicketKpiForm = { csat: '', nps: '', firstContactResolved: '', firstResponse: '', resolution: '', reopens: '' };

describe('parseDuration', () => {
  it.each([
    ['1h 30m', 5_400],
    ['2d 4h', 187_200],
    ['45s', 45],
    ['1:30', 5_400],
    ['90', 5_400],
    ['1.5h', 5_400],
    [' 12 m ', 720],
  ])('reads %s', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['soon', '1h and a bit', '-5m', '1:75', ''])('cannot read %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it('writes back what it reads', () => {
    expect(formatDuration(187_245)).toBe('2d 4h 45s');
    expect(parseDuration(formatDuration(187_245))).toBe(187_245);
  });
});

describe('parseKpiForm', () => {
  it('reads a ticket a customer rated, resolved first time', () => {
    const form = { csat: '4', nps: '9', firstContactResolved: 'yes', firstResponse: '12m', resolution: '1h 5m', reopens: '0' };
    const result = parseKpiForm(form);
    expect(result).toEqual({
      ok: true,
      kpis: { csat: 4, nps: 9, firstContactResolved: true, firstResponseSeconds: 720, resolutionSeconds: 3_900, reopens: 0 },
    });
    expect(result.ok && kpiForm(result.kpis)).toEqual(form);
  });

  it('keeps unknown fields unknown', () => {
    expect(parseKpiForm(EMPTY)).toEqual({
      ok: true,
      kpis: { csat: null, nps: null, firstContactResolved: null, firstResponseSeconds: null, resolutionSeconds: null, reopens: null },
    });
  });

  it('says field by field what it cannot read', () => {
    expect(parseKpiForm({ ...EMPTY, csat: '6', firstResponse: 'soon', reopens: '1.5', resolution: '400d' })).toEqual({
      ok: false,
      errors: {
        csat: 'CSAT is a whole number from 1 to 5.',
        firstResponse: 'First response time: write a duration such as 1h 30m, 45m or 2d 4h.',
        resolution: 'Resolution time is at most a year.',
        reopens: 'Reopens is a whole number from 0 to 1000.',
      },
    });
  });
});
