import type { DashboardReport } from '../../lib/reports/build-report';
import type { DayRange } from '../../lib/reports/report-period';
import type { TrendGrain } from '../../lib/reports/time-buckets';
import { AgentReport } from './AgentReport';
import { CriteriaReport } from './CriteriaReport';
import type { OnDrill } from './DrillButton';
import { HeadlineFigures } from './HeadlineFigures';
import { ReviewerReport, SelfReviewGapReport } from './PeopleReports';
import { QaCsatReport } from './QaCsatReport';
import { RootCauseReport } from './RootCauseReport';
import { TrendReport } from './TrendReport';

interface ReportsViewProps {
  report: DashboardReport;
  /** The weakest criteria and root causes are still being worked out (they come after the headline). */
  criteriaPending?: boolean;
  /** Whether the KPI figures (QA vs CSAT, the KPI columns) are in the report yet: they come after the criteria. */
  kpis?: 'ready' | 'pending' | { error: string };
  grain: TrendGrain;
  onGrain: (grain: TrendGrain) => void;
  days: DayRange;
  onDrill: OnDrill;
}

/** A report still being worked out: its heading, and a busy note in its place. */
function PendingReport({ title }: { title: string }) {
  return (
    <section class="report" aria-busy="true" aria-label={title}>
      <h3>{title}</h3>
      <p class="muted">Working out…</p>
    </section>
  );
}

/** Every report of the filtered period; each figure lists the evaluations behind it on click. */
export function ReportsView({ report, criteriaPending = false, kpis = 'ready', grain, onGrain, days, onDrill }: ReportsViewProps) {
  return (
    <section class="reports" aria-labelledby="reports-heading">
      <h2 id="reports-heading">Reports</h2>
      <HeadlineFigures headline={report.headline} onDrill={onDrill} />
      <TrendReport trend={report.trend} grain={grain} onGrain={onGrain} onDrill={onDrill} />
      <AgentReport agents={report.agents} grain={grain} days={days} onDrill={onDrill} />
      <div class="report-grid">
        {criteriaPending ? (
          <>
            <PendingReport title="Weakest criteria" />
            <PendingReport title="Root causes (Pareto)" />
          </>
        ) : (
          <>
            <CriteriaReport criteria={report.criteria} onDrill={onDrill} />
            <RootCauseReport rows={report.rootCauses} onDrill={onDrill} />
          </>
        )}
        {kpis === 'ready' ? (
          <QaCsatReport qaVsCsat={report.qaVsCsat} onDrill={onDrill} />
        ) : kpis === 'pending' ? (
          <PendingReport title="QA score vs CSAT" />
        ) : (
          <section class="report" aria-label="QA score vs CSAT">
            <h3>QA score vs CSAT</h3>
            <p class="error" role="alert">
              Could not load the KPI records: {kpis.error}
            </p>
          </section>
        )}
        <ReviewerReport reviewers={report.reviewers} onDrill={onDrill} />
      </div>
      <SelfReviewGapReport gap={report.selfReviewGap} onDrill={onDrill} />
    </section>
  );
}
