import type { BuildProgress } from '../../lib/db/report-rows';
import type { ReportRow } from '../../lib/reports/report-row';
import type { Evaluation, KpiRecord, Scorecard, TeamSettings } from '../../lib/schemas';
import type { OnDataChanged } from '../shared/data-changes';

/** What the dashboard needs from the outside world; the entrypoint backs it with the database. */
export interface DashboardClient {
  onDataChanged?: OnDataChanged;
  /**
   * The report row of every submitted evaluation, oldest first: what the reports and the list read.
   * Rows of evaluations stored before report rows existed are built first, with `onBuild` told how far.
   */
  listReportRows(onBuild?: (progress: BuildProgress) => void): Promise<ReportRow[]>;
  /** One evaluation in full, read when it is opened from the list. */
  getEvaluation(id: string): Promise<Evaluation | undefined>;
  /** Every submitted evaluation in full (drafts excluded), newest first: the review pack quotes their answers. */
  listEvaluations(): Promise<Evaluation[]>;
  /** The exact scorecard version an evaluation pinned, if it is still stored. */
  getScorecard(id: string, version: number): Promise<Scorecard | undefined>;
  /** Every KPI record (per ticket and per agent-period), for the reports. */
  listKpis(): Promise<KpiRecord[]>;
  /** The team's settings: its root-cause labels and categories. */
  getTeamSettings(): Promise<TeamSettings>;
}
