import type { EvaluationFilter, ResultFilter } from '../../lib/dashboard/filter-evaluations';
import { PERIOD_PRESETS, presetDays, presetOf } from '../../lib/reports/report-period';
import { SPOTLIGHT_KINDS, SPOTLIGHT_LABELS, type Channel, type EvaluationKind } from '../../lib/schemas';
import { CHANNEL_LABELS } from './format';

/** What each select offers, taken from the evaluations present. */
export interface FilterOptions {
  agents: readonly string[];
  channels: readonly Channel[];
  helpdesks: readonly string[];
  /** Filter value (`id` or `id@version`) and its label. */
  scorecards: readonly { value: string; label: string }[];
  reviewers: readonly string[];
}

interface FilterBarProps {
  filter: EvaluationFilter;
  options: FilterOptions;
  /** Today, for the period presets. */
  today: Date;
  onChange: (filter: EvaluationFilter) => void;
  onClear?: (() => void) | undefined;
}

const RESULTS: { value: ResultFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'passed', label: 'Passed' },
  { value: 'not-passed', label: 'Not passed' },
];

const KINDS: { value: EvaluationKind | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'review', label: 'Reviews' },
  { value: 'self-assessment', label: 'Self-assessments' },
  { value: 'calibration', label: 'Calibration' },
];

/** One select whose first option is "All" (value ''). */
function Choice({ label, value, options, onChange }: { label: string; value: string; options: readonly { value: string; label: string }[]; onChange: (value: string) => void }) {
  return (
    <label class="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const plain = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

/**
 * The dashboard's filters. Every control is labelled and applies at once, to the reports and the
 * list alike. Period presets fill From and To; editing those makes the period "Custom dates".
 */
export function FilterBar({ filter, options, today, onChange, onClear }: FilterBarProps) {
  const set = <K extends keyof EvaluationFilter>(key: K, value: EvaluationFilter[K]) => onChange({ ...filter, [key]: value });
  const preset = presetOf(filter, today);
  const choosePreset = (value: string) => {
    const chosen = PERIOD_PRESETS.find((p) => p.value === value)?.value ?? 'custom';
    onChange({ ...filter, ...presetDays(chosen, today, filter) });
  };

  return (
    <div class="filter-bar" role="search" aria-label="Filter evaluations">
      <label class="field field-wide">
        <span>Search</span>
        <input
          type="text"
          value={filter.search}
          placeholder="Ticket, subject, agent or reviewer"
          onInput={(e) => set('search', e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>Period</span>
        <select value={preset} onChange={(e) => choosePreset(e.currentTarget.value)}>
          {PERIOD_PRESETS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>From</span>
        <input type="date" value={filter.from} max={filter.to || undefined} onInput={(e) => set('from', e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>To</span>
        <input type="date" value={filter.to} min={filter.from || undefined} onInput={(e) => set('to', e.currentTarget.value)} />
      </label>
      <Choice label="Agent" value={filter.agent} options={plain(options.agents)} onChange={(v) => set('agent', v)} />
      <Choice
        label="Channel"
        value={filter.channel}
        options={options.channels.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
        onChange={(v) => set('channel', options.channels.find((c) => c === v) ?? '')}
      />
      <Choice label="Helpdesk" value={filter.helpdesk} options={plain(options.helpdesks)} onChange={(v) => set('helpdesk', v)} />
      <Choice label="Scorecard" value={filter.scorecard} options={options.scorecards} onChange={(v) => set('scorecard', v)} />
      <Choice label="Reviewer" value={filter.reviewer} options={plain(options.reviewers)} onChange={(v) => set('reviewer', v)} />
      <Choice
        label="Kind"
        value={filter.kind}
        options={KINDS.slice(1)}
        onChange={(v) => set('kind', KINDS.find((k) => k.value === v)?.value ?? '')}
      />
      <Choice
        label="Spotlight"
        value={filter.spotlight ?? ''}
        options={SPOTLIGHT_KINDS.map((kind) => ({ value: kind, label: SPOTLIGHT_LABELS[kind] }))}
        onChange={(v) => set('spotlight', SPOTLIGHT_KINDS.find((k) => k === v) ?? '')}
      />
      <label class="field">
        <span>Result</span>
        <select value={filter.result} onChange={(e) => set('result', RESULTS.find((r) => r.value === e.currentTarget.value)?.value ?? 'all')}>
          {RESULTS.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      {onClear && (
        <button type="button" class="filter-clear" onClick={onClear}>
          Clear filters
        </button>
      )}
    </div>
  );
}
