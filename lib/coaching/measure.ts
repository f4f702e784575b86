/**
 * Measuring a coaching metric over an agent's work in a period: the baseline before coaching and
 * the outcome after it use the same function, so they are always comparable.
 *
 * - Evaluations counted: submitted reviews (any status after draft) of tickets the agent handled,
 *   submitted in [from, to). Self-assessments and calibration scores do not measure the agent.
 * - qa-score: the mean evaluation score. pass-rate: 100 × passed / evaluations with a verdict.
 * - criterion: the mean of 100 × the chosen option's value, over evaluations that rated it (N/A
 *   and other scorecards are left out), read through lib/scoring so a scale means one thing.
 * - KPIs, from ticket KPI records of the agent dated in the period: csat = % of answers 4 or 5,
 *   nps = % promoters (9–10) − % detractors (0–6), fcr = % resolved at first contact, response
 *   and resolution times and reopens = means; aht = the mean of agent-period records starting in it.
 * Values are rounded to 2 decimals; null (with sample size 0) when there is nothing to measure.
 */
import type { CoachingMetric, Evaluation, KpiMetric, KpiRecord, Measurement, Person, ScorecardContent } from '../schemas';
import { scoreEvaluation } from '../scoring';

export interface Period {
  from: number;
  to: number;
}

export type ScorecardLookup = (id: string, version: number) => ScorecardContent | undefined;

const normalise = (text: string | undefined) => (text ?? '').trim().toLocaleLowerCase();

/** Whether two people are the same agent: by name or by email, ignoring case and outer spaces. */
export function sameAgent(a: Person | null, b: Person): boolean {
  if (!a) return false;
  return (normalise(a.name) !== '' && normalise(a.name) === normalise(b.name)) || (normalise(a.email) !== '' && normalise(a.email) === normalise(b.email));
}

const inPeriod = (at: number | null, { from, to }: Period) => at !== null && at >= from && at < to;
const round2 = (n: number) => Math.round(n * 100) / 100;
const mean = (values: number[]) => (values.length === 0 ? null : round2(values.reduce((a, b) => a + b, 0) / values.length));
const percent = (hits: boolean[]) => mean(hits.map((hit) => (hit ? 100 : 0)));

/** The agent's reviews submitted in the period. */
export function reviewsOf(evaluations: Evaluation[], agent: Person, period: Period): Evaluation[] {
  return evaluations.filter((e) => e.kind === 'review' && e.status !== 'draft' && inPeriod(e.submittedAt, period) && sameAgent(e.ticket.agent, agent));
}

/** 100 × the value the evaluation gave a criterion, or null when it did not rate it. */
export function criterionValue(evaluation: Evaluation, criterionId: string, scorecard: ScorecardContent): number | null {
  const result = scoreEvaluation(scorecard, evaluation.answers).criteria.find((c) => c.criterionId === criterionId);
  return result?.state === 'rated' && result.value !== null ? 100 * result.value : null;
}

/** Metrics where a lower value is the better one. */
export const LOWER_IS_BETTER: ReadonlySet<KpiMetric> = new Set(['first-response', 'resolution', 'reopens', 'aht']);

/** Metrics measured in percent (0–100); the others are in their KPI's own unit. */
export const isPercentMetric = (metric: CoachingMetric) => metric.kind !== 'kpi' || metric.kpi === 'csat' || metric.kpi === 'fcr';

export function lowerIsBetter(metric: CoachingMetric): boolean {
  return metric.kind === 'kpi' && LOWER_IS_BETTER.has(metric.kpi);
}

function kpiValues(kpi: KpiMetric, records: KpiRecord[], agent: Person, period: Period): number[] {
  const agentMatches = (name: string | null) => name !== null && sameAgent({ name, email: name }, agent);
  if (kpi === 'aht') {
    return records.flatMap((r) => (r.scope === 'agent-period' && agentMatches(r.agent) && inPeriod(r.periodStart, period) && r.kpis.ahtSeconds !== null ? [r.kpis.ahtSeconds] : []));
  }
  const tickets = records.flatMap((r) => (r.scope === 'ticket' && agentMatches(r.agent) && inPeriod(r.at, period) ? [r.kpis] : []));
  const pick = <T>(read: (k: (typeof tickets)[number]) => T | null) => tickets.map(read).filter((v): v is T => v !== null);
  switch (kpi) {
    case 'csat':
      return pick((k) => k.csat).map((csat) => (csat >= 4 ? 100 : 0));
    case 'nps':
      return pick((k) => k.nps).map((nps) => (nps >= 9 ? 100 : nps <= 6 ? -100 : 0));
    case 'fcr':
      return pick((k) => k.firstContactResolved).map((fcr) => (fcr ? 100 : 0));
    case 'first-response':
      return pick((k) => k.firstResponseSeconds);
    case 'resolution':
      return pick((k) => k.resolutionSeconds);
    case 'reopens':
      return pick((k) => k.reopens);
  }
}

export interface MeasureInput {
  metric: CoachingMetric;
  agent: Person;
  period: Period;
  evaluations: Evaluation[];
  scorecards: ScorecardLookup;
  kpis?: KpiRecord[];
}

export function measure({ metric, agent, period, evaluations, scorecards, kpis = [] }: MeasureInput): Measurement {
  const result = (values: number[], value = mean(values)): Measurement => ({ value, sampleSize: values.length, ...period });
  if (metric.kind === 'kpi') return result(kpiValues(metric.kpi, kpis, agent, period));
  const reviews = reviewsOf(evaluations, agent, period);
  switch (metric.kind) {
    case 'qa-score':
      return result(reviews.flatMap((e) => (e.score === null ? [] : [e.score])));
    case 'pass-rate': {
      const verdicts = reviews.flatMap((e) => (e.passed === null ? [] : [e.passed]));
      return result(verdicts.map(Number), percent(verdicts));
    }
    case 'criterion':
      return result(
        reviews.flatMap((e) => {
          const scorecard = e.scorecardId === metric.scorecardId ? scorecards(e.scorecardId, e.scorecardVersion) : undefined;
          const value = scorecard ? criterionValue(e, metric.criterionId, scorecard) : null;
          return value === null ? [] : [value];
        }),
      );
  }
}
