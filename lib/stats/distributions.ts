/**
 * Quantiles of the distributions behind the intervals, from jStat rather than hand-written
 * approximations: the t quantile for small samples is where home-made code usually goes wrong.
 */
import jStat from 'jstat';

/** The two-sided critical value of Student's t with `df` degrees of freedom: t such that P(|T| ≤ t) = confidence. */
export function tCritical(confidence: number, df: number): number {
  checkConfidence(confidence);
  if (!(df > 0)) throw new RangeError(`A t interval needs at least one degree of freedom, not ${df}.`);
  return jStat.studentt.inv(1 - (1 - confidence) / 2, df);
}

/** The two-sided critical value of the standard normal: z such that P(|Z| ≤ z) = confidence (1.96 for 95 %). */
export function zCritical(confidence: number): number {
  checkConfidence(confidence);
  return jStat.normal.inv(1 - (1 - confidence) / 2, 0, 1);
}

function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`A confidence level is between 0 and 1 (0.95 for 95 %), not ${confidence}.`);
}
