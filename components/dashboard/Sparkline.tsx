import { formatScore } from './format';

const WIDTH = 80;
const HEIGHT = 20;

/**
 * A tiny trend line of mean scores (0–100), one point per bucket; gaps where there was none. Too
 * small for a charting library: a polyline per run of values.
 */
export function Sparkline({ values, label }: { values: readonly (number | null)[]; label: string }) {
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  const runs: string[][] = [];
  let run: string[] = [];
  values.forEach((value, i) => {
    if (value === null) {
      if (run.length) runs.push(run);
      run = [];
      return;
    }
    run.push(`${(i * step).toFixed(1)},${(HEIGHT - (value / 100) * HEIGHT).toFixed(1)}`);
  });
  if (run.length) runs.push(run);
  const spoken = values.map((v) => (v === null ? 'none' : formatScore(v))).join(', ');
  return (
    <svg class="sparkline" width={WIDTH} height={HEIGHT} viewBox={`-2 -2 ${WIDTH + 4} ${HEIGHT + 4}`} role="img" aria-label={`${label}: ${spoken}`}>
      {runs.map((points, i) =>
        points.length === 1 ? (
          <circle key={i} cx={points[0]!.split(',')[0]} cy={points[0]!.split(',')[1]} r="1.5" />
        ) : (
          <polyline key={i} points={points.join(' ')} fill="none" />
        ),
      )}
    </svg>
  );
}
