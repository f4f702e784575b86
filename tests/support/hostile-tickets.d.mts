import type { XssPayload } from '../fixtures/hostile/xss-payloads.mjs';

/** What an adapter reads of a ticket, as the fixtures' expectations files state it. */
export interface ExpectedTicket {
  ticketId: string;
  subject: string | null;
  channel: string;
  customer: { name?: string; email?: string } | null;
  agent: { name?: string } | null;
  messages: { author: string; role: string; text: string }[];
}

export interface HostileTicket {
  helpdesk: string;
  url: string;
  ticketId: string;
  swaps: { field: string; original: string; payload: XssPayload }[];
  expected: ExpectedTicket;
  rewrite(body: string, type: string): string;
}

export function hostileTickets(fixtures: string): Map<string, HostileTicket>;
