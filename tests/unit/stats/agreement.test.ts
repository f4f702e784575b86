import { cohenKappa, fleissKappa, krippendorffAlpha, percentAgreement, type Rating } from '@/lib/stats/agreement';

const _ = null;

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
 * twelve units, values 1–5, missing data. The paper gives α for each level of measurement.
 */
const KRIPPENDORFF_2011: Rating[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

/** Krippendorff (2011), section A: two observers, binary data, ten units; nominal α = 0.095. */
const KRIPPENDORFF_BINARY: Rating[][] = [
  [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
  [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
];

/**
 * Fleiss (1971), Table 1: 30 psychiatric patients, each diagnosed by 6 of the psychiatrists, as
 * counts per category (depression, personality disorder, schizophrenia, neurosis, other). κ = 0.430.
 */
const FLEISS_1971 = [
  [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
  [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
  [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
  [0, 0, 5, 0, 1], [3, 0, 0, 1, 2], [5, 1, 0, 0, 0], [0, 2, 0, 4, 0], [1, 0, 2, 0, 3],
  [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0], [1, 0, 0, 4, 1],
  [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0], [1, 0, 5, 0, 0], [0, 0, 0, 0, 6],
];

describe('Krippendorff’s alpha against the published worked examples', () => {
  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ] as const)('four observers with missing data, %s level: α = %s', (level, expected) => {
    expect(krippendorffAlpha(KRIPPENDORFF_2011, level)).toBeCloseTo(expected, 3);
  });

  it('two observers, binary data: α = 0.095', () => {
    expect(krippendorffAlpha(KRIPPENDORFF_BINARY, 'nominal')).toBeCloseTo(0.095, 3);
  });

  it('does not depend on the order of raters or units', () => {
    const reversed = [...KRIPPENDORFF_2011].reverse().map((row) => [...row].reverse());
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      expect(krippendorffAlpha(reversed, level)).toBeCloseTo(krippendorffAlpha(KRIPPENDORFF_2011, level)!, 12);
    }
  });

  it('is 1 for perfect agreement and reads labels at the nominal level', () => {
    expect(krippendorffAlpha([['yes', 'no', 'yes'], ['yes', 'no', 'yes']], 'nominal')).toBe(1);
  });
});

describe('Fleiss’ kappa against Fleiss (1971)', () => {
  it('30 patients, 6 raters each, 5 diagnoses: κ = 0.430', () => {
    expect(fleissKappa(FLEISS_1971)).toBeCloseTo(0.43, 3);
  });

  it('refuses units with different numbers of ratings, saying which', () => {
    expect(() => fleissKappa([[2, 1], [1, 1]])).toThrow(/unit 1 has 3, unit 2 has 2/);
  });
});

describe('Cohen’s kappa', () => {
  // The textbook case: 50 applications, both say yes to 20, both no to 15, they split on 15.
  const a = [...Array(20).fill('yes'), ...Array(5).fill('yes'), ...Array(10).fill('no'), ...Array(15).fill('no')];
  const b = [...Array(20).fill('yes'), ...Array(5).fill('no'), ...Array(10).fill('yes'), ...Array(15).fill('no')];

  it('pₒ = 0.70, pₑ = 0.50: κ = 0.40', () => {
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 10);
  });

  it('agrees on 35 of 50 applications: 70 % agreement', () => {
    expect(percentAgreement([a, b])).toBeCloseTo(0.7, 10);
  });

  it('drops units that either rater left out', () => {
    expect(cohenKappa(['yes', 'no', null, 'no'], ['yes', 'no', 'yes', null])).toBe(1);
  });

  it('refuses raters of different lengths', () => {
    expect(() => cohenKappa(['a'], ['a', 'b'])).toThrow(/one has 1 ratings, the other 2/);
  });
});

describe('edge cases a calibration session meets', () => {
  it('one category only: agreement is complete, but no chance-corrected statistic is defined', () => {
    const allYes: Rating[][] = [['yes', 'yes', 'yes'], ['yes', 'yes', 'yes'], ['yes', 'yes', 'yes']];
    expect(percentAgreement(allYes)).toBe(1);
    expect(krippendorffAlpha(allYes, 'nominal')).toBeNull();
    expect(cohenKappa(allYes[0]!, allYes[1]!)).toBeNull();
    expect(fleissKappa([[3, 0], [3, 0], [3, 0]])).toBeNull();
  });

  it('all missing: nothing to compare', () => {
    const none: Rating[][] = [[_, _, _], [_, _, _]];
    expect(percentAgreement(none)).toBeNull();
    expect(krippendorffAlpha(none, 'interval')).toBeNull();
    expect(cohenKappa(none[0]!, none[1]!)).toBeNull();
    expect(fleissKappa([])).toBeNull();
  });

  it('one rater: no pair of ratings, so no agreement to measure', () => {
    const one: Rating[][] = [[1, 2, 3, 4]];
    expect(percentAgreement(one)).toBeNull();
    expect(krippendorffAlpha(one, 'ordinal')).toBeNull();
    expect(fleissKappa([[1, 0], [0, 1]])).toBeNull();
  });

  it('refuses rows of different lengths and labels at a numeric level, saying how to fix it', () => {
    expect(() => krippendorffAlpha([[1, 2], [1]], 'nominal')).toThrow(/rater 2 has 1/);
    expect(() => krippendorffAlpha([['good', 'bad'], ['good', 'good']], 'interval')).toThrow(/Use the nominal level for labels/);
  });
});
