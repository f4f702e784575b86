import type { ComponentChildren } from 'preact';
import type { Drill } from '../../lib/reports/drill';

/** Lists the evaluations behind a figure; `label` says which figure, above the list. */
export type OnDrill = (drill: Drill, label: string) => void;

export function DrillButton({ drill, label, onDrill, children }: { drill: Drill; label: string; onDrill: OnDrill; children: ComponentChildren }) {
  return (
    <button type="button" class="link-button" onClick={() => onDrill(drill, label)}>
      {children}
    </button>
  );
}
