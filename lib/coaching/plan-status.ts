import type { CoachingPlan, Measurement } from '../schemas';
import { lowerIsBetter } from './measure';

export type PlanStatus = 'open' | 'due' | 'met' | 'not met';

/** Met or not met once followed up; due from the follow-up date until then; open before it. */
export function planStatus(plan: Pick<CoachingPlan, 'followUpAt' | 'outcome'>, now: number): PlanStatus {
  if (plan.outcome) return plan.outcome.met ? 'met' : 'not met';
  return now >= plan.followUpAt ? 'due' : 'open';
}

/** Whether a measured value reaches the target, in the metric's direction. */
export function targetMet(plan: Pick<CoachingPlan, 'metric' | 'target'>, measured: Measurement): boolean {
  if (measured.value === null) return false;
  return lowerIsBetter(plan.metric) ? measured.value <= plan.target : measured.value >= plan.target;
}
