import { compareMeans, compareRates, describeDifference } from '@/lib/stats/compare';
import { meanInterval, passRateSampleSize, sampleSizeForMargin, standardDeviation, sumsOf, wilsonInterval } from '@/lib/stats/intervals';

describe('t interval of a mean score', () => {
  it('five reviews 80, 90, 70, 85, 75: 80 ± 2.776 × 7.906/√5 = 80 ± 9.82', () => {
    // By hand: s² = (0 + 100 + 100 + 25 + 25)/4 = 62.5; t(0.975, 4) = 2.7764.
    const interval = meanInterval(sumsOf([80, 90, 70, 85, 75]))!;
    expect(interval.value).toBe(80);
    expect(interval.margin).toBeCloseTo(9.816, 3);
    expect(interval.low).toBeCloseTo(70.184, 3);
    expect(interval.high).toBeCloseTo(89.816, 3);
  });

  it('is narrower at 90 % confidence', () => {
    const sums = sumsOf([80, 90, 70, 85, 75]);
    expect(meanInterval(sums, 0.9)!.margin).toBeLessThan(meanInterval(sums)!.margin);
  });

  it('one review: the mean, with nothing known of its spread', () => {
    expect(meanInterval(sumsOf([72]))).toMatchObject({ value: 72, margin: Infinity });
    expect(meanInterval(sumsOf([]))).toBeNull();
  });

  it('identical scores have no spread, not a rounding error below zero', () => {
    expect(standardDeviation(sumsOf([83.3, 83.3, 83.3]))).toBe(0);
  });
});

describe('Wilson interval of a pass rate', () => {
  it.each([
    // passes, verdicts, low %, high % (computed by hand with z = 1.95996)
    [8, 10, 49.016, 94.331],
    [10, 10, 72.246, 100],
    [0, 10, 0, 27.754],
    [45, 50, 78.636, 95.653],
  ])('%i of %i passed', (passes, n, low, high) => {
    const interval = wilsonInterval(passes, n)!;
    expect(interval.value).toBeCloseTo((100 * passes) / n, 10);
    expect(interval.low).toBeCloseTo(low, 2);
    expect(interval.high).toBeCloseTo(high, 2);
  });

  it('no verdicts: no rate; impossible counts are refused', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(11, 10)).toThrow(/0 ≤ passes ≤ verdicts/);
  });
});

describe('how many reviews a margin needs', () => {
  it('scores spread by 15 points, ± 5 points: 38 reviews (the normal approximation says 35)', () => {
    // n = 37: t(0.975, 36) · 15/√37 = 5.001 > 5; n = 38: 4.93.
    expect(sampleSizeForMargin({ sd: 15, margin: 5 })).toBe(38);
  });

  it('an agent with 40 tickets in the month needs fewer: the finite population correction', () => {
    expect(sampleSizeForMargin({ sd: 15, margin: 5, population: 40 })).toBe(20);
  });

  it('a tighter margin needs more; a wider one fewer', () => {
    expect(sampleSizeForMargin({ sd: 15, margin: 2.5 })).toBeGreaterThan(sampleSizeForMargin({ sd: 15, margin: 5 }));
    // n = 11: t(0.975, 10) · 15/√11 = 10.08 > 10.
    expect(sampleSizeForMargin({ sd: 15, margin: 10 })).toBe(12);
  });

  it('a pass rate near 80 % within ± 10 points: 62 verdicts', () => {
    // 1.95996² × 0.8 × 0.2 / 0.1² = 61.5
    expect(passRateSampleSize({ expectedRate: 80, margin: 10 })).toBe(62);
  });

  it('refuses a margin of zero', () => {
    expect(() => sampleSizeForMargin({ sd: 15, margin: 0 })).toThrow(/margin must be a number of points above 0/);
  });
});

describe('before and after coaching', () => {
  it('a clear improvement is larger than the noise', () => {
    const before = sumsOf([60, 65, 70, 62, 68, 64, 66, 61]);
    const after = sumsOf([82, 85, 80, 88, 84, 86, 83, 81]);
    const d = compareMeans(before, after)!;
    expect(d.difference).toBeCloseTo(83.625 - 64.5, 10);
    expect(d.verdict).toBe('up');
    expect(describeDifference(d, 'points')).toMatch(/^\+19\.1 points .*larger than the noise, a real improvement/);
  });

  it('a few points on a handful of noisy reviews is not', () => {
    const d = compareMeans(sumsOf([60, 90, 75, 70]), sumsOf([65, 95, 72, 80]))!;
    expect(d.verdict).toBe('noise');
    expect(describeDifference(d, 'points')).toMatch(/not larger than the noise/);
  });

  it('Welch interval by hand: means 10 and 13, s² 5/3 and 10/3, four reviews each', () => {
    // se = √(5/12 + 10/12) = 1.1180; df = 1.25² / ((5/12)²/3 + (10/12)²/3) = 5.4; t(0.975, 5.4) = 2.5144.
    const d = compareMeans(sumsOf([8.5, 9.5, 10.5, 11.5]), sumsOf([11, 12, 14, 15]))!;
    expect(d.difference).toBe(3);
    expect(d.low).toBeCloseTo(0.189, 3);
    expect(d.high).toBeCloseTo(5.811, 3);
    expect(d.verdict).toBe('up');
  });

  it('pass rates: 5 of 10 before, 10 of 10 after is larger than the noise; 7 of 10 vs 8 of 10 is not', () => {
    expect(compareRates({ passes: 5, n: 10 }, { passes: 10, n: 10 })!.verdict).toBe('up');
    expect(compareRates({ passes: 7, n: 10 }, { passes: 8, n: 10 })!.verdict).toBe('noise');
  });

  it('too few reviews to compare says so', () => {
    expect(compareMeans(sumsOf([70]), sumsOf([80, 90]))).toBeNull();
    expect(describeDifference(null, 'points')).toMatch(/Not enough reviews/);
  });
});
