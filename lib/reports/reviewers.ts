import { byName, entry, Mean } from './accumulators';
import type { ReportRow } from './report-row';

export interface ReviewerRow {
  name: string;
  evaluations: number;
  /** Mean score this reviewer gave. */
  meanScore: number | null;
  meanReviewSeconds: number | null;
}

const newReviewerTotals = () => ({ count: 0, score: new Mean(), time: new Mean() });

/** Volume, mean score given and review time per reviewer (the evaluation's author). */
export class ReviewerAccumulator {
  private readonly reviewers = new Map<string, { count: number; score: Mean; time: Mean }>();

  add(evaluation: ReportRow): void {
    const totals = entry(this.reviewers, evaluation.reviewer, newReviewerTotals);
    totals.count += 1;
    if (evaluation.score !== null) totals.score.add(evaluation.score);
    if (evaluation.reviewSeconds > 0) totals.time.add(evaluation.reviewSeconds);
  }

  rows(): ReviewerRow[] {
    return [...this.reviewers]
      .map(([name, t]) => ({ name, evaluations: t.count, meanScore: t.score.value, meanReviewSeconds: t.time.value }))
      .sort(byName);
  }
}
