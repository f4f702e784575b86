import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { doneLookup } from '../../lib/sampling/progress';
import type { CoachingPlan, Evaluation, MonitoringPlan, Profile, Sample } from '../../lib/schemas';
import { PageNav } from '../shared/PageNav';
import { RecordPicker } from '../shared/RecordPicker';
import { periodText } from './plan-text';
import type { PlansClient } from './plans-client';
import { PlanForm } from './PlanForm';
import { PlanView } from './PlanView';

interface Loaded {
  profile: Profile;
  plans: MonitoringPlan[];
  samples: Sample[];
  evaluations: Evaluation[];
  coaching: CoachingPlan[];
  agents: string[];
  poolSize: number;
}

/** Dashboard → Plans: monitoring plans, their samples, progress and the reviewers' queues. */
export function PlansApp({ client }: { client: PlansClient }) {
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState('');
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [profile, plans, samples, evaluations, coaching, agents, poolSize] = await Promise.all([
        client.getProfile(),
        client.listPlans(),
        client.listSamples(),
        client.listEvaluations(),
        client.listCoachingPlans(),
        client.knownAgents(),
        client.poolSize(),
      ]);
      setData({ profile, plans, samples, evaluations, coaching, agents, poolSize });
    } catch (e) {
      setError(`Could not load the plans: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [client]);
  useEffect(() => void load(), [load]);
  const done = useMemo(() => doneLookup(data?.evaluations ?? []), [data]);

  const open = data?.plans.find((p) => p.id === openId) ?? data?.plans[0];
  const supervises = data !== null && data.profile.role !== 'agent';
  return (
    <>
      <PageNav current="plans" />
      <main class="plans-page">
        <h1>Monitoring plans</h1>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        {data === null ? (
          <p class="muted">Loading…</p>
        ) : (
          <>
            <p class="muted">
              The pool holds {data.poolSize} {data.poolSize === 1 ? 'ticket' : 'tickets'}: those opened in the panel and those imported from a helpdesk’s ticket list (Dashboard → Import).
            </p>
            {supervises &&
              (creating ? (
                <PlanForm
                  client={client}
                  knownAgents={data.agents}
                  reviewerName={data.profile.name}
                  onSaved={async (plan) => {
                    setCreating(false);
                    setOpenId(plan.id);
                    await load();
                  }}
                  onCancel={() => setCreating(false)}
                />
              ) : (
                <button type="button" class="primary" onClick={() => setCreating(true)}>
                  New plan
                </button>
              ))}
            <RecordPicker label="Plan" records={data.plans} empty="No monitoring plans yet." openId={open?.id} onOpen={setOpenId} optionText={(p) => `${p.name} (${periodText(p.startAt, p.endAt)})`}>
              {open && (
                <PlanView
                  key={open.id}
                  client={client}
                  plan={open}
                  samples={data.samples}
                  evaluations={data.evaluations}
                  coaching={data.coaching}
                  profile={data.profile}
                  done={done}
                  onChanged={load}
                />
              )}
            </RecordPicker>
          </>
        )}
      </main>
    </>
  );
}
