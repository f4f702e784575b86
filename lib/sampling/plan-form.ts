/**
 * The New plan form's fields turned into a monitoring plan: names one per line, days as the
 * period's bounds (from the first day's local midnight to the midnight after the last), quotas from
 * the grid. Every problem is said in the form's own words; the schema checks the rest on save.
 */
import { startOfDay, dayAfter } from '../dashboard/filter-evaluations';
import { COMPLEXITY_BANDS, type Author, type Channel, type ComplexityBand, type MonitoringMethod, type MonitoringPlan, type TargetReason } from '../schemas';

export interface PlanFormFields {
  name: string;
  objectives: string;
  from: string;
  to: string;
  agents: string;
  channels: Channel[];
  byComplexity: boolean;
  byCsatBand: boolean;
  /** Quotas by `agent|channel|band` (band '' without complexity), as typed. */
  quotas: Record<string, string>;
  defaultQuota: string;
  methods: MonitoringMethod[];
  reviewers: string;
  alreadyReviewed: boolean;
  maxAgeDays: string;
  reviewersOwnTickets: boolean;
  backups: string;
  targetedReasons: TargetReason[];
  targetedPerAgent: string;
  marginPoints: string;
}

export const lines = (text: string) => [...new Set(text.split(/\r?\n/).map((s) => s.trim()).filter(Boolean))];

export const quotaKey = (agent: string, channel: Channel, band: ComplexityBand | null) => `${agent}|${channel}|${band ?? ''}`;

/** The cells of the quota grid for these fields: each agent × channel (× band). */
export function quotaCells(fields: Pick<PlanFormFields, 'agents' | 'channels' | 'byComplexity'>): { agent: string; channel: Channel; complexity: ComplexityBand | null }[] {
  const bands: (ComplexityBand | null)[] = fields.byComplexity ? [...COMPLEXITY_BANDS] : [null];
  return lines(fields.agents).flatMap((agent) => fields.channels.flatMap((channel) => bands.map((complexity) => ({ agent, channel, complexity }))));
}

const whole = (text: string, what: string, min: number, max: number): number => {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(n) || n < min || n > max) throw new Error(`${what} must be a whole number from ${min} to ${max}, not "${text}".`);
  return n;
};

export function planFromForm(fields: PlanFormFields, context: { id: string; by: Author; now: number; createdAt?: number }): MonitoringPlan {
  const startAt = startOfDay(fields.from);
  const endAt = dayAfter(fields.to);
  if (startAt === undefined || endAt === undefined) throw new Error('Give the period’s first and last day.');
  if (endAt <= startAt) throw new Error('The period ends before it starts.');
  const agents = lines(fields.agents);
  const reviewers = lines(fields.reviewers);
  if (agents.length === 0) throw new Error('Name at least one agent the plan covers.');
  if (fields.channels.length === 0) throw new Error('Choose at least one channel.');
  if (fields.methods.length === 0) throw new Error('Choose at least one monitoring method.');
  if (reviewers.length === 0) throw new Error('Name at least one reviewer.');
  const quotas = quotaCells(fields).map((cell) => {
    const typed = fields.quotas[quotaKey(cell.agent, cell.channel, cell.complexity)] ?? fields.defaultQuota;
    return { ...cell, count: whole(typed, `The quota for ${cell.agent} on ${cell.channel}${cell.complexity ? ` (${cell.complexity} complexity)` : ''}`, 0, 100) };
  });
  const margin = Number(fields.marginPoints);
  if (!(margin > 0 && margin <= 50)) throw new Error(`The margin is a number of points above 0 and at most 50, not "${fields.marginPoints}".`);
  return {
    id: context.id,
    name: fields.name.trim(),
    objectives: fields.objectives.trim(),
    startAt,
    endAt,
    agents,
    channels: fields.channels,
    byComplexity: fields.byComplexity,
    byCsatBand: fields.byCsatBand,
    quotas,
    methods: fields.methods,
    reviewers,
    exclusions: {
      alreadyReviewed: fields.alreadyReviewed,
      maxAgeDays: fields.maxAgeDays.trim() === '' ? null : whole(fields.maxAgeDays, 'The age limit in days', 1, 3650),
      reviewersOwnTickets: fields.reviewersOwnTickets,
    },
    backupsPerStratum: whole(fields.backups, 'Backups per stratum', 0, 20),
    targeted: { reasons: fields.targetedReasons, perAgent: fields.targetedReasons.length === 0 ? 0 : whole(fields.targetedPerAgent, 'Targeted tickets per agent', 0, 100) },
    marginPoints: margin,
    createdBy: context.by,
    createdAt: context.createdAt ?? context.now,
    updatedAt: context.now,
  };
}
