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
  grain: TrendGrain;
  onGrain: (grain: TrendGrain) => void;
  days: DayRange;
  onDrill: OnDrill;
}

/** Every report of the filtered period; each figure lists the evaluations behind it on click. */
export function ReportsView({ report, grain, onGrain, days, onDrill }: ReportsViewProps) {
  return (
    <section class="reports" aria-labelledby="reports-heading">
      <h2 id="reports-heading">Reports</h2>
      <HeadlineFigures headline={report.headline} onDrill={onDrill} />
      <TrendReport trend={report.trend} grain={grain} onGrain={onGrain} onDrill={onDrill} />
      <AgentReport agents={report.agents} grain={grain} days={days} onDrill={onDrill} />
      <div class="report-grid">
        <CriteriaReport criteria={report.criteria} onDrill={onDrill} />
        <RootCauseReport rows={report.rootCauses} onDrill={onDrill} />
        <QaCsatReport qaVsCsat={report.qaVsCsat} onDrill={onDrill} />
        <ReviewerReport reviewers={report.reviewers} onDrill={onDrill} />
      </div>
      <SelfReviewGapReport gap={report.selfReviewGap} onDrill={onDrill} />
    </section>
  );
}
