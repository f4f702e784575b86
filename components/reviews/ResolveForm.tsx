import { useState } from 'preact/hooks';
import type { DecisionInput } from '../../lib/feedback/review-lifecycle';
import type { Dispute, ScorecardContent } from '../../lib/schemas';
import { NA_LABEL, scaleOptions } from '../../lib/scoring';

interface ResolveFormProps {
  dispute: Dispute;
  scorecard: ScorecardContent | undefined;
  onResolve: (decisions: DecisionInput[]) => Promise<void>;
}

const NA_VALUE = '__na__';

/** The reviewer's answer to each disputed criterion: accept with a new answer, or reject with a reason. */
export function ResolveForm({ dispute, scorecard, onResolve }: ResolveFormProps) {
  const criteria = new Map(scorecard?.sections.flatMap((s) => s.criteria.map((c) => [c.id, c] as const)) ?? []);
  const [decisions, setDecisions] = useState<DecisionInput[]>(dispute.criteria.map((c) => ({ criterionId: c.criterionId, decision: 'rejected', reason: '' })));
  const [sending, setSending] = useState(false);
  const change = (i: number, patch: Partial<DecisionInput>) => setDecisions((all) => all.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  return (
    <form
      class="resolve-form"
      aria-label="Resolve the dispute"
      onSubmit={async (e) => {
        e.preventDefault();
        setSending(true);
        try {
          await onResolve(decisions);
        } finally {
          setSending(false);
        }
      }}
    >
      {dispute.criteria.map((disputed, i) => {
        const criterion = criteria.get(disputed.criterionId);
        const title = criterion?.title ?? disputed.criterionId;
        const decision = decisions[i]!;
        return (
          <fieldset key={disputed.criterionId}>
            <legend>{title}</legend>
            <p>
              <span class="muted">The agent's reason: </span>
              {disputed.reason}
            </p>
            <label>
              {`Decision on ${title}`}
              <select value={decision.decision} onChange={(e) => change(i, { decision: e.currentTarget.value as DecisionInput['decision'] })}>
                <option value="rejected">Reject: keep the answer</option>
                <option value="accepted">Accept: change the answer</option>
              </select>
            </label>
            {decision.decision === 'accepted' && criterion && (
              <label>
                {`New answer for ${title}`}
                <select
                  value={decision.na ? NA_VALUE : (decision.optionId ?? '')}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    change(i, value === NA_VALUE ? { na: true, optionId: undefined } : { na: false, optionId: value || undefined });
                  }}
                >
                  <option value="">Choose…</option>
                  {scaleOptions(criterion.scale).map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
                  {criterion.allowNa && <option value={NA_VALUE}>{NA_LABEL}</option>}
                </select>
              </label>
            )}
            <label>
              {`Reason for ${title}`}
              <textarea maxLength={10_000} value={decision.reason} onInput={(e) => change(i, { reason: e.currentTarget.value })} />
            </label>
          </fieldset>
        );
      })}
      <button type="submit" class="primary" disabled={sending}>
        Resolve dispute
      </button>
    </form>
  );
}
