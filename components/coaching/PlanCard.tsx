import { useState } from 'preact/hooks';
import { planStatus } from '../../lib/coaching/plan-status';
import type { CoachingPlan } from '../../lib/schemas';
import { formatDateTime } from '../dashboard/format';
import { metricLabel, metricValue } from './metric-text';

interface PlanCardProps {
  plan: CoachingPlan;
  now: number;
  /** Supervisors and admins record follow-ups; agents only read their plans. */
  canFollowUp: boolean;
  onFollowUp: (note: string) => Promise<void>;
}

const sample = (n: number) => `${n} ${n === 1 ? 'measurement' : 'measurements'}`;

export function PlanCard({ plan, now, canFollowUp, onFollowUp }: PlanCardProps) {
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const status = planStatus(plan, now);
  const headingId = `plan-${plan.id}-title`;
  const value = (v: number | null) => metricValue(plan.metric, v);

  return (
    <article class="plan-card" id={`plan-${plan.id}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {plan.agent.name}: {metricLabel(plan.metric)}
      </h3>
      <dl class="facts">
        <dt>Status</dt>
        <dd class={`status-${status.replace(' ', '-')}`} data-testid="plan-status">
          {status}
        </dd>
        <dt>Baseline</dt>
        <dd>
          {value(plan.baseline.value)} ({sample(plan.baseline.sampleSize)})
        </dd>
        <dt>Target</dt>
        <dd>{value(plan.target)}</dd>
        <dt>Due</dt>
        <dd>{formatDateTime(plan.dueAt)}</dd>
        <dt>Follow-up</dt>
        <dd>{formatDateTime(plan.followUpAt)}</dd>
        <dt>Created by</dt>
        <dd>{plan.createdBy.name}</dd>
      </dl>
      {plan.goal && <p class="feedback-text">{plan.goal}</p>}
      <h4>Agreed actions</h4>
      <ul>
        {plan.actions.map((a, i) => (
          <li key={i}>{a.text}</li>
        ))}
      </ul>
      {plan.outcome ? (
        <p data-testid="plan-outcome">
          Followed up {formatDateTime(plan.outcome.at)} by {plan.outcome.by.name}: {value(plan.outcome.measured.value)} over {sample(plan.outcome.measured.sampleSize)} against a target of{' '}
          {value(plan.target)}: {plan.outcome.met ? 'met' : 'not met'}.{plan.outcome.note && ` ${plan.outcome.note}`}
        </p>
      ) : (
        canFollowUp && (
          <form
            class="plan-form"
            aria-label={`Follow-up of ${plan.agent.name}'s plan`}
            onSubmit={async (e) => {
              e.preventDefault();
              setError('');
              try {
                await onFollowUp(note);
              } catch (err) {
                setError(err instanceof Error ? err.message : String(err));
              }
            }}
          >
            <label>
              Follow-up note
              <textarea maxLength={10_000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
            </label>
            <button type="submit">Record follow-up</button>
            {error && (
              <p role="alert" class="error">
                {error}
              </p>
            )}
          </form>
        )
      )}
    </article>
  );
}
