import { z } from 'zod';
import { SpotlightFlagsSchema } from './autoqa';
import { ChannelSchema, Timestamp } from './common';
import { TICKET_LIMITS } from './ticket-limits';

export { TICKET_LIMITS };

const shortText = z.string().max(TICKET_LIMITS.fieldChars);

export const PersonSchema = z.object({
  name: shortText,
  email: shortText.optional(),
});
export type Person = z.infer<typeof PersonSchema>;

export const MessageRoleSchema = z.enum(['customer', 'agent', 'bot', 'internal']);
export type MessageRole = z.infer<typeof MessageRoleSchema>;

export const TranscriptMessageSchema = z.object({
  /** The helpdesk's own id for the message or comment, so evidence can point back at it. */
  id: shortText,
  author: shortText,
  /** `internal` marks a note visible only to the support team. */
  role: MessageRoleSchema,
  /** ISO 8601 time the helpdesk gives for the message, when it gives one. */
  at: shortText.optional(),
  /** Plain text. Never rendered as HTML. */
  text: z.string().max(TICKET_LIMITS.messageChars),
});
export type TranscriptMessage = z.infer<typeof TranscriptMessageSchema>;

/**
 * What a helpdesk adapter reads off a ticket page. `complete` is false while the adapter has only
 * the id from the URL; the panel shows the ticket straight away and fills in the rest on arrival.
 */
export const TicketContextSchema = z.object({
  helpdesk: z.string().min(1).max(40),
  ticketId: z.string().min(1).max(200),
  url: z.string().max(2000),
  channel: ChannelSchema,
  subject: shortText,
  status: shortText,
  customer: PersonSchema.nullable(),
  agent: PersonSchema.nullable(),
  messages: z.array(TranscriptMessageSchema).max(TICKET_LIMITS.messages),
  complete: z.boolean(),
  /** Why the adapter could not read everything, shown to the user so they can fill it in. */
  problem: shortText.optional(),
});
export type TicketContext = z.infer<typeof TicketContextSchema>;

/** What the adapter read, kept so the evaluation can be reread and quoted later. */
export const TicketSnapshotSchema = TicketContextSchema.extend({
  /** `<helpdesk>:<ticket id>`, see `ticketKey`. */
  key: z.string().min(1).max(300),
  capturedAt: Timestamp,
  /** Spotlight flags computed from the transcript when it was read (lib/autoqa); absent on snapshots kept before AutoQA. */
  spotlight: SpotlightFlagsSchema.optional(),
});
export type TicketSnapshot = z.infer<typeof TicketSnapshotSchema>;

/** The stable key of a ticket across the whole product: `<helpdesk>:<ticket id>`. */
export function ticketKey(ticket: Pick<TicketContext, 'helpdesk' | 'ticketId'>): string {
  return `${ticket.helpdesk}:${ticket.ticketId}`;
}
