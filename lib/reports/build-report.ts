/**
 * The dashboard's reports in one pass over the report rows (lib/reports/report-row.ts): every
 * figure is a running total, so the pass streams (an array in memory or a database cursor) and
 * 100k evaluations stay cheap.
 */
import { rowMatcher, type EvaluationFilter } from '../dashboard/filter-evaluations';
import type { KpiRecord, RootCause } from '../schemas';
import { AgentAccumulator, type AgentRow } from './per-agent';
import { criteriaIndex, ratedOption, type CriterionInfo, type ScorecardLookup } from './criterion-outcomes';
import { HeadlineAccumulator, type Headline } from './headline';
import { summariseKpis, type KpiFigures, type KpiSummary } from './kpi-summary';
import { CriterionAccumulator, type CriterionRow } from './per-criterion';
import { QaCsatAccumulator, csatByTicket, latestPerTicket, type QaVsCsat } from './qa-vs-csat';
import { previousDays, timeRange, type TimeRange } from './report-period';
import type { ReportRow } from './report-row';
import { ReviewerAccumulator, type ReviewerRow } from './reviewers';
import { RootCauseAccumulator, type RootCauseRow } from './root-cause-pareto';
import { SelfReviewGapAccumulator, type SelfReviewGap } from './self-review-gap';
import { bucketCache, type TrendGrain } from './time-buckets';
import { TrendAccumulator, type TrendPoint } from './trend';

export interface ReportInput {
  /** The dashboard filter; its From/To days are the report period. */
  filter: EvaluationFilter;
  grain: TrendGrain;
  scorecardFor: ScorecardLookup;
  /** The team's root-cause list, for labels and categories. */
  rootCauses: readonly RootCause[];
  kpis: readonly KpiRecord[];
  /**
   * Which reports to build. `overview` (headline, trend, agents, reviewers, QA vs CSAT, the
   * self-review gap) reads only the critical criteria of each evaluation; `criteria` (weakest
   * criteria, root causes) walks every answer, which is most of the work on a big sample. The
   * dashboard builds the two apart so each is measured on its own. `csat` (the KPI figures of the
   * trend and agents, QA vs CSAT, the KPI summary) is the only part that reads `kpis`: the dashboard
   * reads KPI records only once the criteria are on screen, and adds it with `addKpis`. `all` is every part.
   */
  parts?: 'all' | 'overview' | 'criteria' | 'csat';
}

/** The figures only KPI records give (the `csat` part), for `addKpis` to put into an overview. */
export interface KpiPart {
  qaVsCsat: QaVsCsat;
  summary: KpiSummary;
}

export interface DashboardReport {
  period: TimeRange;
  /** The period the headline compares with; null when the period is open-ended. */
  previousPeriod: TimeRange | null;
  headline: Headline;
  trend: (TrendPoint & { kpis: KpiFigures | undefined })[];
  agents: (AgentRow & { kpis: KpiFigures | undefined })[];
  criteria: CriterionRow[];
  rootCauses: RootCauseRow[];
  qaVsCsat: QaVsCsat;
  reviewers: ReviewerRow[];
  /** Self-assessment vs review of the same ticket; compares both kinds whatever the kind filter says. */
  selfReviewGap: SelfReviewGap;
  kpis: KpiFigures;
}

export interface ReportBuilder {
  add(row: ReportRow): void;
  finish(): DashboardReport;
  /** The KPI figures alone (what the `csat` part is for). */
  finishKpis(): KpiPart;
}

/** An overview (or a whole report built without KPI records) with the KPI figures put in. */
export function addKpis(report: DashboardReport, part: KpiPart): DashboardReport {
  const { byBucket, byAgent, overall } = part.summary;
  return {
    ...report,
    trend: report.trend.map((p) => ({ ...p, kpis: byBucket.get(p.bucket.key) })),
    agents: report.agents.map((row) => ({ ...row, kpis: byAgent.get(row.name) })),
    qaVsCsat: part.qaVsCsat,
    kpis: overall,
  };
}

const NO_KPIS: KpiSummary = summariseKpis([], { range: { start: -Infinity, end: Infinity }, agent: '', helpdesk: '' }, () => ({ key: '', start: 0, end: 0 }));

const criticalCache = new WeakMap<readonly CriterionInfo[], readonly CriterionInfo[]>();

/** The critical criteria of a scorecard version: all the headline's critical-fail rate needs. */
function criticalOnly(criteria: readonly CriterionInfo[]): readonly CriterionInfo[] {
  let critical = criticalCache.get(criteria);
  if (!critical) {
    critical = criteria.filter((c) => c.critical !== 'none');
    criticalCache.set(criteria, critical);
  }
  return critical;
}

export function createReportBuilder(input: ReportInput): ReportBuilder {
  const { filter, grain } = input;
  const parts = input.parts ?? 'all';
  const wantOverview = parts === 'all' || parts === 'overview';
  const wantCriteria = parts === 'all' || parts === 'criteria';
  const wantKpis = parts === 'all' || parts === 'csat';
  // The `csat` part pairs scores with CSAT answers: it needs the rows of the period, not their answers.
  const wantAnswers = wantOverview || wantCriteria;
  const period = timeRange(filter);
  const before = previousDays(filter);
  const previousPeriod = before ? timeRange(before) : null;
  const inScope = rowMatcher({ ...filter, kind: '' }, { period: false });
  const criteriaFor = criteriaIndex(input.scorecardFor);
  const bucketOf = bucketCache(grain);

  const headline = new HeadlineAccumulator();
  const previous = new HeadlineAccumulator();
  const trend = new TrendAccumulator();
  const agents = new AgentAccumulator();
  const criteria = new CriterionAccumulator();
  const rootCauses = new RootCauseAccumulator();
  const reviewers = new ReviewerAccumulator();
  const ticketKpis = wantKpis ? latestPerTicket(input.kpis) : [];
  const kpiRecords = wantKpis ? [...ticketKpis, ...input.kpis.filter((r) => r.scope === 'agent-period')] : [];
  const qaVsCsat = new QaCsatAccumulator(csatByTicket(ticketKpis));
  const gap = new SelfReviewGapAccumulator();

  function finishKpis(): KpiPart {
    const summary = wantKpis ? summariseKpis(kpiRecords, { range: period, agent: filter.agent, helpdesk: filter.helpdesk }, bucketOf) : NO_KPIS;
    return { qaVsCsat: qaVsCsat.result(), summary };
  }

  return {
    add(evaluation) {
      const at = evaluation.submittedAt;
      if (!inScope(evaluation)) return;
      // Calibration scores measure the reviewers, not the agent: they count in no report unless
      // the kind filter asks for them, and never in an agent's figures.
      if (evaluation.kind === 'calibration' && filter.kind !== 'calibration') return;
      const current = at >= period.start && at < period.end;
      if (current && wantOverview) gap.add(evaluation);
      if (filter.kind && evaluation.kind !== filter.kind) return;
      const inPrevious = previousPeriod !== null && at >= previousPeriod.start && at < previousPeriod.end;
      if (!current && (!inPrevious || !wantOverview)) return;
      // Only rows of the period get this far without the overview.
      if (!wantAnswers) return qaVsCsat.add(evaluation);

      // One walk over the answers feeds the critical-fail rate, the criteria and the root causes.
      const allCriteria = criteriaFor(evaluation);
      const scorecardCriteria = allCriteria && !wantCriteria ? criticalOnly(allCriteria) : allCriteria;
      let criticalFailed: boolean | undefined;
      if (scorecardCriteria) {
        criticalFailed = false;
        const totals = current && wantCriteria ? criteria.totalsFor(scorecardCriteria) : undefined;
        for (let i = 0; i < scorecardCriteria.length; i++) {
          const criterion = scorecardCriteria[i]!;
          const answer = evaluation.answers.get(criterion.criterionId);
          const option = ratedOption(criterion, answer);
          if (totals && answer && answer.rootCauses.length > 0) rootCauses.addCauses(answer.rootCauses);
          if (!option) continue;
          if (criterion.critical !== 'none' && !option.passes) criticalFailed = true;
          if (totals) CriterionAccumulator.add(totals[i]!, option);
        }
      } else if (current && wantCriteria) {
        rootCauses.add(evaluation);
      }
      if (!wantOverview) return;
      if (!current) {
        previous.add(evaluation, criticalFailed);
        return;
      }
      const bucket = bucketOf(at);
      headline.add(evaluation, criticalFailed);
      trend.add(evaluation, bucket);
      if (evaluation.kind !== 'calibration') agents.add(evaluation, criticalFailed, bucket);
      reviewers.add(evaluation);
      if (wantKpis) qaVsCsat.add(evaluation);
    },

    finishKpis,

    finish() {
      const points = trend.points(period, grain);
      const report: DashboardReport = {
        period,
        previousPeriod,
        headline: { current: headline.figures(), previous: previousPeriod ? previous.figures() : null },
        trend: points.map((p) => ({ ...p, kpis: undefined })),
        agents: agents.rows(points.map((p) => p.bucket.key)).map((row) => ({ ...row, kpis: undefined })),
        criteria: wantCriteria ? criteria.rows() : [],
        rootCauses: wantCriteria ? rootCauses.rows(input.rootCauses) : [],
        qaVsCsat: { points: [], correlation: null },
        reviewers: reviewers.rows(),
        selfReviewGap: gap.result(criteriaFor),
        kpis: NO_KPIS.overall,
      };
      return wantKpis ? addKpis(report, finishKpis()) : report;
    },
  };
}

/** The report over rows already in memory. */
export function buildReport(rows: Iterable<ReportRow>, input: ReportInput): DashboardReport {
  const builder = createReportBuilder(input);
  for (const row of rows) builder.add(row);
  return builder.finish();
}

/** The KPI figures of the rows (the `csat` part): QA vs CSAT pairs and the KPI summary of the period. */
export function buildKpiPart(rows: Iterable<ReportRow>, input: ReportInput): KpiPart {
  const builder = createReportBuilder({ ...input, parts: 'csat' });
  for (const row of rows) builder.add(row);
  return builder.finishKpis();
}

/**
 * The submission times a report over this filter reads, start inclusive, end exclusive: its period
 * and the period before it (the headline's change). Rows outside count in no report.
 */
export function reportWindow(filter: EvaluationFilter): TimeRange {
  const period = timeRange(filter);
  const before = previousDays(filter);
  return { start: before ? Math.min(period.start, timeRange(before).start) : period.start, end: period.end };
}

const oldestFirst = new WeakMap<readonly ReportRow[], boolean>();

/** Whether the rows are in submission order, checked once per array (the dashboard's rows stay as read). */
function isOldestFirst(rows: readonly ReportRow[]): boolean {
  let sorted = oldestFirst.get(rows);
  if (sorted === undefined) {
    sorted = true;
    for (let i = 1; i < rows.length && sorted; i++) sorted = rows[i - 1]!.submittedAt <= rows[i]!.submittedAt;
    oldestFirst.set(rows, sorted);
  }
  return sorted;
}

/**
 * The rows submitted within `range`, from rows sorted oldest first (as the dashboard reads them):
 * two binary searches, so a report over the last 30 days walks those days, not the year. Rows not
 * in that order are returned whole, for the report's own test of each row to sort out.
 */
export function rowsWithin(rows: readonly ReportRow[], range: TimeRange): readonly ReportRow[] {
  if (range.start === -Infinity && range.end === Infinity) return rows;
  const first = (time: number) => {
    let low = 0;
    let high = rows.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (rows[mid]!.submittedAt < time) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  if (!isOldestFirst(rows)) return rows;
  return rows.slice(first(range.start), first(range.end));
}
