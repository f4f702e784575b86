import type { Scale, ScaleOption } from '../schemas';

export const NA_LABEL = 'N/A';

const POINT_LABELS: Record<3 | 4 | 5, readonly string[]> = {
  3: ['Not met', 'Partly met', 'Met'],
  4: ['Poor', 'Needs improvement', 'Good', 'Excellent'],
  5: ['Poor', 'Below standard', 'Meets standard', 'Good', 'Excellent'],
};

/**
 * Built-in scales' options, made once per scale object: scoring asks for them for every criterion
 * of every evaluation (an import of 100k rows asks millions of times).
 */
const built = new WeakMap<Scale, ScaleOption[]>();

/** The outcomes a reviewer can choose for a scale, worst first for built-in scales. Shared: never change the list. */
export function scaleOptions(scale: Scale): ScaleOption[] {
  let options = built.get(scale);
  if (!options) {
    options = optionsOf(scale);
    built.set(scale, options);
  }
  return options;
}

function optionsOf(scale: Scale): ScaleOption[] {
  switch (scale.kind) {
    case 'binary':
      return [
        { id: 'yes', label: 'Yes', value: 1, passes: true },
        { id: 'no', label: 'No', value: 0, passes: false },
      ];
    case 'points': {
      const n = scale.points;
      return POINT_LABELS[n].map((label, i) => {
        const value = i / (n - 1);
        // The upper half passes; on a 3-point scale the midpoint ("Partly met") counts as meeting it.
        return { id: String(i + 1), label, value, passes: value >= 0.5 };
      });
    }
    case 'custom':
      return scale.options;
  }
}
