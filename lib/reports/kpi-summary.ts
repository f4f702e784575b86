/**
 * Service KPIs beside QA: CSAT, FCR, NPS and AHT per agent and per trend bucket, from ticket KPI
 * records (answers per ticket) and agent-period records (figures a workforce report gives).
 */
import type { KpiRecord } from '../schemas';
import { entry, Mean, Rate } from './accumulators';
import type { TimeRange } from './report-period';
import type { TimeBucket } from './time-buckets';

export interface KpiFigures {
  /** Share of CSAT answers of 4 or 5 (satisfied), 0–100. */
  csatPercent: number | null;
  /** Share of tickets resolved on first contact, 0–100. */
  fcrPercent: number | null;
  /** Net promoter score, −100 to 100: % promoters (9–10) − % detractors (0–6). */
  nps: number | null;
  /** Average handling time in seconds (agent-period records only). */
  ahtSeconds: number | null;
  /** Ticket KPI records counted. */
  tickets: number;
}

export interface KpiScope {
  range: TimeRange;
  /** '' for every agent. */
  agent: string;
  /** '' for every helpdesk; ticket records are matched by their key's `<helpdesk>:` prefix. */
  helpdesk: string;
}

/**
 * Ticket answers win: a figure computed from tickets is shown when there are any; otherwise the
 * mean of the agent-period figures fills it.
 */
class KpiTotals {
  private tickets = 0;
  private readonly csat = new Rate();
  private readonly fcr = new Rate();
  private readonly promoters = new Rate();
  private readonly detractors = new Rate();
  private readonly periodCsat = new Mean();
  private readonly periodFcr = new Mean();
  private readonly periodNps = new Mean();
  private readonly periodAht = new Mean();

  add(record: KpiRecord): void {
    if (record.scope === 'ticket') {
      const { csat, firstContactResolved, nps } = record.kpis;
      this.tickets += 1;
      if (csat !== null) this.csat.add(csat >= 4);
      if (firstContactResolved !== null) this.fcr.add(firstContactResolved);
      if (nps !== null) {
        this.promoters.add(nps >= 9);
        this.detractors.add(nps <= 6);
      }
      return;
    }
    const { csatPercent, fcrPercent, nps, ahtSeconds } = record.kpis;
    if (csatPercent !== null) this.periodCsat.add(csatPercent);
    if (fcrPercent !== null) this.periodFcr.add(fcrPercent);
    if (nps !== null) this.periodNps.add(nps);
    if (ahtSeconds !== null) this.periodAht.add(ahtSeconds);
  }

  figures(): KpiFigures {
    const ticketNps = this.promoters.percent === null ? null : this.promoters.percent - (this.detractors.percent ?? 0);
    return {
      csatPercent: this.csat.percent ?? this.periodCsat.value,
      fcrPercent: this.fcr.percent ?? this.periodFcr.value,
      nps: ticketNps ?? this.periodNps.value,
      ahtSeconds: this.periodAht.value,
      tickets: this.tickets,
    };
  }
}

export interface KpiSummary {
  overall: KpiFigures;
  byAgent: ReadonlyMap<string, KpiFigures>;
  /** Keyed by trend bucket key. */
  byBucket: ReadonlyMap<string, KpiFigures>;
}

/**
 * When a record counts for a period: the ticket's time, or when the record was made if the ticket's
 * is unknown (KPIs typed in the panel while reviewing); the start of an agent's period.
 */
function recordTime(record: KpiRecord): number {
  return record.scope === 'ticket' ? (record.at ?? record.createdAt) : record.periodStart;
}

function inScope(record: KpiRecord, scope: KpiScope): boolean {
  if (scope.agent && record.agent !== scope.agent) return false;
  if (scope.helpdesk && record.scope === 'ticket' && !record.ticketKey.startsWith(`${scope.helpdesk}:`)) return false;
  if (record.scope === 'agent-period') return record.periodEnd > scope.range.start && record.periodStart < scope.range.end;
  const at = recordTime(record);
  return at >= scope.range.start && at < scope.range.end;
}

/** Ticket records must come one per ticket (see latestPerTicket), so a re-import does not count twice. */
export function summariseKpis(records: readonly KpiRecord[], scope: KpiScope, bucketOf: (ms: number) => TimeBucket): KpiSummary {
  const overall = new KpiTotals();
  const agents = new Map<string, KpiTotals>();
  const buckets = new Map<string, KpiTotals>();
  for (const record of records) {
    if (!inScope(record, scope)) continue;
    overall.add(record);
    if (record.agent) entry(agents, record.agent, () => new KpiTotals()).add(record);
    entry(buckets, bucketOf(Math.max(recordTime(record), scope.range.start)).key, () => new KpiTotals()).add(record);
  }
  const figures = (map: Map<string, KpiTotals>) => new Map([...map].map(([key, totals]) => [key, totals.figures()]));
  return { overall: overall.figures(), byAgent: figures(agents), byBucket: figures(buckets) };
}
