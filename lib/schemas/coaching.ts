import { z } from 'zod';
import { RecordId, Timestamp } from './common';
import { AuthorSchema } from './evaluation';
import { KpiMetricSchema } from './kpi';
import { PersonSchema } from './ticket';

/** What a coaching goal measures: one criterion, the QA score, the pass rate, or a KPI. */
export const CoachingMetricSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('criterion'),
    scorecardId: RecordId,
    criterionId: z.string().max(80),
    /** The criterion's title when the plan was made, for display if the scorecard changes. */
    title: z.string().max(200),
  }),
  z.object({ kind: z.literal('qa-score') }),
  z.object({ kind: z.literal('pass-rate') }),
  z.object({ kind: z.literal('kpi'), kpi: KpiMetricSchema }),
]);
export type CoachingMetric = z.infer<typeof CoachingMetricSchema>;

/** A measured value of a metric over a period, with the sample it rests on. */
export const MeasurementSchema = z.object({
  /** Percent 0–100 for scores and rates; the KPI's own unit otherwise. Null when nothing was measured. */
  value: z.number().nullable(),
  sampleSize: z.number().int().nonnegative(),
  from: Timestamp,
  to: Timestamp,
});
export type Measurement = z.infer<typeof MeasurementSchema>;

export const CoachingActionSchema = z.object({
  text: z.string().trim().min(1).max(2_000),
  done: z.boolean().default(false),
});

/**
 * A SMART coaching plan: a Specific metric, Measurable baseline and target, Agreed actions, a
 * Realistic target the supervisor and agent set together, and a Time by which (`dueAt`), with a
 * follow-up that records the outcome against the target.
 */
export const CoachingPlanSchema = z.object({
  id: RecordId,
  agent: PersonSchema,
  createdBy: AuthorSchema,
  /** The evaluation the plan was started from, if any. */
  sourceEvaluationId: RecordId.nullable().default(null),
  metric: CoachingMetricSchema,
  /** The agent's level before coaching, computed from their evaluations. */
  baseline: MeasurementSchema,
  /** The level to reach (same unit as the baseline). Higher is better for every metric but response times. */
  target: z.number(),
  goal: z.string().max(2_000).default(''),
  actions: z.array(CoachingActionSchema).max(50).default([]),
  startAt: Timestamp,
  dueAt: Timestamp,
  followUpAt: Timestamp,
  /** Filled in at the follow-up: the level measured since `startAt`. */
  outcome: z
    .object({ at: Timestamp, by: AuthorSchema, measured: MeasurementSchema, met: z.boolean(), note: z.string().max(10_000).default('') })
    .nullable()
    .default(null),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type CoachingPlan = z.infer<typeof CoachingPlanSchema>;
