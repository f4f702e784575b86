import { useLayoutEffect, useRef } from 'preact/hooks';
import type { EvaluationRow, EvaluationSort, SortKey } from '../../lib/dashboard/filter-evaluations';
import { CHANNEL_LABELS, formatDateTime, formatResult, formatScore, scorecardLabel } from './format';
import { statusLabel } from '../reviews/review-text';
import { SortHeader } from './SortHeader';

interface EvaluationTableProps {
  rows: readonly EvaluationRow[];
  sort: EvaluationSort;
  onSort: (key: SortKey) => void;
  onOpen: (evaluationId: string) => void;
  /** The evaluation whose ticket button gets focus on mount: the one the user came back from. */
  focusEvaluationId?: string | undefined;
}

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'date', label: 'Date' },
  { key: 'ticket', label: 'Ticket' },
  { key: 'agent', label: 'Agent' },
  { key: 'channel', label: 'Channel' },
  { key: 'scorecard', label: 'Scorecard' },
  { key: 'score', label: 'Score' },
  { key: 'result', label: 'Result' },
];

export function EvaluationTable({ rows, sort, onSort, onOpen, focusEvaluationId }: EvaluationTableProps) {
  const body = useRef<HTMLTableSectionElement>(null);

  useLayoutEffect(() => {
    if (!focusEvaluationId || !body.current) return;
    for (const button of body.current.querySelectorAll<HTMLButtonElement>('button[data-evaluation-id]')) {
      if (button.dataset.evaluationId === focusEvaluationId) button.focus();
    }
  }, [focusEvaluationId]);

  return (
    <table class="evaluation-table">
      <caption class="visually-hidden">Submitted evaluations; column headers sort the table</caption>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <SortHeader key={c.key} label={c.label} sortKey={c.key} sort={sort} onSort={onSort} />
          ))}
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody ref={body}>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>
              <time dateTime={new Date(row.submittedAt).toISOString()}>{formatDateTime(row.submittedAt)}</time>
            </td>
            <td>
              <button
                type="button"
                class="ticket-button"
                data-evaluation-id={row.id}
                onClick={() => onOpen(row.id)}
              >
                <span class="ticket-ref">{row.ticketId}</span> <span class="ticket-subject">{row.subject}</span>
              </button>
            </td>
            <td>{row.agent || <span class="muted">Unassigned</span>}</td>
            <td>{CHANNEL_LABELS[row.channel]}</td>
            <td>{scorecardLabel(row.scorecardName, row.scorecardVersion)}</td>
            <td class="numeric">{formatScore(row.score)}</td>
            <td class={row.passed === null ? 'muted' : row.passed ? 'good' : 'bad'}>{formatResult(row.passed)}</td>
            <td>{statusLabel(row.status)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
