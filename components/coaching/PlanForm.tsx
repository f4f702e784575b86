import { useEffect, useState } from 'preact/hooks';
import type { CriterionAverage } from '../../lib/coaching/weakest-criteria';
import type { PlanDraft } from '../../lib/coaching/new-plan';
import { KpiMetricSchema, type CoachingMetric, type Person } from '../../lib/schemas';
import { formatNumber } from '../../lib/scoring';
import { addDays, dayOf, dayText } from '../../lib/time/zoned-day';
import type { CoachingClient } from './coaching-client';
import { KPI_LABELS } from './metric-text';

interface PlanFormProps {
  client: CoachingClient;
  agents: Person[];
  initial: { agent: string; sourceEvaluationId: string | null };
  onCreated: () => Promise<void>;
  onCancel: () => void;
}

/** Metric choices as option values: "qa-score", "pass-rate", "kpi:csat", "criterion:<card>:<id>". */
function metricOf(value: string, criteria: CriterionAverage[]): CoachingMetric | null {
  if (value === 'qa-score' || value === 'pass-rate') return { kind: value };
  if (value.startsWith('kpi:')) return { kind: 'kpi', kpi: KpiMetricSchema.parse(value.slice(4)) };
  const criterion = criteria.find((c) => `criterion:${c.scorecardId}:${c.criterionId}` === value);
  return criterion ? { kind: 'criterion', scorecardId: criterion.scorecardId, criterionId: criterion.criterionId, title: criterion.title } : null;
}

/** A new SMART plan: what is measured, the target, the date by which, the agreed actions, the follow-up. */
export function PlanForm({ client, agents, initial, onCreated, onCancel }: PlanFormProps) {
  // Two weeks is a common coaching cycle; the supervisor changes it to what was agreed.
  const inTwoWeeks = dayText(addDays(dayOf(client.now(), client.timeZone), 14));
  const [agent, setAgent] = useState(initial.agent);
  const [criteria, setCriteria] = useState<CriterionAverage[]>([]);
  const [metric, setMetric] = useState('');
  const [target, setTarget] = useState('');
  const [goal, setGoal] = useState('');
  const [actions, setActions] = useState('');
  const [dueDate, setDueDate] = useState(inTwoWeeks);
  const [followUpDate, setFollowUpDate] = useState(inTwoWeeks);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (agent.trim() === '') return setCriteria([]);
    let current = true;
    client.weakestCriteria({ name: agent.trim() }).then((found) => current && setCriteria(found), () => current && setCriteria([]));
    return () => {
      current = false;
    };
  }, [client, agent]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setError('');
    setSaving(true);
    try {
      const draft: PlanDraft = { agent: { name: agent }, metric: metricOf(metric, criteria), target, goal, actions, dueDate, followUpDate, sourceEvaluationId: initial.sourceEvaluationId };
      await client.createPlan(draft);
      await onCreated();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="plan-form" aria-labelledby="new-plan-heading" onSubmit={submit}>
      <h2 id="new-plan-heading">New coaching plan</h2>
      <label>
        Agent
        <input type="text" list="known-agents" maxLength={200} value={agent} onInput={(e) => setAgent(e.currentTarget.value)} />
      </label>
      <datalist id="known-agents">
        {agents.map((a) => (
          <option key={a.name} value={a.name} />
        ))}
      </datalist>
      <label>
        Measure
        <select value={metric} onChange={(e) => setMetric(e.currentTarget.value)}>
          <option value="">Choose…</option>
          {criteria.length > 0 && (
            <optgroup label="Criteria, weakest first (last 90 days)">
              {criteria.map((c) => (
                <option key={`${c.scorecardId}:${c.criterionId}`} value={`criterion:${c.scorecardId}:${c.criterionId}`}>
                  {`${c.title} (${formatNumber(c.value)}% over ${c.sampleSize} review${c.sampleSize === 1 ? '' : 's'})`}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label="Overall">
            <option value="qa-score">QA score</option>
            <option value="pass-rate">Pass rate</option>
          </optgroup>
          <optgroup label="KPIs">
            {KpiMetricSchema.options.map((kpi) => (
              <option key={kpi} value={`kpi:${kpi}`}>
                {KPI_LABELS[kpi]}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label>
        Target
        <input type="text" inputMode="decimal" value={target} onInput={(e) => setTarget(e.currentTarget.value)} />
      </label>
      <label>
        Goal
        <textarea maxLength={2_000} value={goal} onInput={(e) => setGoal(e.currentTarget.value)} />
      </label>
      <label>
        Agreed actions (one per line)
        <textarea maxLength={20_000} value={actions} onInput={(e) => setActions(e.currentTarget.value)} />
      </label>
      <label>
        Due date
        <input type="date" value={dueDate} onInput={(e) => setDueDate(e.currentTarget.value)} />
      </label>
      <label>
        Follow-up date
        <input type="date" value={followUpDate} onInput={(e) => setFollowUpDate(e.currentTarget.value)} />
      </label>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={saving}>
          Create plan
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
