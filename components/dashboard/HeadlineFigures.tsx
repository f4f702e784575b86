import { headlineChange, type Headline, type HeadlineFigures as Figures } from '../../lib/reports/headline';
import type { Drill } from '../../lib/reports/drill';
import type { OnDrill } from './DrillButton';
import { formatScore } from './format';
import { formatChange, formatDuration, formatPercent, type ChangeUnit } from './format-report';

interface Figure {
  metric: keyof Figures;
  title: string;
  format: (value: number | null) => string;
  unit: ChangeUnit;
  drill: Drill;
  /** Whether a rise is good news (colours the change). */
  higherIsBetter: boolean | null;
}

const FIGURES: Figure[] = [
  { metric: 'evaluations', title: 'Evaluations', format: (v) => String(v ?? 0), unit: 'count', drill: { kind: 'period' }, higherIsBetter: null },
  { metric: 'meanScore', title: 'Mean QA score', format: formatScore, unit: 'points', drill: { kind: 'period' }, higherIsBetter: true },
  { metric: 'passRate', title: 'Pass rate', format: formatPercent, unit: 'points', drill: { kind: 'period' }, higherIsBetter: true },
  { metric: 'criticalFailRate', title: 'Critical-fail rate', format: formatPercent, unit: 'points', drill: { kind: 'critical-fail' }, higherIsBetter: false },
  { metric: 'meanReviewSeconds', title: 'Mean review time', format: formatDuration, unit: 'seconds', drill: { kind: 'period' }, higherIsBetter: null },
];

function tone(delta: number | null, higherIsBetter: boolean | null): string {
  if (delta === null || delta === 0 || higherIsBetter === null) return 'muted';
  return delta > 0 === higherIsBetter ? 'good' : 'bad';
}

/** The period's headline figures with their change against the previous period; each lists its evaluations. */
export function HeadlineFigures({ headline, onDrill }: { headline: Headline; onDrill: OnDrill }) {
  return (
    <ul class="headline" aria-label="Headline figures">
      {FIGURES.map((f) => {
        const delta = headlineChange(headline, f.metric);
        return (
          <li key={f.metric} class="headline-figure">
            <button type="button" class="figure-button" onClick={() => onDrill(f.drill, f.title)}>
              <span class="figure-title">{f.title}</span>
              <span class="figure-value">{f.format(headline.current[f.metric])}</span>
              <span class={`figure-change ${tone(delta, f.higherIsBetter)}`}>{formatChange(delta, f.unit)}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
