import { followUpPlan } from '../coaching/follow-up';
import type { ScorecardLookup } from '../coaching/measure';
import { buildCoachingPlan, CoachingPlanError, type PlanContext, type PlanDraft } from '../coaching/new-plan';
import type { Author, CoachingPlan, Evaluation, KpiRecord, Scorecard } from '../schemas';
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
  return db.transaction('rw', [db.evaluations, db.scorecards, db.kpis, db.coachingPlans], async () => {
    const plan = buildCoachingPlan(draft, { ...context, ...(await measurementSources(db)) });
    await db.coachingPlans.add(plan);
    return plan;
  });
}

export function recordFollowUp(db: QaLensDatabase, planId: string, by: Author, now: number, note: string): Promise<CoachingPlan> {
  return db.transaction('rw', [db.evaluations, db.scorecards, db.kpis, db.coachingPlans], async () => {
    const plan = await db.coachingPlans.get(planId);
    if (!plan) throw new CoachingPlanError('This coaching plan no longer exists.');
    const followedUp = followUpPlan(plan, { by, now, note, ...(await measurementSources(db)) });
    await db.coachingPlans.put(followedUp);
    return followedUp;
  });
}

/** Coaching plans, soonest follow-up first. */
export function listCoachingPlans(db: QaLensDatabase): Promise<CoachingPlan[]> {
  return db.coachingPlans.orderBy('followUpAt').toArray();
}
