/** The review pack page's address: `review-pack.html?agent=<name>&from=YYYY-MM-DD&to=YYYY-MM-DD`. */
import { startOfDay } from '../dashboard/filter-evaluations';
import type { DayRange } from './report-period';

export type ReviewPackQuery = { ok: true; agent: string; days: DayRange } | { ok: false; error: string };

/** Reads and checks the query; a wrong one gets a message saying what to fix. */
export function parseReviewPackQuery(search: string): ReviewPackQuery {
  const params = new URLSearchParams(search);
  const agent = (params.get('agent') ?? '').trim();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (!agent) return { ok: false, error: 'No agent given. Open the review pack from the Agents table of the dashboard.' };
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (value !== '' && startOfDay(value) === undefined) return { ok: false, error: `The "${name}" date "${value}" is not a date like 2025-03-31.` };
  }
  if (from && to && from > to) return { ok: false, error: `The period starts (${from}) after it ends (${to}).` };
  return { ok: true, agent, days: { from, to } };
}
