import { useState } from 'preact/hooks';
import type { DisputedCriterionInput } from '../../lib/feedback/review-lifecycle';
import type { ScorecardContent } from '../../lib/schemas';

interface DisputeFormProps {
  scorecard: ScorecardContent | undefined;
  criterionIds: string[];
  onSend: (criteria: DisputedCriterionInput[]) => Promise<void>;
  onCancel: () => void;
}

/**
 * The agent's dispute: one row per disputed criterion, each with its reason. The first row's
 * fields are "Criterion" and "Reason"; added rows are numbered so every field keeps its own name.
 */
export function DisputeForm({ scorecard, criterionIds, onSend, onCancel }: DisputeFormProps) {
  const titles = new Map(scorecard?.sections.flatMap((s) => s.criteria.map((c) => [c.id, c.title] as const)) ?? []);
  const [rows, setRows] = useState<DisputedCriterionInput[]>([{ criterionId: criterionIds[0] ?? '', reason: '' }]);
  const [sending, setSending] = useState(false);
  const change = (i: number, patch: Partial<DisputedCriterionInput>) => setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const suffix = (i: number) => (i === 0 ? '' : ` ${i + 1}`);

  return (
    <form
      class="dispute-form"
      aria-label="Dispute this review"
      onSubmit={async (e) => {
        e.preventDefault();
        setSending(true);
        try {
          await onSend(rows);
        } finally {
          setSending(false);
        }
      }}
    >
      {rows.map((row, i) => (
        <div class="dispute-row" key={i}>
          <label>
            {`Criterion${suffix(i)}`}
            <select value={row.criterionId} onChange={(e) => change(i, { criterionId: e.currentTarget.value })}>
              {criterionIds.map((id) => (
                <option key={id} value={id}>
                  {titles.get(id) ?? id}
                </option>
              ))}
            </select>
          </label>
          <label>
            {`Reason${suffix(i)}`}
            <textarea maxLength={10_000} value={row.reason} onInput={(e) => change(i, { reason: e.currentTarget.value })} />
          </label>
        </div>
      ))}
      <div class="actions">
        {rows.length < criterionIds.length && (
          <button type="button" onClick={() => setRows((all) => [...all, { criterionId: criterionIds.find((id) => !all.some((r) => r.criterionId === id)) ?? '', reason: '' }])}>
            Add a criterion
          </button>
        )}
        <button type="submit" class="primary" disabled={sending}>
          Send dispute
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
