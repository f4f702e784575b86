import { TicketKpisSchema, type TicketKpis } from '../schemas';
import { formatDuration, parseDuration } from './duration';

const YEAR_SECONDS = 365 * 86_400;

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
