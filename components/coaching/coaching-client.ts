import type { CriterionAverage } from '../../lib/coaching/weakest-criteria';
import type { PlanDraft } from '../../lib/coaching/new-plan';
import type { CoachingPlan, Evaluation, Person, Profile } from '../../lib/schemas';
import type { OnDataChanged } from '../shared/data-changes';

/** What the coaching page needs from the outside world; the entrypoint backs it with the database. */
export interface CoachingClient {
  onDataChanged?: OnDataChanged;
  getProfile(): Promise<Profile>;
  /** Plans, soonest follow-up first. */
  listPlans(): Promise<CoachingPlan[]>;
  /** Agents who have submitted reviews, to choose from. */
  listAgents(): Promise<Person[]>;
  /** The agent's criteria over the baseline period, weakest first: where a plan would help most. */
  weakestCriteria(agent: Person): Promise<CriterionAverage[]>;
  getEvaluation(id: string): Promise<Evaluation | undefined>;
  createPlan(draft: PlanDraft): Promise<CoachingPlan>;
  recordFollowUp(planId: string, note: string): Promise<CoachingPlan>;
  now(): number;
  /** The user's time zone, in which plan dates are calendar days. */
  timeZone: string;
}
