import type { Channel } from '../schemas/common';
import type { MessageRole, Person, TicketContext, TranscriptMessage } from '../schemas/ticket';
import { TICKET_LIMITS as LIMITS } from '../schemas/ticket-limits';
import { apiThenPage, cleanText, clip, defineHelpdesk, getJson, pageMessages, pageText, type ReadContext, type TicketRef } from './define-helpdesk';

/** Shapes of the Freshdesk API v2 (developers.freshdesk.com/api), read with the agent's own session. */
interface FreshdeskContact {
  id: number;
  name?: string | null;
  email?: string | null;
}
interface FreshdeskTicket {
  id: number;
  subject?: string | null;
  description_text?: string | null;
  status?: number;
  source?: number;
  requester_id?: number | null;
  responder_id?: number | null;
  created_at?: string;
  requester?: FreshdeskContact;
}
interface FreshdeskConversation {
  id: number;
  body_text?: string | null;
  incoming?: boolean;
  private?: boolean;
  user_id?: number | null;
  from_email?: string | null;
  created_at?: string;
}
interface FreshdeskAgent {
  id: number;
  contact?: { name?: string | null; email?: string | null };
}

/** `/a/tickets/<id>`, and the older agent path `/helpdesk/tickets/<id>`, still served. */
const TICKET_PATH = /^\/(?:a|helpdesk)\/tickets\/(\d+)(?:\/|$)/;
const HOST = /^[a-z0-9][a-z0-9-]*\.freshdesk\.com$/;
/** Conversations asked for per page (the API's maximum) and pages followed at most. */
const PER_PAGE = 100;
const MAX_PAGES = 50;
/** Agent profiles looked up at most per ticket: names for replies and notes. */
const MAX_AGENTS = 20;

/** Freshdesk's numeric `source` values, grouped into the channels QA teams report on. */
const SOURCES: Record<number, Channel> = {
  1: 'email',
  2: 'email', // portal (web form)
  3: 'voice',
  5: 'social', // Twitter / X
  6: 'social', // Facebook
  7: 'chat',
  9: 'email', // feedback widget (web form)
  10: 'email', // outbound email
  12: 'chat', // bot
  13: 'messaging', // WhatsApp
};
const STATUSES: Record<number, string> = { 2: 'open', 3: 'pending', 4: 'resolved', 5: 'closed' };

export function freshdeskChannel(source: unknown): Channel {
  return typeof source === 'number' && Object.hasOwn(SOURCES, source) ? (SOURCES[source] ?? 'other') : 'other';
}

function statusName(status: unknown): string {
  if (typeof status !== 'number') return '';
  return Object.hasOwn(STATUSES, status) ? (STATUSES[status] ?? '') : String(status);
}

function person(name: string | null | undefined, email?: string | null): Person | null {
  const clean = cleanText(name) || cleanText(email);
  return clean ? { name: clip(clean), ...(email ? { email: clip(email) } : {}) } : null;
}

/** An agent's name and email, or null when the profile cannot be read (a deleted agent, a contact). */
async function agentProfile(context: ReadContext, id: number): Promise<Person | null> {
  try {
    const agent = await getJson<FreshdeskAgent>(context, `/api/v2/agents/${id}`, 'Freshdesk');
    return person(agent.contact?.name, agent.contact?.email);
  } catch (error) {
    if (context.signal.aborted) throw error;
    return null;
  }
}

function conversationRole(conversation: FreshdeskConversation, requesterId: number | null | undefined): MessageRole {
  if (conversation.private === true) return 'internal';
  if (conversation.incoming === true || (conversation.user_id != null && conversation.user_id === requesterId)) return 'customer';
  // Replies with no user are sent by automations (scenarios, SLA reminders, Freddy).
  if (conversation.user_id == null) return 'bot';
  return 'agent';
}

async function readFromApi(ref: TicketRef, context: ReadContext): Promise<TicketContext> {
  const ticket = await getJson<FreshdeskTicket>(context, `/api/v2/tickets/${ref.ticketId}?include=requester`, 'Freshdesk');
  const conversations: FreshdeskConversation[] = [];
  let unread = false;
  for (let page = 1; ; page++) {
    if (page > MAX_PAGES || conversations.length >= LIMITS.messages - 1) {
      unread = true;
      break;
    }
    const batch = await getJson<FreshdeskConversation[]>(context, `/api/v2/tickets/${ref.ticketId}/conversations?per_page=${PER_PAGE}&page=${page}`, 'Freshdesk');
    if (!Array.isArray(batch)) throw new Error('Freshdesk answered conversations in an unknown shape');
    for (const conversation of batch) {
      if (conversations.length < LIMITS.messages - 1) conversations.push(conversation);
      else unread = true;
    }
    if (batch.length < PER_PAGE) break;
  }

  const requesterId = ticket.requester_id ?? ticket.requester?.id ?? null;
  const customer = person(ticket.requester?.name, ticket.requester?.email);
  // Names of the agents who replied or wrote notes, and of the assignee: the API gives only ids.
  const agentIds = new Set<number>();
  if (ticket.responder_id != null) agentIds.add(ticket.responder_id);
  for (const c of conversations) if (c.user_id != null && c.user_id !== requesterId && c.incoming !== true) agentIds.add(c.user_id);
  const agents = new Map<number, Person | null>();
  for (const id of [...agentIds].slice(0, MAX_AGENTS)) agents.set(id, await agentProfile(context, id));

  const outbound = ticket.source === 10;
  const opener = outbound ? (ticket.responder_id != null ? agents.get(ticket.responder_id) : null) : customer;
  const messages: TranscriptMessage[] = [];
  if (cleanText(ticket.description_text)) {
    messages.push({
      id: 'description',
      author: clip(opener?.name ?? (outbound ? 'Agent' : 'Customer')),
      role: outbound ? 'agent' : 'customer',
      ...(ticket.created_at ? { at: clip(ticket.created_at) } : {}),
      text: clip(cleanText(ticket.description_text), LIMITS.messageChars),
    });
  }
  for (const conversation of conversations) {
    const role = conversationRole(conversation, requesterId);
    const known = conversation.user_id != null ? (conversation.user_id === requesterId ? customer : agents.get(conversation.user_id)) : null;
    const author = known?.name ?? (cleanText(conversation.from_email) || (role === 'bot' ? 'Freshdesk' : role === 'customer' ? 'Customer' : 'Agent'));
    messages.push({
      id: clip(String(conversation.id)),
      author: clip(author),
      role,
      ...(conversation.created_at ? { at: clip(conversation.created_at) } : {}),
      text: clip(cleanText(conversation.body_text), LIMITS.messageChars),
    });
  }

  return {
    ...ref,
    channel: freshdeskChannel(ticket.source),
    subject: clip(cleanText(ticket.subject)),
    status: clip(statusName(ticket.status)),
    customer,
    agent: ticket.responder_id != null ? (agents.get(ticket.responder_id) ?? null) : null,
    messages,
    complete: true,
    ...(unread ? { problem: `Read the first ${messages.length} messages only: the rest of the conversation was not read.` } : {}),
  };
}

/** Reads what the agent app shows, through its data-test-id hooks (see the fixture app). */
function readFromPage(ref: TicketRef, document: Document, problem: string): TicketContext {
  const text = pageText(document);
  const messages = pageMessages([...document.querySelectorAll('[data-test-id="conversation-item"]')].slice(0, LIMITS.messages), {
    id: (item) => item.getAttribute('data-conversation-id'),
    role: (item) =>
      item.getAttribute('data-private') === 'true' ? 'internal' : item.getAttribute('data-incoming') === 'true' ? 'customer' : 'agent',
    author: '[data-test-id="conversation-author"]',
    body: '[data-test-id="conversation-body"]',
  });
  const customer = text('[data-test-id="requester-name"]');
  const agent = text('[data-test-id="responder-name"]');
  const source = document.querySelector('[data-test-id="ticket-source"]')?.getAttribute('data-source');
  return {
    ...ref,
    channel: freshdeskChannel(source && /^\d+$/.test(source) ? Number(source) : undefined),
    subject: clip(text('[data-test-id="ticket-subject"]')),
    status: clip(text('[data-test-id="ticket-status"]').toLowerCase()),
    customer: customer ? { name: clip(customer) } : null,
    agent: agent ? { name: clip(agent) } : null,
    messages,
    complete: messages.length > 0,
    problem: clip(problem),
  };
}

export default defineHelpdesk({
  id: 'freshdesk',
  label: 'Freshdesk',
  matches: ['https://*.freshdesk.com/a/*', 'https://*.freshdesk.com/helpdesk/tickets/*'],
  ticketFromUrl(url) {
    if (url.protocol !== 'https:' || !HOST.test(url.hostname) || url.port !== '') return null;
    const id = TICKET_PATH.exec(url.pathname)?.[1];
    return id ? { helpdesk: 'freshdesk', ticketId: id, url: `${url.origin}/a/tickets/${id}` } : null;
  },
  readTicket: apiThenPage(readFromApi, readFromPage),
  testUrls: {
    tickets: [
      'https://acme.freshdesk.com/a/tickets/123',
      'https://acme.freshdesk.com/a/tickets/123/edit',
      'https://support-eu.freshdesk.com/a/tickets/98765?current_tab=details',
      'https://acme.freshdesk.com/helpdesk/tickets/124',
      'https://acme.freshdesk.com/helpdesk/tickets/125/edit?ref=email',
    ],
    nonTickets: [
      'https://acme.freshdesk.com/a/dashboard/default',
      'https://acme.freshdesk.com/a/tickets/filters/all_tickets',
      'https://acme.freshdesk.com/a/tickets/new',
      'https://acme.freshdesk.com/helpdesk/tickets',
      'https://acme.freshdesk.com/helpdesk/tickets/filter/all_tickets',
      'https://acme.freshdesk.com/a/admin/ticket_fields',
      'https://acme.freshdesk.com/a/analytics/reports',
      'https://acme.freshdesk.com/support/tickets/123',
      'http://acme.freshdesk.com/a/tickets/123',
      'https://freshdesk.com.evil.example/a/tickets/123',
    ],
  },
});
