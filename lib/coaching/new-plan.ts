/**
 * Turning what the supervisor typed into a SMART coaching plan: every field checked with a message
 * that names the field, the baseline measured from the agent's evaluations before today, and the
 * dates read as calendar days in the supervisor's time zone (due at the end of the due date,
 * follow-up from the start of the follow-up date).
 */
import { newId } from '../ids';
import type { Author, CoachingMetric, CoachingPlan, Evaluation, KpiRecord, Person } from '../schemas';
import { DAY_MS, dayOf, dayText, endOfDay, parseDayText, startOfDay } from '../time/zoned-day';
import { isPercentMetric, lowerIsBetter, measure, type ScorecardLookup } from './measure';

export class CoachingPlanError extends Error {
  override name = 'CoachingPlanError';
}

/** How far back the baseline looks. */
export const BASELINE_DAYS = 90;

export interface PlanDraft {
  agent: Person;
  metric: CoachingMetric | null;
  /** As typed. */
  target: string;
  goal: string;
  /** One action per line. */
  actions: string;
  /** `YYYY-MM-DD` */
  dueDate: string;
  followUpDate: string;
  sourceEvaluationId?: string | null;
}

export interface PlanContext {
  createdBy: Author;
  now: number;
  timeZone: string;
  evaluations: Evaluation[];
  scorecards: ScorecardLookup;
  kpis?: KpiRecord[];
}

/** The period a baseline measures: the BASELINE_DAYS before `now`. */
export const baselinePeriod = (now: number) => ({ from: now - BASELINE_DAYS * DAY_MS, to: now });

export function buildCoachingPlan(draft: PlanDraft, context: PlanContext): CoachingPlan {
  const { now, timeZone } = context;
  if (context.createdBy.role === 'agent') throw new CoachingPlanError('Only a supervisor or an admin can create a coaching plan.');
  if (draft.agent.name.trim() === '') throw new CoachingPlanError('Choose the agent the plan is for.');
  const metric = draft.metric;
  if (!metric) throw new CoachingPlanError('Choose what the plan measures: a criterion, the QA score, the pass rate or a KPI.');
  const target = Number(draft.target.trim());
  if (draft.target.trim() === '' || !Number.isFinite(target)) throw new CoachingPlanError('Target must be a number, such as 85.');
  if (isPercentMetric(metric) && (target < 0 || target > 100)) throw new CoachingPlanError('Target is a percentage: enter a number from 0 to 100.');
  if (!isPercentMetric(metric) && metric.kind === 'kpi' && metric.kpi !== 'nps' && target < 0) throw new CoachingPlanError('Target cannot be negative.');

  const today = dayOf(now, timeZone);
  const due = parseDayText(draft.dueDate);
  if (!due) throw new CoachingPlanError('Due date must be a date (YYYY-MM-DD).');
  if (dayText(due) < dayText(today)) throw new CoachingPlanError('Due date cannot be in the past.');
  const followUp = parseDayText(draft.followUpDate);
  if (!followUp) throw new CoachingPlanError('Follow-up date must be a date (YYYY-MM-DD).');
  if (dayText(followUp) < dayText(due)) throw new CoachingPlanError('Follow-up date must be on or after the due date: the follow-up checks the target.');
  const actions = draft.actions
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (actions.length === 0) throw new CoachingPlanError('Add at least one agreed action, one per line.');

  const baseline = measure({
    metric,
    agent: draft.agent,
    period: baselinePeriod(now),
    evaluations: context.evaluations,
    scorecards: context.scorecards,
    kpis: context.kpis,
  });
  if (baseline.value !== null && (lowerIsBetter(metric) ? target > baseline.value : target < baseline.value)) {
    throw new CoachingPlanError(`Target cannot be worse than the baseline of ${baseline.value}.`);
  }
  return {
    id: newId(),
    agent: { name: draft.agent.name.trim(), ...(draft.agent.email ? { email: draft.agent.email } : {}) },
    createdBy: context.createdBy,
    sourceEvaluationId: draft.sourceEvaluationId ?? null,
    metric,
    baseline,
    target,
    goal: draft.goal.trim(),
    actions: actions.map((text) => ({ text, done: false })),
    startAt: now,
    dueAt: endOfDay(due, timeZone),
    followUpAt: startOfDay(followUp, timeZone),
    outcome: null,
    createdAt: now,
    updatedAt: now,
  };
}
