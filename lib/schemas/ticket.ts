import { z } from 'zod';
import { SpotlightFlagsSchema } from './autoqa';
import { ChannelSchema, Timestamp } from './common';
import { TICKET_LIMITS, transcriptBytes } from './ticket-limits';

export { TICKET_LIMITS };

const shortText = z.string().max(TICKET_LIMITS.fieldChars);

export const PersonSchema = z.object({
  name: shortText,
  email: shortText.optional(),
  /**
   * SHA-256 (hex) of the trimmed, lower-cased email, kept because the email itself is redacted
   * before storage: Settings → Privacy finds the customer by it. Personal data, erased with them
   * (lib/privacy/email-fingerprint.ts).
   */
  emailSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type Person = z.infer<typeof PersonSchema>;

const count = z.number().int().nonnegative();

/** See `TranscriptCut` in ticket-limits.ts. */
export const TranscriptCutSchema = z.object({
  messagesRead: count,
  messagesKept: count,
  /** UTF-8 bytes of the messages read, as JSON. */
  bytesRead: count,
  /** Messages cut at the per-message limit. */
  messagesClipped: count,
});

export const MessageRoleSchema = z.enum(['customer', 'agent', 'bot', 'internal']);
export type MessageRole = z.infer<typeof MessageRoleSchema>;

export const TranscriptMessageSchema = z.object({
  /** The helpdesk's own id for the message or comment, so evidence can point back at it. */
  id: shortText,
  author: shortText,
  /**
   * SHA-256 (hex) of the author when the helpdesk gave an email address as the author (Outlook does
   * when it has no display name), worked out before the address is redacted, so Settings → Privacy
   * finds the sender's tickets by it (lib/privacy/email-fingerprint.ts).
   */
  authorSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
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
  messages: z
    .array(TranscriptMessageSchema)
    .max(TICKET_LIMITS.messages)
    // Checked here as well as where adapters read: a message forged past the content script, or a
    // restored backup, must not store a transcript of hundreds of megabytes.
    .refine((messages) => transcriptBytes(messages) <= TICKET_LIMITS.transcriptBytes, {
      message: `The conversation is over the ${TICKET_LIMITS.transcriptBytes / 1024} KiB a ticket may keep.`,
    }),
  complete: z.boolean(),
  /** What was left out because the conversation was over the limits (absent when nothing was): shown in the panel. */
  truncated: TranscriptCutSchema.optional(),
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
