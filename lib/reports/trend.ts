import { Mean, Rate } from './accumulators';
import type { ReportRow } from './report-row';
import type { TimeRange } from './report-period';
import { bucketsBetween, type TimeBucket, type TrendGrain } from './time-buckets';

export interface TrendPoint {
  bucket: TimeBucket;
  evaluations: number;
  meanScore: number | null;
  passRate: number | null;
}

interface BucketTotals {
  bucket: TimeBucket;
  score: Mean;
  pass: Rate;
  count: number;
}

/** QA score and pass rate per week or month of the period. */
export class TrendAccumulator {
  private readonly buckets = new Map<string, BucketTotals>();
  /** Evaluations arrive in date order: most land in the same bucket as the one before. */
  private last: BucketTotals | undefined;

  add(evaluation: ReportRow, bucket: TimeBucket): void {
    let totals = this.last?.bucket.key === bucket.key ? this.last : this.buckets.get(bucket.key);
    if (!totals) {
      totals = { bucket, score: new Mean(), pass: new Rate(), count: 0 };
      this.buckets.set(bucket.key, totals);
    }
    this.last = totals;
    totals.count += 1;
    if (evaluation.score !== null) totals.score.add(evaluation.score);
    if (evaluation.passed !== null) totals.pass.add(evaluation.passed);
  }

  /**
   * Every bucket of the period in order, empty ones included so gaps show as gaps; for an open-ended
   * period, from the first bucket with an evaluation to the last.
   */
  points(range: TimeRange, grain: TrendGrain): TrendPoint[] {
    const seen = [...this.buckets.values()].map((t) => t.bucket);
    if (seen.length === 0 && !(Number.isFinite(range.start) && Number.isFinite(range.end))) return [];
    const start = Number.isFinite(range.start) ? range.start : Math.min(...seen.map((b) => b.start));
    const end = Number.isFinite(range.end) ? range.end : Math.max(...seen.map((b) => b.end));
    return bucketsBetween(start, end, grain).map((bucket) => {
      const totals = this.buckets.get(bucket.key);
      return {
        bucket,
        evaluations: totals?.count ?? 0,
        meanScore: totals?.score.value ?? null,
        passRate: totals?.pass.percent ?? null,
      };
    });
  }
}
