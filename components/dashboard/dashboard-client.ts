import type { Evaluation, Scorecard } from '../../lib/schemas';

/** What the dashboard needs from the outside world; the entrypoint backs it with the database. */
export interface DashboardClient {
  /** Every submitted evaluation (drafts excluded), newest first. */
  listEvaluations(): Promise<Evaluation[]>;
  /** The exact scorecard version an evaluation pinned, if it is still stored. */
  getScorecard(id: string, version: number): Promise<Scorecard | undefined>;
}
