import { z } from 'zod';
import { AutomaticAnswerSchema, SpotlightFlagsSchema } from './autoqa';
import { ChannelSchema, RecordId, RoleSchema, Timestamp } from './common';
import { MessageRoleSchema, PersonSchema } from './ticket';
import { TICKET_LIMITS } from './ticket-limits';

/**
 * A passage of the ticket quoted as evidence for an answer. The quote is copied, not referenced,
 * so the evidence survives the snapshot being purged. Stored and shown as plain text only.
 */
export const EvidenceSchema = z.object({
  /** The helpdesk's id of the quoted message. */
  messageId: z.string().max(TICKET_LIMITS.fieldChars),
  /** The quoted text: the whole message, or the passage the reviewer selected. */
  quote: z.string().min(1).max(5_000),
  author: z.string().max(TICKET_LIMITS.fieldChars),
  role: MessageRoleSchema,
  /** ISO 8601 time of the message, when the helpdesk gives one. */
  at: z.string().max(TICKET_LIMITS.fieldChars).optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const AnswerSchema = z.object({
  /** The chosen scale option; absent while unanswered or when N/A. */
  optionId: z.string().max(80).optional(),
  na: z.boolean().default(false),
  comment: z.string().max(10_000).default(''),
  evidence: z.array(EvidenceSchema).max(20).default([]),
  /** Ids from the team's root-cause list (see TeamSettings): why the criterion was missed. */
  rootCauses: z.array(z.string().max(80)).max(10).default([]),
  /** Present when an automatic check proposed this answer: what it proposed, and whether the reviewer kept it. */
  auto: AutomaticAnswerSchema.optional(),
});
export type Answer = z.infer<typeof AnswerSchema>;

/** An answer with nothing chosen, written or attached yet. */
export const BLANK_ANSWER: Answer = Object.freeze({ na: false, comment: '', evidence: [], rootCauses: [] }) as Answer;

export const EvaluationKindSchema = z.enum(['review', 'self-assessment', 'calibration']);
export type EvaluationKind = z.infer<typeof EvaluationKindSchema>;

export const EvaluationStatusSchema = z.enum(['draft', 'submitted', 'acknowledged', 'disputed', 'resolved']);
export type EvaluationStatus = z.infer<typeof EvaluationStatusSchema>;

/** The ticket as the evaluation saw it: enough to list, filter and export without the snapshot. */
export const EvaluatedTicketSchema = z.object({
  key: z.string().max(300),
  helpdesk: z.string().max(40),
  ticketId: z.string().max(200),
  url: z.string().max(2000),
  channel: ChannelSchema,
  subject: z.string().max(1000),
  agent: PersonSchema.nullable(),
  /** Spotlight flags of the conversation as the panel read it, for the dashboard's filter and for sampling. */
  spotlight: SpotlightFlagsSchema.optional(),
});
export type EvaluatedTicket = z.infer<typeof EvaluatedTicketSchema>;

export const AuthorSchema = z.object({ name: z.string().max(200), role: RoleSchema });
export type Author = z.infer<typeof AuthorSchema>;

/** An answer changed after submission, when a dispute was accepted. */
export const AnswerChangeSchema = z.object({
  criterionId: z.string().max(80),
  before: AnswerSchema,
  after: AnswerSchema,
});
export type AnswerChange = z.infer<typeof AnswerChangeSchema>;

/** One step of a submitted evaluation's life: who moved it, when, why, and what changed. */
export const StatusChangeSchema = z.object({
  at: Timestamp,
  by: AuthorSchema,
  from: EvaluationStatusSchema,
  to: EvaluationStatusSchema,
  reason: z.string().max(10_000).default(''),
  answerChanges: z.array(AnswerChangeSchema).default([]),
  /** The score before and after the change, when answers changed. */
  scoreBefore: z.number().min(0).max(100).nullable().default(null),
  scoreAfter: z.number().min(0).max(100).nullable().default(null),
});
export type StatusChange = z.infer<typeof StatusChangeSchema>;

export const EvaluationSchema = z.object({
  id: RecordId,
  kind: EvaluationKindSchema,
  status: EvaluationStatusSchema,
  ticket: EvaluatedTicketSchema,
  scorecardId: RecordId,
  scorecardVersion: z.number().int().min(1),
  answers: z.record(z.string(), AnswerSchema),
  strengths: z.string().max(10_000).default(''),
  improvements: z.string().max(10_000).default(''),
  author: AuthorSchema,
  /** Score 0–100 fixed at submission, so lists and exports need not recompute; null on drafts. */
  score: z.number().min(0).max(100).nullable(),
  passed: z.boolean().nullable(),
  /** Active seconds the author spent on the evaluation (paused while hidden or idle). */
  reviewSeconds: z.number().int().nonnegative().default(0),
  /** When the agent must acknowledge or dispute a submitted review by; null when not required. */
  acknowledgeBy: Timestamp.nullable().default(null),
  /** Every state change after submission, oldest first. */
  history: z.array(StatusChangeSchema).default([]),
  /** The calibration session a `calibration` evaluation belongs to: its scores never count toward the agent's. */
  calibrationSessionId: RecordId.optional(),
  /**
   * Drafts only, never submitted or synced: when each part of the draft was last edited in this
   * browser (ms, by field key, see lib/evaluations/merge-drafts.ts), so two tabs saving the same
   * draft keep each other's answers. Optional: drafts stored before it merge as never edited.
   */
  fieldEditedAt: z.record(z.string().max(200), Timestamp).optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  submittedAt: Timestamp.nullable(),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;
