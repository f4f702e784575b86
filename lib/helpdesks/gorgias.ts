import type { Channel } from '../schemas/common';
import type { MessageRole, Person, TicketContext, TranscriptMessage } from '../schemas/ticket';
import { TICKET_LIMITS as LIMITS } from '../schemas/ticket-limits';
import { apiThenPage, cleanText, clip, defineHelpdesk, getJson, pageMessages, pageText, type ReadContext, type TicketRef } from './define-helpdesk';

/** Shapes of the Gorgias REST API (developers.gorgias.com), which the helpdesk app calls on its own origin. */
interface GorgiasPerson {
  id?: number;
  name?: string | null;
  firstname?: string | null;
  lastname?: string | null;
  email?: string | null;
}
interface GorgiasMessage {
  id: number;
  channel?: string | null;
  via?: string | null;
  public?: boolean;
  from_agent?: boolean;
  sender?: GorgiasPerson | null;
  source?: { type?: string | null; from?: { name?: string | null; address?: string | null } | null } | null;
  body_text?: string | null;
  stripped_text?: string | null;
  created_datetime?: string | null;
}
interface GorgiasTicket {
  id: number;
  subject?: string | null;
  status?: string | null;
  channel?: string | null;
  customer?: GorgiasPerson | null;
  assignee_user?: GorgiasPerson | null;
  messages?: GorgiasMessage[];
}
interface MessagesPage {
  data?: GorgiasMessage[];
  meta?: { next_cursor?: string | null };
}

/** `/app/ticket/<id>`, or a ticket opened inside a view: `/app/views/<view id>/<ticket id>`. */
const TICKET_PATH = /^\/app\/(?:ticket|views\/\d+)\/(\d+)(?:\/|$)/;
const HOST = /^[a-z0-9][a-z0-9-]*\.gorgias\.com$/;
const MAX_PAGES = 50;
/** Automated senders: rules, self-service flows and the AI agent. */
const BOT_VIA = new Set(['rule', 'self_service', 'automation', 'ai-agent', 'gorgias_ai']);

/** Gorgias channel slugs, grouped into the channels QA teams report on. */
const CHANNELS: Record<string, Channel> = {
  email: 'email',
  'contact_form': 'email',
  'contact-form': 'email',
  'help-center': 'email',
  chat: 'chat',
  facebook: 'social',
  'facebook-messenger': 'social',
  'facebook-mention': 'social',
  'facebook-recommendations': 'social',
  instagram: 'social',
  'instagram-comment': 'social',
  'instagram-ad-comment': 'social',
  'instagram-direct-message': 'social',
  'instagram-mention': 'social',
  twitter: 'social',
  'twitter-direct-message': 'social',
  'yotpo-review': 'social',
  sms: 'messaging',
  whatsapp: 'messaging',
  phone: 'voice',
  aircall: 'voice',
};

export function gorgiasChannel(channel: unknown): Channel {
  return typeof channel === 'string' && Object.hasOwn(CHANNELS, channel) ? (CHANNELS[channel] ?? 'other') : 'other';
}

function fullName(p: GorgiasPerson | null | undefined): string {
  return cleanText(p?.name) || cleanText([p?.firstname, p?.lastname].filter(Boolean).join(' '));
}

function person(p: GorgiasPerson | null | undefined): Person | null {
  const name = fullName(p) || cleanText(p?.email);
  return name ? { name: clip(name), ...(p?.email ? { email: clip(p.email) } : {}) } : null;
}

function messageRole(message: GorgiasMessage): MessageRole {
  if (message.channel === 'internal-note' || message.public === false) return 'internal';
  if (message.from_agent !== true) return 'customer';
  if (typeof message.via === 'string' && BOT_VIA.has(message.via)) return 'bot';
  return 'agent';
}

/** The messages list, for a ticket answer that carries none: cursor pages of 100. */
async function readMessages(context: ReadContext, id: string): Promise<{ messages: GorgiasMessage[]; unread: boolean }> {
  const messages: GorgiasMessage[] = [];
  let cursor: string | null = null;
  for (let page = 0; ; page++) {
    if (page === MAX_PAGES || messages.length >= LIMITS.messages) return { messages, unread: true };
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const body: MessagesPage = await getJson<MessagesPage>(context, `/api/tickets/${id}/messages?limit=100&order_by=created_datetime:asc${query}`, 'Gorgias');
    for (const message of body.data ?? []) if (messages.length < LIMITS.messages) messages.push(message);
    cursor = body.meta?.next_cursor ?? null;
    if (!cursor) return { messages, unread: false };
  }
}

async function readFromApi(ref: TicketRef, context: ReadContext): Promise<TicketContext> {
  const ticket = await getJson<GorgiasTicket>(context, `/api/tickets/${ref.ticketId}`, 'Gorgias');
  const { messages: raw, unread } = Array.isArray(ticket.messages)
    ? { messages: ticket.messages.slice(0, LIMITS.messages), unread: ticket.messages.length > LIMITS.messages }
    : await readMessages(context, ref.ticketId);
  const messages: TranscriptMessage[] = raw.map((message) => {
    const role = messageRole(message);
    const author = fullName(message.sender) || cleanText(message.source?.from?.name) || cleanText(message.sender?.email) || cleanText(message.source?.from?.address);
    return {
      id: clip(String(message.id)),
      author: clip(author || (role === 'bot' ? 'Gorgias' : 'Unknown')),
      role,
      ...(message.created_datetime ? { at: clip(message.created_datetime) } : {}),
      text: clip(cleanText(message.body_text ?? message.stripped_text), LIMITS.messageChars),
    };
  });
  return {
    ...ref,
    channel: gorgiasChannel(ticket.channel),
    subject: clip(cleanText(ticket.subject)),
    status: clip(cleanText(ticket.status)),
    customer: person(ticket.customer),
    agent: person(ticket.assignee_user),
    messages,
    complete: true,
    ...(unread ? { problem: `Read the first ${messages.length} messages only: the rest of the conversation was not read.` } : {}),
  };
}

/** Reads what the helpdesk app shows, through the data-testid hooks of the fixture app. */
function readFromPage(ref: TicketRef, document: Document, problem: string): TicketContext {
  const text = pageText(document);
  const messages = pageMessages([...document.querySelectorAll('[data-testid="ticket-message"]')].slice(0, LIMITS.messages), {
    id: (item) => item.getAttribute('data-message-id'),
    role: (item) =>
      item.getAttribute('data-channel') === 'internal-note' ? 'internal' : item.getAttribute('data-from-agent') === 'true' ? 'agent' : 'customer',
    author: '[data-testid="message-sender"]',
    body: '[data-testid="message-body"]',
  });
  const customer = text('[data-testid="ticket-customer"]');
  const agent = text('[data-testid="ticket-assignee"]');
  return {
    ...ref,
    channel: gorgiasChannel(document.querySelector('[data-testid="ticket-channel"]')?.getAttribute('data-channel')),
    subject: clip(text('[data-testid="ticket-subject"]')),
    status: clip(text('[data-testid="ticket-status"]')),
    customer: customer ? { name: clip(customer) } : null,
    agent: agent ? { name: clip(agent) } : null,
    messages,
    complete: messages.length > 0,
    problem: clip(problem),
  };
}

export default defineHelpdesk({
  id: 'gorgias',
  label: 'Gorgias',
  matches: ['https://*.gorgias.com/app/*'],
  ticketFromUrl(url) {
    if (url.protocol !== 'https:' || url.port !== '' || !HOST.test(url.hostname)) return null;
    const id = TICKET_PATH.exec(url.pathname)?.[1];
    return id ? { helpdesk: 'gorgias', ticketId: id, url: `${url.origin}/app/ticket/${id}` } : null;
  },
  readTicket: apiThenPage(readFromApi, readFromPage),
  testUrls: {
    tickets: [
      'https://acme.gorgias.com/app/ticket/123',
      'https://shop-eu.gorgias.com/app/ticket/98765?view=1',
      'https://acme.gorgias.com/app/views/1384557/202493877',
      'https://acme.gorgias.com/app/views/19510/56381280/',
    ],
    nonTickets: [
      'https://acme.gorgias.com/app/tickets',
      'https://acme.gorgias.com/app/views/1234',
      'https://acme.gorgias.com/app/ticket/new',
      'https://acme.gorgias.com/app/views/1384557/new',
      'https://acme.gorgias.com/app/settings/channels/email',
      'https://acme.gorgias.com/app/stats/overview',
      'https://acme.gorgias.com/api/tickets/123',
      'http://acme.gorgias.com/app/ticket/123',
      'https://gorgias.com.evil.example/app/ticket/123',
    ],
  },
});
