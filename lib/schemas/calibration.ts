import { z } from 'zod';
import { RecordId, Timestamp } from './common';
import { AuthorSchema, EvaluatedTicketSchema } from './evaluation';

const Name = z.string().trim().min(1).max(200);

/**
 * A calibration session: several reviewers score the same tickets on the same scorecard version,
 * blind, and then compare. Their scores are evaluations of kind `calibration` that name this
 * session; they never count toward the agent's figures. The benchmark reviewer, when there is one,
 * is the reference the others are aligned against (usually the QA lead).
 */
export const CalibrationSessionSchema = z
  .object({
    id: RecordId,
    name: Name,
    scorecardId: RecordId,
    scorecardVersion: z.number().int().min(1),
    tickets: z.array(EvaluatedTicketSchema).min(1).max(50),
    participants: z.array(Name).min(2).max(50),
    benchmark: Name.nullable().default(null),
    /** `open` while participants score; `closed` once the facilitator has ended it (no more scores are taken in the panel). */
    status: z.enum(['open', 'closed']).default('open'),
    notes: z.string().max(10_000).default(''),
    createdBy: AuthorSchema,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .refine((s) => s.benchmark === null || s.participants.includes(s.benchmark), {
    message: 'The benchmark reviewer must be one of the participants.',
    path: ['benchmark'],
  })
  .refine((s) => new Set(s.participants).size === s.participants.length, { message: 'Each participant is listed once.', path: ['participants'] })
  .refine((s) => new Set(s.tickets.map((t) => t.key)).size === s.tickets.length, { message: 'Each ticket is listed once.', path: ['tickets'] });
export type CalibrationSession = z.infer<typeof CalibrationSessionSchema>;
