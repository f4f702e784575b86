/**
 * Agreement between reviewers, for calibration. Each statistic is the published one, so anyone can
 * check a session's figures by hand or in another package:
 * - `percentAgreement`: the share of agreeing pairs of ratings, per unit, averaged over units.
 * - `cohenKappa(a, b)`: two raters, chance-corrected (Cohen 1960).
 * - `fleissKappa(counts)`: many raters, the same number per unit (Fleiss 1971).
 * - `krippendorffAlpha(data, level)`: any number of raters, missing ratings allowed, nominal to
 *   ratio data (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011).
 *
 * `data` is observers × units (one row per rater, one column per unit rated), `null` where a rater
 * gave no rating. A statistic that is not defined for the data (nothing to pair, or no variation at
 * all, so chance agreement is certain) is `null`, never a made-up 0 or 1.
 */

export type Rating = string | number | null;
export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';
export const MEASUREMENT_LEVELS: readonly MeasurementLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

type Matrix = readonly (readonly Rating[])[];

function unitCount(data: Matrix): number {
  const units = data[0]?.length ?? 0;
  data.forEach((row, i) => {
    if (row.length !== units) throw new RangeError(`Every rater needs a rating (or null) for each of the ${units} units; rater ${i + 1} has ${row.length}.`);
  });
  return units;
}

/** The ratings of one unit, missing ones left out. */
function column(data: Matrix, unit: number): Rating[] {
  const values: Rating[] = [];
  for (const row of data) {
    const value = row[unit];
    if (value !== null && value !== undefined) values.push(value);
  }
  return values;
}

/**
 * The share of agreeing pairs: in each unit with two ratings or more, agreeing pairs over all pairs
 * of its ratings; then the mean over those units. With two raters, the share of units they agree on.
 */
export function percentAgreement(data: Matrix): number | null {
  const units = unitCount(data);
  let total = 0;
  let pairable = 0;
  for (let u = 0; u < units; u++) {
    const values = column(data, u);
    const m = values.length;
    if (m < 2) continue;
    const counts = new Map<Rating, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    let agreeing = 0;
    for (const c of counts.values()) agreeing += c * (c - 1);
    total += agreeing / (m * (m - 1));
    pairable += 1;
  }
  return pairable === 0 ? null : total / pairable;
}

/**
 * Cohen's kappa of two raters' labels, unit by unit: (pₒ − pₑ)/(1 − pₑ). Units either rater left
 * out are dropped. Null when no unit has both ratings, or when both raters used one and the same
 * category throughout (pₑ = 1).
 */
export function cohenKappa(a: readonly Rating[], b: readonly Rating[]): number | null {
  if (a.length !== b.length) throw new RangeError(`The two raters must rate the same units: one has ${a.length} ratings, the other ${b.length}.`);
  const countsA = new Map<Rating, number>();
  const countsB = new Map<Rating, number>();
  let n = 0;
  let agree = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === null || y === null) continue;
    n += 1;
    if (x === y) agree += 1;
    countsA.set(x, (countsA.get(x) ?? 0) + 1);
    countsB.set(y, (countsB.get(y) ?? 0) + 1);
  }
  if (n === 0) return null;
  let expected = 0;
  for (const [category, count] of countsA) expected += (count / n) * ((countsB.get(category) ?? 0) / n);
  if (expected >= 1) return null;
  return (agree / n - expected) / (1 - expected);
}

/**
 * Fleiss' kappa from a units × categories table of counts (how many raters put each unit in each
 * category); every unit must have the same number of ratings, two or more. Null when every rating
 * fell in one category (chance agreement is then certain).
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number | null {
  if (counts.length === 0) return null;
  const categories = counts[0]!.length;
  const raters = counts[0]!.reduce((s, c) => s + c, 0);
  counts.forEach((row, i) => {
    if (row.length !== categories) throw new RangeError(`Every unit needs a count for each of the ${categories} categories; unit ${i + 1} has ${row.length}.`);
    if (row.some((c) => !Number.isInteger(c) || c < 0)) throw new RangeError(`Counts are whole numbers of raters; unit ${i + 1} has ${row.join(', ')}.`);
    const sum = row.reduce((s, c) => s + c, 0);
    if (sum !== raters) throw new RangeError(`Fleiss' kappa needs the same number of ratings per unit: unit 1 has ${raters}, unit ${i + 1} has ${sum}.`);
  });
  if (raters < 2) return null;
  const units = counts.length;
  let observed = 0;
  const totals = new Array<number>(categories).fill(0);
  for (const row of counts) {
    let squares = 0;
    row.forEach((c, j) => {
      squares += c * c;
      totals[j]! += c;
    });
    observed += (squares - raters) / (raters * (raters - 1));
  }
  observed /= units;
  const expected = totals.reduce((s, t) => s + (t / (units * raters)) ** 2, 0);
  if (expected >= 1) return null;
  return (observed - expected) / (1 - expected);
}

/**
 * Krippendorff's alpha, 1 − Dₒ/Dₑ, from the coincidences of pairable values (units with two
 * ratings or more). Nominal data may be labels or numbers; ordinal, interval and ratio data must be
 * numbers (ordinal uses only their order). Null when fewer than two values are pairable or when they
 * show no variation at all.
 */
export function krippendorffAlpha(data: Matrix, level: MeasurementLevel = 'nominal'): number | null {
  if (!MEASUREMENT_LEVELS.includes(level)) throw new RangeError(`The level of measurement is one of ${MEASUREMENT_LEVELS.join(', ')}, not "${String(level)}".`);
  const units = unitCount(data);
  const pairable: Rating[][] = [];
  for (let u = 0; u < units; u++) {
    const values = column(data, u);
    if (values.length >= 2) pairable.push(values);
  }
  if (level !== 'nominal') {
    for (const values of pairable) {
      for (const v of values) {
        if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${level} data must be numbers; found "${String(v)}". Use the nominal level for labels.`);
      }
    }
  }
  const n = pairable.reduce((s, values) => s + values.length, 0);
  if (n < 2) return null;
  return level === 'interval' ? intervalAlpha(pairable as number[][], n) : coincidenceAlpha(pairable, n, level);
}

/**
 * Interval data: with δ² = (c − k)², the sums over pairs have closed forms, Σ over ordered pairs
 * of (xᵢ − xⱼ)² = 2m·Σ(xᵢ − x̄)², so no value-by-value matrix is needed, however many distinct scores.
 */
function intervalAlpha(units: number[][], n: number): number | null {
  let disagreement = 0;
  let sum = 0;
  for (const values of units) {
    const m = values.length;
    let unitSum = 0;
    for (const v of values) unitSum += v;
    const mean = unitSum / m;
    let squares = 0;
    for (const v of values) squares += (v - mean) ** 2;
    disagreement += (2 * m * squares) / (m - 1);
    sum += unitSum;
  }
  const mean = sum / n;
  let squares = 0;
  for (const values of units) for (const v of values) squares += (v - mean) ** 2;
  const expected = 2 * n * squares;
  if (expected === 0) return null;
  return 1 - ((n - 1) * disagreement) / expected;
}

/** Nominal, ordinal and ratio data through the distinct values' counts and the level's δ². */
function coincidenceAlpha(units: Rating[][], n: number, level: Exclude<MeasurementLevel, 'interval'>): number | null {
  const index = new Map<Rating, number>();
  const distinct: Rating[] = [];
  for (const values of units) {
    for (const v of values) {
      if (!index.has(v)) {
        index.set(v, distinct.length);
        distinct.push(v);
      }
    }
  }
  if (level !== 'nominal') {
    // Ordinal ranks and ratio differences follow the values' order.
    distinct.sort((a, b) => (a as number) - (b as number));
    distinct.forEach((v, i) => index.set(v, i));
  }
  const size = distinct.length;
  const totals = new Float64Array(size);
  for (const values of units) for (const v of values) totals[index.get(v)!]! += 1;

  const delta = metric(level, distinct as number[], totals);
  // Observed: within each unit, every ordered pair of its values, weighted 1/(m − 1).
  let observed = 0;
  const counts = new Float64Array(size);
  const touched: number[] = [];
  for (const values of units) {
    for (const v of values) {
      const i = index.get(v)!;
      if (counts[i] === 0) touched.push(i);
      counts[i]! += 1;
    }
    let unit = 0;
    for (let a = 0; a < touched.length; a++) {
      for (let b = a + 1; b < touched.length; b++) {
        const c = touched[a]!;
        const k = touched[b]!;
        unit += 2 * counts[c]! * counts[k]! * delta(c, k);
      }
    }
    observed += unit / (values.length - 1);
    for (const i of touched) counts[i] = 0;
    touched.length = 0;
  }
  let expected = 0;
  for (let c = 0; c < size; c++) for (let k = c + 1; k < size; k++) expected += 2 * totals[c]! * totals[k]! * delta(c, k);
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

/** δ² between the distinct values at two indexes (c ≠ k; δ² of a value with itself is 0 at every level). */
function metric(level: Exclude<MeasurementLevel, 'interval'>, values: readonly number[], totals: Float64Array): (c: number, k: number) => number {
  switch (level) {
    case 'nominal':
      return () => 1;
    case 'ordinal': {
      // (Σ_{g between c and k} n_g − (n_c + n_k)/2)², with prefix sums over the ordered values.
      const prefix = new Float64Array(values.length + 1);
      for (let i = 0; i < values.length; i++) prefix[i + 1] = prefix[i]! + totals[i]!;
      return (c, k) => {
        const [lo, hi] = c < k ? [c, k] : [k, c];
        return (prefix[hi + 1]! - prefix[lo]! - (totals[lo]! + totals[hi]!) / 2) ** 2;
      };
    }
    case 'ratio':
      return (c, k) => {
        const x = values[c]!;
        const y = values[k]!;
        return x + y === 0 ? 0 : ((x - y) / (x + y)) ** 2;
      };
  }
}
