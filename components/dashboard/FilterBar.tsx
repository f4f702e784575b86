import type { EvaluationFilter, ResultFilter } from '../../lib/dashboard/filter-evaluations';
import type { Channel } from '../../lib/schemas';
import { CHANNEL_LABELS } from './format';

interface FilterBarProps {
  filter: EvaluationFilter;
  agents: readonly string[];
  channels: readonly Channel[];
  onChange: (filter: EvaluationFilter) => void;
  onClear?: () => void;
}

const RESULTS: { value: ResultFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'passed', label: 'Passed' },
  { value: 'not-passed', label: 'Not passed' },
];

/** The list's filters; each control is labelled and changes the list as soon as it changes. */
export function FilterBar({ filter, agents, channels, onChange, onClear }: FilterBarProps) {
  const set = <K extends keyof EvaluationFilter>(key: K, value: EvaluationFilter[K]) => onChange({ ...filter, [key]: value });

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
        <span>Agent</span>
        <select value={filter.agent} onChange={(e) => set('agent', e.currentTarget.value)}>
          <option value="">All</option>
          {agents.map((agent) => (
            <option key={agent} value={agent}>
              {agent}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>Channel</span>
        <select value={filter.channel} onChange={(e) => set('channel', channelValue(e.currentTarget.value, channels))}>
          <option value="">All</option>
          {channels.map((channel) => (
            <option key={channel} value={channel}>
              {CHANNEL_LABELS[channel]}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>Result</span>
        <select value={filter.result} onChange={(e) => set('result', resultValue(e.currentTarget.value))}>
          {RESULTS.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
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
      {onClear && (
        <button type="button" class="filter-clear" onClick={onClear}>
          Clear filters
        </button>
      )}
    </div>
  );
}

function channelValue(value: string, channels: readonly Channel[]): Channel | '' {
  return channels.find((c) => c === value) ?? '';
}

function resultValue(value: string): ResultFilter {
  return RESULTS.find((r) => r.value === value)?.value ?? 'all';
}
