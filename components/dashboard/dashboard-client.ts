import type { Evaluation, KpiRecord, Scorecard, TeamSettings } from '../../lib/schemas';
import type { OnDataChanged } from '../shared/data-changes';

/** What the dashboard needs from the outside world; the entrypoint backs it with the database. */
export interface DashboardClient {
  onDataChanged?: OnDataChanged;
  /** Every submitted evaluation (drafts excluded), newest first. */
  listEvaluations(): Promise<Evaluation[]>;
  /** The exact scorecard version an evaluation pinned, if it is still stored. */
  getScorecard(id: string, version: number): Promise<Scorecard | undefined>;
  /** Every KPI record (per ticket and per agent-period), for the reports. */
  listKpis(): Promise<KpiRecord[]>;
  /** The team's settings: its root-cause labels and categories. */
  getTeamSettings(): Promise<TeamSettings>;
}
