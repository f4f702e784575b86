import { TicketKpisSchema, type TicketKpis } from '../schemas';

/** The Ticket KPIs form as typed: every field a string, '' for "not known". */
export interface TicketKpiForm {
  csat: string;
  nps: string;
  /** 'yes', 'no' or ''. */
  firstContactResolved: string;
  firstResponse: string;
  resolution: string;
  reopens: string;
}

export type TicketKpiFormResult = { ok: true; kpis: TicketKpis } | { ok: false; errors: Partial<Record<keyof TicketKpiForm, string>> };

const UNITS: Record<string, number> = { d: 86_400, h: 3_600, m: 60, s: 1 };
const YEAR_SECONDS = 365 * 86_400;

/**
 * A duration as people write one from a helpdesk screen: "1h 30m", "2d 4h", "45s", "1:30" (hours
 * and minutes) or a bare number of minutes. Null when it cannot be read.
 */
export function parseDuration(text: string): number | null {
  const value = text.trim().toLowerCase();
  const clock = /^(\d+):([0-5]\d)$/.exec(value);
  if (clock) return Number(clock[1]) * 3_600 + Number(clock[2]) * 60;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 60);
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)\s*([dhms])/g)];
  if (parts.length === 0 || value.replace(/(\d+(?:\.\d+)?)\s*([dhms])/g, '').trim() !== '') return null;
  return Math.round(parts.reduce((total, [, amount, unit]) => total + Number(amount) * UNITS[unit!]!, 0));
}

/** Seconds back as the shortest form `parseDuration` reads ("1h 30m"). */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '';
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of Object.entries(UNITS)) {
    const amount = Math.floor(rest / size);
    if (amount > 0) parts.push(`${amount}${unit}`);
    rest -= amount * size;
  }
  return parts.join(' ') || '0s';
}

export function kpiForm(kpis: TicketKpis | undefined): TicketKpiForm {
  const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  return {
    csat: text(kpis?.csat),
    nps: text(kpis?.nps),
    firstContactResolved: kpis?.firstContactResolved === true ? 'yes' : kpis?.firstContactResolved === false ? 'no' : '',
    firstResponse: formatDuration(kpis?.firstResponseSeconds ?? null),
    resolution: formatDuration(kpis?.resolutionSeconds ?? null),
    reopens: text(kpis?.reopens),
  };
}

/** Reads the form into KPIs, or says field by field what cannot be read. */
export function parseKpiForm(form: TicketKpiForm): TicketKpiFormResult {
  const errors: Partial<Record<keyof TicketKpiForm, string>> = {};
  const whole = (field: 'csat' | 'nps' | 'reopens', min: number, max: number, message: string) => {
    const value = form[field].trim();
    if (value === '') return null;
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) errors[field] = message;
    return number;
  };
  const duration = (field: 'firstResponse' | 'resolution', name: string) => {
    if (form[field].trim() === '') return null;
    const seconds = parseDuration(form[field]);
    if (seconds === null) errors[field] = `${name}: write a duration such as 1h 30m, 45m or 2d 4h.`;
    else if (seconds > YEAR_SECONDS) errors[field] = `${name} is at most a year.`;
    return seconds;
  };
  const candidate = {
    csat: whole('csat', 1, 5, 'CSAT is a whole number from 1 to 5.'),
    nps: whole('nps', 0, 10, 'NPS answer is a whole number from 0 to 10.'),
    firstContactResolved: form.firstContactResolved === '' ? null : form.firstContactResolved === 'yes',
    firstResponseSeconds: duration('firstResponse', 'First response time'),
    resolutionSeconds: duration('resolution', 'Resolution time'),
    reopens: whole('reopens', 0, 1000, 'Reopens is a whole number from 0 to 1000.'),
  };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, kpis: TicketKpisSchema.parse(candidate) };
}
