import { useCallback, useEffect, useState } from 'preact/hooks';
import { isAboutMe } from '../../lib/evaluations/is-about-me';
import type { CoachingPlan, Person, Profile } from '../../lib/schemas';
import type { CoachingClient } from './coaching-client';
import { PlanCard } from './PlanCard';
import { PlanForm } from './PlanForm';
import { PageNav } from '../shared/PageNav';

interface CoachingAppProps {
  client: CoachingClient;
  /** The review a supervisor came from ("Start a coaching plan from this review"), if any. */
  sourceEvaluationId: string | null;
}

/** Coaching plans with their status; supervisors create plans and record follow-ups. */
export function CoachingApp({ client, sourceEvaluationId }: CoachingAppProps) {
  const [profile, setProfile] = useState<Profile | null>(null);
  const [plans, setPlans] = useState<CoachingPlan[] | null>(null);
  const [agents, setAgents] = useState<Person[]>([]);
  const [creating, setCreating] = useState<{ agent: string; sourceEvaluationId: string | null } | null>(null);
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    try {
      const [me, all, known] = await Promise.all([client.getProfile(), client.listPlans(), client.listAgents()]);
      setProfile(me);
      // Agents see the plans about them; supervisors and admins see every plan. A plan is about the
      // agent across helpdesks, so each of their identities counts whatever helpdesk it names.
      const anywhere = { ...me, identities: me.identities.map((i) => ({ ...i, helpdesk: null })) };
      setPlans(me.role === 'agent' ? all.filter((p) => isAboutMe(p.agent, '', anywhere)) : all);
      setAgents(known);
    } catch (e) {
      setError(`Could not load the coaching plans: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [client]);
  useEffect(() => void load(), [load]);
  // Plans and follow-ups that arrive from the team show without a reload.
  useEffect(() => client.onDataChanged?.(() => void load()), [client, load]);
  // A follow-up notification opens this page at its plan (#plan-<id>), which exists only once loaded.
  useEffect(() => {
    if (plans && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [plans]);

  useEffect(() => {
    if (!sourceEvaluationId) return;
    client.getEvaluation(sourceEvaluationId).then(
      (evaluation) => {
        if (evaluation) setCreating({ agent: evaluation.ticket.agent?.name ?? '', sourceEvaluationId });
        else setError('The review this plan was to start from no longer exists.');
      },
      (e: unknown) => setError(`Could not open the review: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, [client, sourceEvaluationId]);

  const supervises = profile !== null && profile.role !== 'agent';
  return (
    <>
      <PageNav current="coaching" />
      <main class="coaching-page">
        <h1>Coaching</h1>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        {supervises &&
          (creating ? (
            <PlanForm
              client={client}
              agents={agents}
              initial={creating}
              onCreated={async () => {
                setCreating(null);
                await load();
              }}
              onCancel={() => setCreating(null)}
            />
          ) : (
            <button type="button" class="primary" onClick={() => setCreating({ agent: '', sourceEvaluationId: null })}>
              New coaching plan
            </button>
          ))}
        <h2>Plans</h2>
        {plans === null ? (
          <p class="muted">Loading…</p>
        ) : plans.length === 0 ? (
          <p class="muted">No coaching plans yet.</p>
        ) : (
          plans.map((plan) => (
            <PlanCard
              key={plan.id}
              plan={plan}
              now={client.now()}
              canFollowUp={supervises}
              onFollowUp={async (note) => {
                await client.recordFollowUp(plan.id, note);
                await load();
              }}
            />
          ))
        )}
      </main>
    </>
  );
}
