/**
 * Did coaching change anything? Before and after compared with the interval of the difference,
 * so a QA lead reads "larger than the noise" only when the interval leaves out zero: Welch's t for
 * mean scores (the two periods need not share a spread), Newcombe's hybrid score interval for pass
 * rates (built from the two Wilson intervals, well behaved at 0 % and 100 %).
 */
import { tCritical } from './distributions';
import { DEFAULT_CONFIDENCE, standardDeviation, wilsonInterval, type ScoreSums } from './intervals';

export interface Difference {
  /** after − before: points for scores, percentage points for rates. */
  difference: number;
  low: number;
  high: number;
  confidence: number;
  /** 'up' or 'down' when the interval of the difference leaves out zero; 'noise' when it does not. */
  verdict: 'up' | 'down' | 'noise';
}

/** The verdict in one plain sentence. */
export function describeDifference(d: Difference | null, unit: 'points' | 'percentage points'): string {
  if (d === null) return 'Not enough reviews on both sides to compare (two or more before and after).';
  const pct = Math.round(d.confidence * 100);
  const size = `${d.difference >= 0 ? '+' : '−'}${Math.abs(d.difference).toFixed(1)} ${unit} (${pct} % interval ${d.low.toFixed(1)} to ${d.high.toFixed(1)})`;
  if (d.verdict === 'noise') return `${size}: not larger than the noise; the samples cannot tell this change from chance.`;
  return `${size}: larger than the noise, a real ${d.verdict === 'up' ? 'improvement' : 'decline'}.`;
}

const verdictOf = (low: number, high: number): Difference['verdict'] => (low > 0 ? 'up' : high < 0 ? 'down' : 'noise');

/** Welch's interval of the difference of two means; null unless both sides have two values or more. */
export function compareMeans(before: ScoreSums, after: ScoreSums, confidence = DEFAULT_CONFIDENCE): Difference | null {
  const s1 = standardDeviation(before);
  const s2 = standardDeviation(after);
  if (s1 === null || s2 === null) return null;
  const difference = after.sum / after.n - before.sum / before.n;
  const v1 = (s1 * s1) / before.n;
  const v2 = (s2 * s2) / after.n;
  const se = Math.sqrt(v1 + v2);
  if (se === 0) {
    // Both sides without spread: any difference is exact.
    return { difference, low: difference, high: difference, confidence, verdict: verdictOf(difference, difference) };
  }
  // Welch–Satterthwaite degrees of freedom.
  const df = (v1 + v2) ** 2 / ((v1 * v1) / (before.n - 1) + (v2 * v2) / (after.n - 1));
  const margin = tCritical(confidence, df) * se;
  const low = difference - margin;
  const high = difference + margin;
  return { difference, low, high, confidence, verdict: verdictOf(low, high) };
}

/** Newcombe's (1998, method 10) interval of the difference of two pass rates, in percentage points. */
export function compareRates(before: { passes: number; n: number }, after: { passes: number; n: number }, confidence = DEFAULT_CONFIDENCE): Difference | null {
  const w1 = wilsonInterval(before.passes, before.n, confidence);
  const w2 = wilsonInterval(after.passes, after.n, confidence);
  if (!w1 || !w2) return null;
  const difference = w2.value - w1.value;
  const low = difference - Math.sqrt((w2.value - w2.low) ** 2 + (w1.high - w1.value) ** 2);
  const high = difference + Math.sqrt((w2.high - w2.value) ** 2 + (w1.value - w1.low) ** 2);
  return { difference, low, high, confidence, verdict: verdictOf(low, high) };
}
