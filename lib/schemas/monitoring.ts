import { z } from 'zod';
import { ChannelSchema, RecordId, Timestamp } from './common';
import { AuthorSchema } from './evaluation';

const Name = z.string().trim().min(1).max(200);

/** How hard a ticket is, as the helpdesk export or the team labels it. */
export const ComplexityBandSchema = z.enum(['low', 'medium', 'high']);
export type ComplexityBand = z.infer<typeof ComplexityBandSchema>;
export const COMPLEXITY_BANDS = ComplexityBandSchema.options;

/** The customer's CSAT answer in bands: low 1–2, neutral 3, high 4–5, none when unanswered. */
export const CsatBandSchema = z.enum(['low', 'neutral', 'high', 'none']);
export type CsatBand = z.infer<typeof CsatBandSchema>;

export const MonitoringMethodSchema = z.enum(['transcript-review', 'live-observation', 'mystery-shopping']);
export type MonitoringMethod = z.infer<typeof MonitoringMethodSchema>;
export const MONITORING_METHODS = MonitoringMethodSchema.options;

/** Why a ticket is in the targeted pool: chosen for a problem, so never representative. */
export const TargetReasonSchema = z.enum(['low-csat', 'reopened', 'complaint', 'spotlight']);
export type TargetReason = z.infer<typeof TargetReasonSchema>;
export const TARGET_REASONS = TargetReasonSchema.options;

/** How many reviews one agent on one channel (and, when the plan splits by it, one complexity band) should get in the period. */
export const QuotaSchema = z.object({
  agent: Name,
  channel: ChannelSchema,
  complexity: ComplexityBandSchema.nullable().default(null),
  count: z.number().int().min(0).max(100),
});
export type Quota = z.infer<typeof QuotaSchema>;

/**
 * A monitoring plan: who is monitored on which channels, how many reviews each gets in the period,
 * how, and by whom. The sample is drawn from it; progress is measured against its quotas.
 */
export const MonitoringPlanSchema = z
  .object({
    id: RecordId,
    name: Name,
    objectives: z.string().max(5_000).default(''),
    /** The period: from its first day's local midnight, up to (not including) the day after its last. */
    startAt: Timestamp,
    endAt: Timestamp,
    agents: z.array(Name).min(1).max(200),
    channels: z.array(ChannelSchema).min(1),
    /** Quotas per agent × channel × complexity band rather than per agent × channel. */
    byComplexity: z.boolean().default(false),
    /** Within each quota, draw CSAT bands in proportion to the pool, so the sample keeps the customers' mix. */
    byCsatBand: z.boolean().default(false),
    quotas: z.array(QuotaSchema).max(5_000),
    methods: z.array(MonitoringMethodSchema).min(1),
    reviewers: z.array(Name).min(1).max(100),
    exclusions: z
      .object({
        /** Leave out tickets that already have a submitted review. */
        alreadyReviewed: z.boolean().default(true),
        /** Leave out tickets created (or first seen) more than this many days before the draw; null for no limit. */
        maxAgeDays: z.number().int().min(1).max(3_650).nullable().default(null),
        /** Leave out tickets handled by the plan's own reviewers (peer and self-assessment plans): nobody scores their own work. */
        reviewersOwnTickets: z.boolean().default(true),
      })
      .default({ alreadyReviewed: true, maxAgeDays: null, reviewersOwnTickets: true }),
    /** Backup tickets drawn per stratum, taken in order when a sampled ticket is replaced. */
    backupsPerStratum: z.number().int().min(0).max(20).default(2),
    /** A pool of problem tickets, drawn apart from the random sample and reported as not representative. */
    targeted: z
      .object({
        reasons: z.array(TargetReasonSchema).default([]),
        perAgent: z.number().int().min(0).max(100).default(0),
      })
      .default({ reasons: [], perAgent: 0 }),
    /** The margin (± points of the mean score) the quotas are sized for. */
    marginPoints: z.number().positive().max(50).default(5),
    createdBy: AuthorSchema,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .refine((plan) => plan.endAt > plan.startAt, { message: 'The period must end after it starts.', path: ['endAt'] });
export type MonitoringPlan = z.infer<typeof MonitoringPlanSchema>;

/** A ticket as the sample keeps it: enough to open it and to tell its stratum. */
export const SampledTicketSchema = z.object({
  key: z.string().min(1).max(300),
  helpdesk: z.string().min(1).max(40),
  ticketId: z.string().min(1).max(200),
  url: z.string().max(2_000),
  channel: ChannelSchema,
  agent: z.string().max(500).nullable(),
  createdAt: Timestamp.nullable(),
  csatBand: CsatBandSchema,
  complexity: ComplexityBandSchema.nullable(),
});
export type SampledTicket = z.infer<typeof SampledTicketSchema>;

export const SampleItemSchema = SampledTicketSchema.extend({
  /** `sampled`: to be reviewed; `backup`: waiting in line for a replacement; `replaced`: taken out, with why. */
  state: z.enum(['sampled', 'backup', 'replaced']),
  /** Position in the stratum's random order: sampled first, then backups in the order they are taken. */
  order: z.number().int().nonnegative(),
  /** Who reviews it; null for backups and when no reviewer may take it (every reviewer handled it). */
  reviewer: z.string().max(200).nullable(),
  /** The key of the ticket this one replaced, for a backup brought in. */
  replaces: z.string().max(300).nullable().default(null),
  replacement: z
    .object({ at: Timestamp, by: z.string().max(200), reason: z.string().trim().min(1).max(2_000), replacedBy: z.string().max(300) })
    .nullable()
    .default(null),
  /** Why a targeted ticket was picked. */
  reasons: z.array(TargetReasonSchema).default([]),
});
export type SampleItem = z.infer<typeof SampleItemSchema>;

export const SampleLogEntrySchema = z.object({
  at: Timestamp,
  by: z.string().max(200),
  action: z.enum(['drawn', 'replaced']),
  /** The replaced ticket's key; for the draw, the stratum's. */
  key: z.string().max(800),
  /** For a replacement: the backup that took the ticket's place. */
  replacementKey: z.string().max(300).nullable().default(null),
  reason: z.string().max(2_000).default(''),
});
export type SampleLogEntry = z.infer<typeof SampleLogEntrySchema>;

export const StratumSchema = z.object({
  /** `agent|channel|complexity`, as the draw and the quotas name it. */
  key: z.string().min(1).max(800),
  agent: z.string().max(500),
  channel: ChannelSchema.nullable(),
  complexity: ComplexityBandSchema.nullable(),
});
export type Stratum = z.infer<typeof StratumSchema>;

/**
 * The sample of one stratum from one draw. A draw is many of these (one per quota, plus the
 * targeted pool per agent), so each stays small enough to sync and a replacement rewrites one only.
 * Whether an item is done is not stored: it is done once a review of its ticket is submitted, which
 * the review itself records, so two reviewers finishing items at once never overwrite each other.
 */
export const SampleSchema = z.object({
  id: RecordId,
  planId: RecordId,
  /** Shared by every stratum drawn together. */
  drawId: RecordId,
  /** `random`: the representative sample; `targeted`: problem tickets, not representative; `follow-up`: after coaching. */
  purpose: z.enum(['random', 'targeted', 'follow-up']),
  coachingPlanId: RecordId.nullable().default(null),
  /** The seed of the pseudo-random generator: the same seed on the same pool draws the same sample. */
  seed: z.number().int().min(0).max(0xffffffff),
  drawnAt: Timestamp,
  drawnBy: AuthorSchema,
  stratum: StratumSchema,
  /** Reviews wanted from this stratum. */
  quota: z.number().int().nonnegative(),
  /** Eligible tickets the stratum had in the pool; below the quota, the shortfall. */
  available: z.number().int().nonnegative(),
  /** The pool as the draw saw it, for the record: tickets read and why the others were left out. */
  pool: z.object({
    size: z.number().int().nonnegative(),
    eligible: z.number().int().nonnegative(),
    excluded: z.object({
      reviewed: z.number().int().nonnegative(),
      tooOld: z.number().int().nonnegative(),
      reviewersOwn: z.number().int().nonnegative(),
    }),
  }),
  /** At most a quota of 100 and 20 backups, plus the replacements' trail: small enough to sync as one record. */
  items: z.array(SampleItemSchema).max(150),
  log: z.array(SampleLogEntrySchema).max(1_000),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Sample = z.infer<typeof SampleSchema>;
