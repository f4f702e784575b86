import type { Channel, MessageRole, TicketContext } from '../schemas';

/** One message as the checks read it. `time` is an ISO 8601 string when the helpdesk gives one. */
export interface AutoQaMessage {
  role: MessageRole;
  author: string;
  time?: string | undefined;
  text: string;
}

/**
 * A conversation as the checks read it: the shape `npm run autoqa` takes as JSON, and what the
 * panel makes of the ticket it shows. CSAT (1–5) and reopens come from the ticket's KPIs, when known.
 */
export interface AutoQaConversation {
  channel: Channel;
  customerName?: string | undefined;
  messages: AutoQaMessage[];
  csat?: number | null | undefined;
  reopens?: number | null | undefined;
}

/** The ticket the panel shows, as a conversation for the checks. Message indexes stay the ticket's own. */
export function conversationFromTicket(ticket: TicketContext, kpis: { csat?: number | null; reopens?: number | null } = {}): AutoQaConversation {
  return {
    channel: ticket.channel,
    customerName: ticket.customer?.name || undefined,
    messages: ticket.messages.map((m) => ({ role: m.role, author: m.author, time: m.at, text: m.text })),
    csat: kpis.csat ?? null,
    reopens: kpis.reopens ?? null,
  };
}
