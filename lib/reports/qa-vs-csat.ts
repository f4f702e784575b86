import type { KpiRecord } from '../schemas';
import type { ReportRow } from './report-row';

export interface QaCsatPoint {
  evaluationId: string;
  ticketKey: string;
  agent: string;
  score: number;
  /** The customer's 1–5 answer on the same ticket. */
  csat: number;
}

export interface QaVsCsat {
  points: QaCsatPoint[];
  /** Pearson correlation of score and CSAT; null with fewer than 3 points or no spread. */
  correlation: number | null;
}

export type TicketKpiRecord = Extract<KpiRecord, { scope: 'ticket' }>;

/** One record per ticket: the most recently updated, so a re-entered or re-imported answer replaces the old. */
export function latestPerTicket(kpis: readonly KpiRecord[]): TicketKpiRecord[] {
  const latest = new Map<string, TicketKpiRecord>();
  for (const record of kpis) {
    if (record.scope !== 'ticket') continue;
    const seen = latest.get(record.ticketKey);
    if (!seen || record.updatedAt >= seen.updatedAt) latest.set(record.ticketKey, record);
  }
  return [...latest.values()];
}

/** The CSAT answer per ticket key, from one record per ticket (see latestPerTicket). */
export function csatByTicket(records: readonly TicketKpiRecord[]): Map<string, number> {
  const csat = new Map<string, number>();
  for (const record of records) if (record.kpis.csat !== null) csat.set(record.ticketKey, record.kpis.csat);
  return csat;
}

/** Pairs each scored evaluation with its ticket's CSAT answer, joined by ticket key. */
export class QaCsatAccumulator {
  private readonly points: QaCsatPoint[] = [];

  constructor(private readonly csat: ReadonlyMap<string, number>) {}

  add(evaluation: ReportRow): void {
    if (evaluation.score === null || this.csat.size === 0) return;
    const csat = this.csat.get(evaluation.ticketKey);
    if (csat === undefined) return;
    this.points.push({
      evaluationId: evaluation.id,
      ticketKey: evaluation.ticketKey,
      agent: evaluation.agent,
      score: evaluation.score,
      csat,
    });
  }

  result(): QaVsCsat {
    return { points: this.points, correlation: pearson(this.points.map((p) => [p.score, p.csat] as const)) };
  }
}

function pearson(pairs: readonly (readonly [number, number])[]): number | null {
  const n = pairs.length;
  if (n < 3) return null;
  const mean = (i: 0 | 1) => pairs.reduce((s, p) => s + p[i], 0) / n;
  const mx = mean(0);
  const my = mean(1);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}
