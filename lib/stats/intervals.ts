/**
 * How sure a QA figure is: the confidence interval of a mean score (Student's t, since an agent's
 * month is often a dozen reviews), of a pass rate (Wilson's score interval, which stays inside
 * 0–100 % and behaves at 0 or 10 passes out of 10, where the textbook ±1.96·SE does not), and how
 * many reviews a margin needs. Everything takes running sums, so a report pass can keep them as it
 * streams: n, Σx, Σx² for scores; passes and verdicts for rates.
 */
import { tCritical, zCritical } from './distributions';

export const DEFAULT_CONFIDENCE = 0.95;

/** Running sums of a set of scores. */
export interface ScoreSums {
  n: number;
  sum: number;
  sumSquares: number;
}

export const EMPTY_SUMS: ScoreSums = Object.freeze({ n: 0, sum: 0, sumSquares: 0 });

export function addScore(sums: ScoreSums, x: number): ScoreSums {
  return { n: sums.n + 1, sum: sums.sum + x, sumSquares: sums.sumSquares + x * x };
}

export function sumsOf(values: Iterable<number>): ScoreSums {
  let sums = EMPTY_SUMS;
  for (const x of values) sums = addScore(sums, x);
  return sums;
}

/** The sample standard deviation (n − 1), or null below two values. */
export function standardDeviation({ n, sum, sumSquares }: ScoreSums): number | null {
  if (n < 2) return null;
  // Σ(x − x̄)² = Σx² − (Σx)²/n. The subtraction cancels almost everything when scores barely
  // vary: what is left below the rounding error of Σx² is noise, not spread.
  const squares = sumSquares - (sum * sum) / n;
  return squares <= sumSquares * 1e-12 ? 0 : Math.sqrt(squares / (n - 1));
}

export interface Interval {
  /** The estimate: a mean score, or a rate in percent. */
  value: number;
  low: number;
  high: number;
  /** Half the width: "± margin". */
  margin: number;
  n: number;
  confidence: number;
}

/**
 * The t-based interval of a mean: x̄ ± t(1 − α/2, n − 1) · s/√n. Null with no values; with one
 * value the mean stands but nothing is known of its spread, so low/high are ±∞.
 */
export function meanInterval(sums: ScoreSums, confidence = DEFAULT_CONFIDENCE): Interval | null {
  if (sums.n === 0) return null;
  const value = sums.sum / sums.n;
  const sd = standardDeviation(sums);
  if (sd === null) return { value, low: -Infinity, high: Infinity, margin: Infinity, n: sums.n, confidence };
  const margin = (tCritical(confidence, sums.n - 1) * sd) / Math.sqrt(sums.n);
  return { value, low: value - margin, high: value + margin, margin, n: sums.n, confidence };
}

/**
 * Wilson's score interval of a pass rate, in percent: (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n).
 * `margin` is half its width; the interval is not centred on the rate.
 */
export function wilsonInterval(passes: number, n: number, confidence = DEFAULT_CONFIDENCE): Interval | null {
  if (!Number.isInteger(passes) || !Number.isInteger(n) || passes < 0 || passes > n) {
    throw new RangeError(`A pass rate needs whole numbers with 0 ≤ passes ≤ verdicts, not ${passes} of ${n}.`);
  }
  if (n === 0) return null;
  const z = zCritical(confidence);
  const p = passes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  const low = Math.max(0, centre - half);
  const high = Math.min(1, centre + half);
  return { value: 100 * p, low: 100 * low, high: 100 * high, margin: 50 * (high - low), n, confidence };
}

export interface SampleSizeInput {
  /** The expected standard deviation of scores, in points (from past reviews). */
  sd: number;
  /** The wanted half-width of the interval, in points: 5 for "± 5 points". */
  margin: number;
  confidence?: number;
  /** How many tickets there are to draw from, when known: a small population needs fewer (finite population correction). */
  population?: number;
}

/**
 * The fewest reviews whose t interval of the mean is no wider than ± margin, given the spread:
 * the smallest n with t(1 − α/2, n − 1) · sd/√n ≤ margin. The t quantile depends on n, so this
 * starts from the normal approximation and steps up. With a population N, the finite population
 * correction n/(1 + (n − 1)/N) applies, and never more than N are asked for.
 */
export function sampleSizeForMargin({ sd, margin, confidence = DEFAULT_CONFIDENCE, population }: SampleSizeInput): number {
  if (!(sd >= 0) || !Number.isFinite(sd)) throw new RangeError(`The standard deviation must be a number of points ≥ 0, not ${sd}.`);
  if (!(margin > 0) || !Number.isFinite(margin)) throw new RangeError(`The margin must be a number of points above 0, not ${margin}.`);
  if (population !== undefined && !(Number.isInteger(population) && population >= 0)) {
    throw new RangeError(`The population must be a whole number of tickets, not ${population}.`);
  }
  if (sd === 0) return Math.min(2, population ?? 2);
  const z = zCritical(confidence);
  let n = Math.max(2, Math.ceil(((z * sd) / margin) ** 2));
  while ((tCritical(confidence, n - 1) * sd) / Math.sqrt(n) > margin) n += 1;
  if (population === undefined) return n;
  return Math.min(population, Math.ceil(n / (1 + (n - 1) / population)));
}

/** The fewest verdicts for a pass rate of about `expectedRate` percent to be known within ± margin percentage points (normal approximation). */
export function passRateSampleSize({ expectedRate = 50, margin, confidence = DEFAULT_CONFIDENCE }: { expectedRate?: number; margin: number; confidence?: number }): number {
  if (!(margin > 0 && margin < 100)) throw new RangeError(`The margin is in percentage points between 0 and 100, not ${margin}.`);
  if (!(expectedRate >= 0 && expectedRate <= 100)) throw new RangeError(`The expected pass rate is a percentage, not ${expectedRate}.`);
  const p = expectedRate / 100;
  const z = zCritical(confidence);
  return Math.max(1, Math.ceil((z * z * Math.max(p * (1 - p), 0.0025)) / (margin / 100) ** 2));
}
