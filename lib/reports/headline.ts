import { Mean, Rate } from './accumulators';
import type { ReportRow } from './report-row';

/** The headline figures of one period. Rates are percentages; null when there is nothing to count. */
export interface HeadlineFigures {
  evaluations: number;
  meanScore: number | null;
  /** Share of scored evaluations that passed. */
  passRate: number | null;
  /** Share of evaluations, with their scorecard known, that failed a critical criterion (either level). */
  criticalFailRate: number | null;
  /** Mean active review time of the evaluations that recorded one. */
  meanReviewSeconds: number | null;
}

export type HeadlineMetric = Exclude<keyof HeadlineFigures, never>;

export interface Headline {
  current: HeadlineFigures;
  /** The same number of days just before; null when the period is open-ended. */
  previous: HeadlineFigures | null;
}

export class HeadlineAccumulator {
  private count = 0;
  private readonly score = new Mean();
  private readonly pass = new Rate();
  private readonly critical = new Rate();
  private readonly reviewTime = new Mean();

  /** `criticalFailed` is undefined when the evaluation's scorecard version is not stored. */
  add(evaluation: ReportRow, criticalFailed: boolean | undefined): void {
    this.count += 1;
    if (evaluation.score !== null) this.score.add(evaluation.score);
    if (evaluation.passed !== null) this.pass.add(evaluation.passed);
    if (criticalFailed !== undefined) this.critical.add(criticalFailed);
    // 0 means "not recorded" (evaluations from before time was tracked), not an instant review.
    if (evaluation.reviewSeconds > 0) this.reviewTime.add(evaluation.reviewSeconds);
  }

  figures(): HeadlineFigures {
    return {
      evaluations: this.count,
      meanScore: this.score.value,
      passRate: this.pass.percent,
      criticalFailRate: this.critical.percent,
      meanReviewSeconds: this.reviewTime.value,
    };
  }
}

/** Current minus previous, per figure; null when either side has no value. */
export function headlineChange(headline: Headline, metric: keyof HeadlineFigures): number | null {
  const now = headline.current[metric];
  const before = headline.previous?.[metric];
  return now === null || before === null || before === undefined ? null : now - before;
}
