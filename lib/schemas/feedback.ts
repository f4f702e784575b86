import { z } from 'zod';
import { RecordId, Timestamp } from './common';
import { AuthorSchema } from './evaluation';

/**
 * The agent's answer to a review. Kept apart from the evaluation because the agent writes it and
 * the reviewer writes the evaluation: each record has a single writer (see DESIGN.md, Sync).
 */
export const AcknowledgementSchema = z.object({
  id: RecordId,
  evaluationId: RecordId,
  agent: AuthorSchema,
  comment: z.string().max(10_000).default(''),
  createdAt: Timestamp,
});
export type Acknowledgement = z.infer<typeof AcknowledgementSchema>;

export const DisputedCriterionSchema = z.object({
  criterionId: z.string().max(80),
  reason: z.string().trim().min(1).max(10_000),
});

export const DisputeDecisionSchema = z.enum(['accepted', 'rejected']);
export type DisputeDecision = z.infer<typeof DisputeDecisionSchema>;

/** The reviewer's answer to a dispute, per disputed criterion. */
export const DisputeResolutionSchema = z.object({
  by: AuthorSchema,
  at: Timestamp,
  decisions: z.array(
    z.object({
      criterionId: z.string().max(80),
      decision: DisputeDecisionSchema,
      /** The option the reviewer changed the answer to, when accepted. */
      optionId: z.string().max(80).optional(),
      na: z.boolean().optional(),
      reason: z.string().max(10_000).default(''),
    }),
  ),
});
export type DisputeResolution = z.infer<typeof DisputeResolutionSchema>;

export const DisputeSchema = z.object({
  id: RecordId,
  evaluationId: RecordId,
  agent: AuthorSchema,
  criteria: z.array(DisputedCriterionSchema).min(1).max(100),
  createdAt: Timestamp,
  status: z.enum(['open', 'resolved']),
  resolution: DisputeResolutionSchema.nullable().default(null),
});
export type Dispute = z.infer<typeof DisputeSchema>;
