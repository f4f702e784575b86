import { followUpPlan } from '../coaching/follow-up';
import type { ScorecardLookup } from '../coaching/measure';
import { baselinePeriod, buildCoachingPlan, CoachingPlanError, type PlanContext, type PlanDraft } from '../coaching/new-plan';
import { weakestCriteria, type CriterionAverage } from '../coaching/weakest-criteria';
import type { Author, CoachingPlan, Evaluation, KpiRecord, Person, Scorecard } from '../schemas';
import { audit } from './audit';
import { put, recordChanges, writeTransaction } from './changes';
import type { QaLensDatabase } from './database';

/** Everything a measurement reads: submitted reviews, their scorecards, and KPI records. */
export async function measurementSources(db: QaLensDatabase): Promise<{ evaluations: Evaluation[]; scorecards: ScorecardLookup; kpis: KpiRecord[] }> {
  const [evaluations, cards, kpis] = await Promise.all([
    db.evaluations.where('kind').equals('review').filter((e) => e.status !== 'draft').toArray(),
    db.scorecards.toArray(),
    db.kpis.toArray(),
  ]);
  const byKey = new Map(cards.map((c: Scorecard) => [`${c.id}@${c.version}`, c]));
  return { evaluations, scorecards: (id, version) => byKey.get(`${id}@${version}`), kpis };
}

export function createCoachingPlan(db: QaLensDatabase, draft: PlanDraft, context: Pick<PlanContext, 'createdBy' | 'now' | 'timeZone'>): Promise<CoachingPlan> {
  return writeTransaction(db, [db.evaluations, db.scorecards, db.kpis, db.coachingPlans], async () => {
    const plan = buildCoachingPlan(draft, { ...context, ...(await measurementSources(db)) });
    await db.coachingPlans.add(plan);
    await recordChanges(db, [put('coaching-plan', plan)], 'own', context.now);
    await audit(db, { action: 'coaching.change', target: `coaching-plan:${plan.id}`, summary: `Coaching plan for ${plan.agent.name} created.`, actor: context.createdBy }, context.now);
    return plan;
  });
}

export function recordFollowUp(db: QaLensDatabase, planId: string, by: Author, now: number, note: string): Promise<CoachingPlan> {
  return writeTransaction(db, [db.evaluations, db.scorecards, db.kpis, db.coachingPlans], async () => {
    const plan = await db.coachingPlans.get(planId);
    if (!plan) throw new CoachingPlanError('This coaching plan no longer exists.');
    const followedUp = followUpPlan(plan, { by, now, note, ...(await measurementSources(db)) });
    await db.coachingPlans.put(followedUp);
    await recordChanges(db, [put('coaching-plan', followedUp)], 'own', now);
    await audit(db, { action: 'coaching.change', target: `coaching-plan:${plan.id}`, summary: `Coaching plan for ${plan.agent.name} followed up.`, actor: by }, now);
    return followedUp;
  });
}

/** Coaching plans, soonest follow-up first. */
export function listCoachingPlans(db: QaLensDatabase): Promise<CoachingPlan[]> {
  return db.coachingPlans.orderBy('followUpAt').toArray();
}

/** Agents with submitted reviews, by name. */
export async function listReviewedAgents(db: QaLensDatabase): Promise<Person[]> {
  const { evaluations } = await measurementSources(db);
  const byName = new Map(evaluations.flatMap((e) => (e.ticket.agent?.name ? [[e.ticket.agent.name, e.ticket.agent] as const] : [])));
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The agent's criteria over the baseline period, weakest first. */
export async function suggestCriteria(db: QaLensDatabase, agent: Person, now: number): Promise<CriterionAverage[]> {
  const { evaluations, scorecards } = await measurementSources(db);
  return weakestCriteria(evaluations, agent, baselinePeriod(now), scorecards);
}
