import type { ScoreSums } from '../stats/intervals';
import { byName, entry, Mean, Rate } from './accumulators';
import type { ReportRow } from './report-row';
import type { TimeBucket } from './time-buckets';

export interface AgentRow {
  name: string;
  /** The sample size behind the figures. */
  evaluations: number;
  meanScore: number | null;
  passRate: number | null;
  criticalFailRate: number | null;
  /** Mean score per trend bucket, aligned with the trend's points; null where the agent had none scored. */
  spark: (number | null)[];
  /** Running sums behind the mean and pass rate, for their confidence intervals (lib/stats/intervals). */
  sums: { scores: ScoreSums; passes: number; verdicts: number };
}

interface AgentTotals {
  count: number;
  score: Mean;
  pass: Rate;
  critical: Rate;
  byBucket: Map<string, Mean>;
}

/** Name shown for evaluations of tickets with no assigned agent. */
export const UNASSIGNED = '';

const newAgentTotals = (): AgentTotals => ({ count: 0, score: new Mean(), pass: new Rate(), critical: new Rate(), byBucket: new Map() });
const newMean = () => new Mean();

export class AgentAccumulator {
  private readonly agents = new Map<string, AgentTotals>();

  add(evaluation: ReportRow, criticalFailed: boolean | undefined, bucket: TimeBucket): void {
    const name = evaluation.agent || UNASSIGNED;
    const totals = entry(this.agents, name, newAgentTotals);
    totals.count += 1;
    if (evaluation.passed !== null) totals.pass.add(evaluation.passed);
    if (criticalFailed !== undefined) totals.critical.add(criticalFailed);
    if (evaluation.score !== null) {
      totals.score.add(evaluation.score);
      entry(totals.byBucket, bucket.key, newMean).add(evaluation.score);
    }
  }

  rows(bucketKeys: readonly string[]): AgentRow[] {
    return [...this.agents]
      .map(([name, t]) => ({
        name,
        evaluations: t.count,
        meanScore: t.score.value,
        passRate: t.pass.percent,
        criticalFailRate: t.critical.percent,
        spark: bucketKeys.map((key) => t.byBucket.get(key)?.value ?? null),
        sums: { scores: { n: t.score.count, sum: t.score.sum, sumSquares: t.score.sumSquares }, passes: t.pass.hits, verdicts: t.pass.count },
      }))
      .sort(byName);
  }
}
