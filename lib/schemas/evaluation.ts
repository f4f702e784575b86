import { z } from 'zod';
import { ChannelSchema, RecordId, RoleSchema, Timestamp } from './common';
import { PersonSchema } from './ticket';

export const AnswerSchema = z.object({
  /** The chosen scale option; absent while unanswered or when N/A. */
  optionId: z.string().max(80).optional(),
  na: z.boolean().default(false),
  comment: z.string().max(10_000).default(''),
});
export type Answer = z.infer<typeof AnswerSchema>;

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
});
export type EvaluatedTicket = z.infer<typeof EvaluatedTicketSchema>;

export const AuthorSchema = z.object({ name: z.string().max(200), role: RoleSchema });

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
  /** Seconds the reviewer spent on the evaluation. */
  reviewSeconds: z.number().int().nonnegative().default(0),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  submittedAt: Timestamp.nullable(),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;
