import { describe, expect, it } from 'vitest';
import { formatNumber, NA_LABEL, scaleOptions } from '../../../lib/scoring';

describe('scaleOptions', () => {
  it('gives Yes (passes) and No (fails) for a binary scale', () => {
    expect(scaleOptions({ kind: 'binary' })).toEqual([
      { id: 'yes', label: 'Yes', value: 1, passes: true },
      { id: 'no', label: 'No', value: 0, passes: false },
    ]);
  });

  it.each([
    { points: 3 as const, labels: ['Not met', 'Partly met', 'Met'], values: [0, 0.5, 1], passes: [false, true, true] },
    {
      points: 4 as const,
      labels: ['Poor', 'Needs improvement', 'Good', 'Excellent'],
      values: [0, 1 / 3, 2 / 3, 1],
      passes: [false, false, true, true],
    },
    {
      points: 5 as const,
      labels: ['Poor', 'Below standard', 'Meets standard', 'Good', 'Excellent'],
      values: [0, 0.25, 0.5, 0.75, 1],
      passes: [false, false, true, true, true],
    },
  ])('gives $points points worst first, the upper half passing', ({ points, labels, values, passes }) => {
    const options = scaleOptions({ kind: 'points', points });
    expect(options.map((o) => o.id)).toEqual(labels.map((_, i) => String(i + 1)));
    expect(options.map((o) => o.label)).toEqual(labels);
    expect(options.map((o) => o.value)).toEqual(values);
    expect(options.map((o) => o.passes)).toEqual(passes);
  });

  it('returns custom options as given', () => {
    const options = [
      { id: 'sincere', label: 'Sincere and specific', value: 1, passes: true },
      { id: 'generic', label: 'Generic', value: 0.5, passes: true },
      { id: 'none', label: 'None', value: 0, passes: false },
    ];
    expect(scaleOptions({ kind: 'custom', options })).toEqual(options);
  });

  it('labels N/A as N/A', () => {
    expect(NA_LABEL).toBe('N/A');
  });
});

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [100, '100'],
    [7.5, '7.5'],
    [200 / 3, '66.67'],
    [1 / 3, '0.33'],
    [0.1 + 0.2, '0.3'],
    [-1e-12, '0'],
  ])('formats %d as %s', (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });
});
