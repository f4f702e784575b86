import { z } from 'zod';
import { SpotlightFlagsSchema } from './autoqa';
import { ChannelSchema, Timestamp } from './common';
import { ComplexityBandSchema } from './monitoring';

/** A row of a ticket list exported from a helpdesk: candidates to sample and score. */
export const ImportedTicketSchema = z.object({
  /** `<helpdesk>:<ticket id>`, as on evaluations. */
  key: z.string().min(1).max(300),
  helpdesk: z.string().min(1).max(40),
  ticketId: z.string().min(1).max(200),
  url: z.string().max(2000).default(''),
  channel: ChannelSchema,
  agent: z.string().max(500).nullable().default(null),
  createdAt: Timestamp.nullable().default(null),
  /** How hard the ticket was, when the export says: quotas can be split by it. */
  complexity: ComplexityBandSchema.nullable().default(null),
  /** Whether the customer reopened it; null when the export does not say. */
  reopened: z.boolean().nullable().default(null),
  /** Whether it was a complaint (a complaint flag, or a tag or type naming one). */
  complaint: z.boolean().nullable().default(null),
  importedAt: Timestamp,
  /** Spotlight flags worked out from the row's transcript at import (the transcript itself is not kept); absent without one. */
  spotlight: SpotlightFlagsSchema.optional(),
});
export type ImportedTicket = z.infer<typeof ImportedTicketSchema>;

/**
 * A ticket the panel has read in this browser: the other half of the sampling pool, beside the
 * imported lists. Kept apart from the snapshots (which hold the conversation and are kept only for
 * evaluated tickets) and never shared: it only says the ticket exists, whose it is and when it was seen.
 */
export const SeenTicketSchema = z.object({
  key: z.string().min(1).max(300),
  helpdesk: z.string().min(1).max(40),
  ticketId: z.string().min(1).max(200),
  url: z.string().max(2000),
  channel: ChannelSchema,
  agent: z.string().max(500).nullable(),
  /** When the ticket was created, if the helpdesk said; otherwise the age rules use `firstSeenAt`. */
  createdAt: Timestamp.nullable(),
  /** Flags read off the ticket (another part of QA Lens may add `spotlight`). */
  flags: z.array(z.string().max(40)).max(20).default([]),
  firstSeenAt: Timestamp,
  lastSeenAt: Timestamp,
});
export type SeenTicket = z.infer<typeof SeenTicketSchema>;
