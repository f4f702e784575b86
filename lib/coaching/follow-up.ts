import type { Author, CoachingPlan, Evaluation, KpiRecord } from '../schemas';
import { CoachingPlanError } from './new-plan';
import { measure, type ScorecardLookup } from './measure';
import { targetMet } from './plan-status';

/**
 * Records the follow-up: the metric measured over the agent's work since the plan started,
 * against the target. Refused when there is nothing new to measure, so an outcome always rests on
 * evidence gathered during the coaching.
 */
export function followUpPlan(
  plan: CoachingPlan,
  input: { by: Author; now: number; note: string; evaluations: Evaluation[]; scorecards: ScorecardLookup; kpis?: KpiRecord[] },
): CoachingPlan {
  if (input.by.role === 'agent') throw new CoachingPlanError('Only a supervisor or an admin can record a follow-up.');
  if (plan.outcome) throw new CoachingPlanError('This plan was already followed up.');
  const measured = measure({ metric: plan.metric, agent: plan.agent, period: { from: plan.startAt, to: input.now + 1 }, ...input });
  if (measured.sampleSize === 0) {
    const since = new Date(plan.startAt).toISOString().slice(0, 10);
    const what = plan.metric.kind === 'kpi' ? 'KPI records' : 'evaluations';
    throw new CoachingPlanError(`No new ${what} of ${plan.agent.name} since the plan started on ${since}: score some of their tickets first.`);
  }
  return {
    ...plan,
    outcome: { at: input.now, by: input.by, measured, met: targetMet(plan, measured), note: input.note.trim() },
    updatedAt: input.now,
  };
}
