import { useId } from 'preact/hooks';
import type { RootCause } from '@/lib/schemas';

interface Props {
  causes: RootCause[];
  /** The chosen cause's id, or '' for none. */
  value: string;
  describedBy: string;
  onChange: (id: string) => void;
}

/**
 * Why a criterion was missed, from the team's list. Causes the agent controls are kept apart from
 * systemic ones (process, product, policy, tooling), so the latter are not read as the agent's failing.
 */
export function RootCauseSelect({ causes, value, describedBy, onChange }: Props) {
  const id = useId();
  const known = value === '' || causes.some((c) => c.id === value);
  const agent = causes.filter((c) => c.category === 'agent');
  const systemic = causes.filter((c) => c.category !== 'agent');
  return (
    <div class="root-cause">
      <label for={id}>Root cause</label>
      <select id={id} aria-describedby={describedBy} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">None</option>
        {!known && <option value={value}>{value} (no longer on the team’s list)</option>}
        {agent.length > 0 && (
          <optgroup label="Agent-controllable">
            {agent.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </optgroup>
        )}
        {systemic.length > 0 && (
          <optgroup label="Systemic: not the agent’s to fix">
            {systemic.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label} ({c.category})
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </div>
  );
}
