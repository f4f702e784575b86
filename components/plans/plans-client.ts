import type { DrawSummary } from '../../lib/db/monitoring';
import type { CoachingPlan, Evaluation, MonitoringPlan, Profile, Sample } from '../../lib/schemas';

/** What the Plans page needs from the outside world; the entrypoint backs it with the database. */
export interface PlansClient {
  getProfile(): Promise<Profile>;
  listPlans(): Promise<MonitoringPlan[]>;
  listSamples(): Promise<Sample[]>;
  /** Submitted evaluations: what finishes sampled tickets and measures precision. */
  listEvaluations(): Promise<Evaluation[]>;
  listCoachingPlans(): Promise<CoachingPlan[]>;
  /** Agent names known from the pool and the reviews, for the form. */
  knownAgents(): Promise<string[]>;
  /** How many tickets the pool holds now. */
  poolSize(): Promise<number>;
  savePlan(plan: MonitoringPlan): Promise<MonitoringPlan>;
  drawSample(planId: string, seed: number): Promise<DrawSummary>;
  replace(sampleId: string, ticketKey: string, reason: string): Promise<Sample>;
  drawFollowUp(planId: string, coachingPlanId: string, count: number, seed: number): Promise<DrawSummary>;
  /** Opens a ticket in the helpdesk, in a new tab, where the panel shows it came from the queue. */
  openTicket(url: string): void;
  download(filename: string, text: string): void;
  /** A fresh random seed for a draw. */
  newSeed(): number;
  newId(): string;
  now(): number;
}
