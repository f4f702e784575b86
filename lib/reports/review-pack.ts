/**
 * The one-to-one review pack for one agent and period: headline figures, trend, the weakest
 * criteria with the evidence quoted on the answers that missed them, and strengths.
 */
import { EMPTY_FILTER } from '../dashboard/filter-evaluations';
import type { Evaluation, Evidence } from '../schemas';
import { buildReport, type DashboardReport } from './build-report';
import { reportRows } from './report-row';
import { criteriaIndex, ratedOption, type ScorecardLookup } from './criterion-outcomes';
import type { CriterionRow } from './per-criterion';
import type { DayRange } from './report-period';
import type { TrendGrain } from './time-buckets';

export interface MissedAnswer {
  ticketId: string;
  subject: string;
  optionLabel: string;
  comment: string;
  evidence: Evidence[];
}

export interface WeakCriterion extends CriterionRow {
  /** The answers that did not pass, newest first, with the reviewer's comment and quotes. */
  missed: MissedAnswer[];
}

export interface ReviewPack {
  agent: string;
  days: DayRange;
  report: DashboardReport;
  /** Criteria with at least one failed answer, weakest first. */
  weakest: WeakCriterion[];
  /** Criteria never failed in the period, best mean first. */
  strongest: CriterionRow[];
  /** What reviewers wrote under Strengths, newest first. */
  strengthNotes: { ticketId: string; text: string }[];
}

export interface ReviewPackInput {
  agent: string;
  days: DayRange;
  grain: TrendGrain;
  scorecardFor: ScorecardLookup;
  /** How many weakest criteria, missed answers per criterion and strengths to show. */
  limit?: number;
}

export function buildReviewPack(evaluations: readonly Evaluation[], input: ReviewPackInput): ReviewPack {
  const limit = input.limit ?? 3;
  const filter = { ...EMPTY_FILTER, agent: input.agent, kind: 'review' as const, from: input.days.from, to: input.days.to };
  const report = buildReport(reportRows(evaluations), { filter, grain: input.grain, scorecardFor: input.scorecardFor, rootCauses: [], kpis: [] });
  const { start, end } = report.period;
  const reviews = evaluations
    .filter((e) => e.kind === 'review' && e.status !== 'draft' && (e.ticket.agent?.name ?? '') === input.agent)
    .filter((e) => e.submittedAt !== null && e.submittedAt >= start && e.submittedAt < end)
    .sort((a, b) => (b.submittedAt ?? 0) - (a.submittedAt ?? 0));
  const criteriaFor = criteriaIndex(input.scorecardFor);

  const missedAnswers = (key: string): MissedAnswer[] =>
    reviews.flatMap((e) => {
      const criterion = criteriaFor(e)?.find((c) => c.key === key);
      const answer = criterion && e.answers[criterion.criterionId];
      const option = criterion && ratedOption(criterion, answer);
      if (!answer || !option || option.passes) return [];
      return [{ ticketId: e.ticket.ticketId, subject: e.ticket.subject, optionLabel: option.label, comment: answer.comment, evidence: answer.evidence }];
    });

  return {
    agent: input.agent,
    days: input.days,
    report,
    weakest: report.criteria
      .filter((c) => (c.failRate ?? 0) > 0)
      .slice(0, limit)
      .map((c) => ({ ...c, missed: missedAnswers(c.key).slice(0, limit) })),
    strongest: report.criteria
      .filter((c) => c.failRate === 0)
      .sort((a, b) => (b.meanScore ?? 0) - (a.meanScore ?? 0) || b.rated - a.rated)
      .slice(0, limit),
    strengthNotes: reviews
      .filter((e) => e.strengths.trim() !== '')
      .slice(0, limit)
      .map((e) => ({ ticketId: e.ticket.ticketId, text: e.strengths })),
  };
}
