import { z } from 'zod';
import { SpotlightFlagsSchema } from './autoqa';
import { ChannelSchema, Timestamp } from './common';

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
  importedAt: Timestamp,
  /** Spotlight flags worked out from the row's transcript at import (the transcript itself is not kept); absent without one. */
  spotlight: SpotlightFlagsSchema.optional(),
});
export type ImportedTicket = z.infer<typeof ImportedTicketSchema>;
