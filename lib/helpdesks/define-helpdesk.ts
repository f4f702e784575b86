import type { Channel } from '../schemas/common';
import type { TicketContext } from '../schemas/ticket';
import { TICKET_LIMITS } from '../schemas/ticket-limits';

/** What an adapter recognises from a URL alone: enough to open the panel on the right ticket. */
export interface TicketRef {
  helpdesk: string;
  ticketId: string;
  /** The ticket's canonical URL (stable across the helpdesk's own view changes). */
  url: string;
}

/** What an adapter may use to read a ticket. Fetches go only to the page's own origin. */
export interface ReadContext {
  document: Document;
  /** Same-origin fetch with the signed-in session; aborted when the user leaves the ticket. */
  fetch: (path: string) => Promise<Response>;
  signal: AbortSignal;
}

export interface Helpdesk {
  /** Stable id used in ticket keys, exports and fixture folders: never change it. */
  id: string;
  label: string;
  /** Match patterns for the content script; the manifest is generated from these. */
  matches: string[];
  ticketFromUrl(url: URL): TicketRef | null;
  readTicket(ref: TicketRef, context: ReadContext): Promise<TicketContext>;
  /** URLs the URL-matrix test checks: own tickets accepted, own non-tickets rejected. */
  testUrls: { tickets: string[]; nonTickets: string[] };
}

export function defineHelpdesk(helpdesk: Helpdesk): Helpdesk {
  return helpdesk;
}

/** The context to show while only the URL is known. */
export function placeholderTicket(ref: TicketRef, channel: Channel = 'other'): TicketContext {
  return { ...ref, channel, subject: '', status: '', customer: null, agent: null, messages: [], complete: false };
}

/** Collapses whitespace and trims; helpdesk text often carries layout newlines. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * Cuts text to a schema limit. The background refuses a whole ticket with one field over a limit,
 * so one 200 kB email must arrive clipped rather than not at all.
 */
export function clip(text: string, max: number = TICKET_LIMITS.fieldChars): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
