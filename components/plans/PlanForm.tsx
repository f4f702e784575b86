import { useState } from 'preact/hooks';
import { lines, planFromForm, quotaCells, quotaKey, type PlanFormFields } from '../../lib/sampling/plan-form';
import { CHANNEL_LABELS, CHANNELS, MONITORING_METHODS, TARGET_REASONS, type MonitoringMethod, type MonitoringPlan, type TargetReason } from '../../lib/schemas';
import type { PlansClient } from './plans-client';
import { METHOD_LABELS, REASON_LABELS } from './plan-text';

interface PlanFormProps {
  client: PlansClient;
  knownAgents: string[];
  reviewerName: string;
  onSaved: (plan: MonitoringPlan) => Promise<void>;
  onCancel: () => void;
}

const dayText = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** This calendar month, the usual QA period. */
function thisMonth(now: number): { from: string; to: string } {
  const d = new Date(now);
  return { from: dayText(new Date(d.getFullYear(), d.getMonth(), 1).getTime()), to: dayText(new Date(d.getFullYear(), d.getMonth() + 1, 0).getTime()) };
}

/** `New plan`: the period, who and which channels, quotas per agent × channel (× band), methods, reviewers, and the sample's rules. */
export function PlanForm({ client, knownAgents, reviewerName, onSaved, onCancel }: PlanFormProps) {
  const [fields, setFields] = useState<PlanFormFields>(() => ({
    name: '',
    objectives: '',
    ...thisMonth(client.now()),
    agents: knownAgents.join('\n'),
    channels: ['email', 'chat'],
    byComplexity: false,
    byCsatBand: false,
    quotas: {},
    defaultQuota: '5',
    methods: ['transcript-review'],
    reviewers: reviewerName,
    alreadyReviewed: true,
    maxAgeDays: '',
    reviewersOwnTickets: true,
    backups: '2',
    targetedReasons: [],
    targetedPerAgent: '2',
    marginPoints: '5',
  }));
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof PlanFormFields>(key: K, value: PlanFormFields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

  const submit = async (e: Event) => {
    e.preventDefault();
    setError('');
    setSaving(true);
    try {
      const plan = planFromForm(fields, { id: client.newId(), by: { name: reviewerName, role: 'supervisor' }, now: client.now() });
      await onSaved(await client.savePlan(plan));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  const cells = quotaCells(fields);
  const agents = lines(fields.agents);
  const bandColumns = fields.byComplexity ? (['low', 'medium', 'high'] as const) : ([null] as const);

  return (
    <form class="plan-form monitoring-form" aria-labelledby="new-monitoring-plan" onSubmit={submit}>
      <h2 id="new-monitoring-plan">New monitoring plan</h2>
      <label>
        Plan name
        <input type="text" required maxLength={200} value={fields.name} onInput={(e) => set('name', e.currentTarget.value)} />
      </label>
      <label>
        Objectives
        <textarea maxLength={5_000} value={fields.objectives} onInput={(e) => set('objectives', e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>Period</legend>
        <label>
          First day
          <input type="date" value={fields.from} onInput={(e) => set('from', e.currentTarget.value)} />
        </label>
        <label>
          Last day
          <input type="date" value={fields.to} onInput={(e) => set('to', e.currentTarget.value)} />
        </label>
      </fieldset>
      <label>
        Agents (one per line)
        <textarea value={fields.agents} onInput={(e) => set('agents', e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>Channels</legend>
        {CHANNELS.map((channel) => (
          <label key={channel} class="inline">
            <input type="checkbox" checked={fields.channels.includes(channel)} onChange={(e) => set('channels', toggle(fields.channels, channel, e.currentTarget.checked))} />
            {CHANNEL_LABELS[channel]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Quotas: reviews per agent and channel in the period</legend>
        <label>
          Default quota
          <input type="number" min={0} max={100} value={fields.defaultQuota} onInput={(e) => set('defaultQuota', e.currentTarget.value)} />
        </label>
        <label class="inline">
          <input type="checkbox" checked={fields.byComplexity} onChange={(e) => set('byComplexity', e.currentTarget.checked)} />
          Quotas per complexity band too
        </label>
        <label class="inline">
          <input type="checkbox" checked={fields.byCsatBand} onChange={(e) => set('byCsatBand', e.currentTarget.checked)} />
          Keep the pool’s mix of CSAT bands within each quota
        </label>
        {cells.length > 0 && (
          <div class="table-scroll">
            <table class="quota-grid">
              <caption class="visually-hidden">Quota per agent and channel</caption>
              <thead>
                <tr>
                  <th scope="col">Agent</th>
                  {fields.channels.flatMap((channel) =>
                    bandColumns.map((band) => (
                      <th scope="col" key={`${channel}-${band}`}>
                        {CHANNEL_LABELS[channel]}
                        {band ? ` · ${band}` : ''}
                      </th>
                    )),
                  )}
                </tr>
              </thead>
              <tbody>
                {agents.map((agent) => (
                  <tr key={agent}>
                    <th scope="row">{agent}</th>
                    {fields.channels.flatMap((channel) =>
                      bandColumns.map((band) => {
                        const key = quotaKey(agent, channel, band);
                        return (
                          <td key={key}>
                            <input
                              type="number"
                              min={0}
                              max={100}
                              aria-label={`Quota for ${agent} on ${CHANNEL_LABELS[channel]}${band ? `, ${band} complexity` : ''}`}
                              value={fields.quotas[key] ?? fields.defaultQuota}
                              onInput={(e) => set('quotas', { ...fields.quotas, [key]: e.currentTarget.value })}
                            />
                          </td>
                        );
                      }),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <label>
          Margin the quotas aim for (± points of the mean score)
          <input type="number" min={0.5} max={50} step={0.5} value={fields.marginPoints} onInput={(e) => set('marginPoints', e.currentTarget.value)} />
        </label>
      </fieldset>
      <fieldset>
        <legend>Methods</legend>
        {MONITORING_METHODS.map((method: MonitoringMethod) => (
          <label key={method} class="inline">
            <input type="checkbox" checked={fields.methods.includes(method)} onChange={(e) => set('methods', toggle(fields.methods, method, e.currentTarget.checked))} />
            {METHOD_LABELS[method]}
          </label>
        ))}
      </fieldset>
      <label>
        Reviewers (one per line)
        <textarea value={fields.reviewers} onInput={(e) => set('reviewers', e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>Sample rules</legend>
        <label class="inline">
          <input type="checkbox" checked={fields.alreadyReviewed} onChange={(e) => set('alreadyReviewed', e.currentTarget.checked)} />
          Leave out tickets already reviewed
        </label>
        <label>
          Leave out tickets older than (days; empty for no limit)
          <input type="number" min={1} max={3650} value={fields.maxAgeDays} onInput={(e) => set('maxAgeDays', e.currentTarget.value)} />
        </label>
        <label class="inline">
          <input type="checkbox" checked={fields.reviewersOwnTickets} onChange={(e) => set('reviewersOwnTickets', e.currentTarget.checked)} />
          Leave out the reviewers’ own tickets (peer and self-assessment plans)
        </label>
        <label>
          Backups per stratum
          <input type="number" min={0} max={20} value={fields.backups} onInput={(e) => set('backups', e.currentTarget.value)} />
        </label>
      </fieldset>
      <fieldset>
        <legend>Targeted pool (not representative)</legend>
        {TARGET_REASONS.map((reason: TargetReason) => (
          <label key={reason} class="inline">
            <input type="checkbox" checked={fields.targetedReasons.includes(reason)} onChange={(e) => set('targetedReasons', toggle(fields.targetedReasons, reason, e.currentTarget.checked))} />
            {REASON_LABELS[reason]}
          </label>
        ))}
        <label>
          Targeted tickets per agent
          <input type="number" min={0} max={100} value={fields.targetedPerAgent} onInput={(e) => set('targetedPerAgent', e.currentTarget.value)} />
        </label>
      </fieldset>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={saving}>
          Save plan
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
