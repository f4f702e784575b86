import type { Channel } from '../schemas/common';
import type { MessageRole, Person, TicketContext, TranscriptMessage } from '../schemas/ticket';
import { TICKET_LIMITS as LIMITS } from '../schemas/ticket-limits';
import { apiThenPage, cleanText, clip, defineHelpdesk, getJson, pageMessages, pageText, type ReadContext, type TicketRef } from './define-helpdesk';

/** Shapes of the Zendesk Support API (v2) that the agent app itself uses. */
interface ZendeskUser {
  id: number;
  name: string;
  email?: string | null;
  role?: 'end-user' | 'agent' | 'admin' | string;
}
interface ZendeskTicket {
  id: number;
  subject?: string | null;
  raw_subject?: string | null;
  status?: string;
  requester_id?: number | null;
  assignee_id?: number | null;
  via?: { channel?: string | number };
}
interface ZendeskComment {
  id: number;
  author_id: number;
  body?: string;
  plain_body?: string;
  public?: boolean;
  created_at?: string;
  via?: { channel?: string | number };
}
interface TicketResponse {
  ticket: ZendeskTicket;
  users?: ZendeskUser[];
}
interface CommentsResponse {
  comments: ZendeskComment[];
  users?: ZendeskUser[];
  next_page?: string | null;
}

const TICKET_PATH = /^\/agent\/tickets\/(\d+)(?:\/|$)/;
/** Older links still served (they redirect to the agent workspace): `/tickets/<id>` and the hash routes `/agent/#/tickets/<id>`. */
const LEGACY_PATH = /^\/tickets\/(\d+)(?:\/|$)/;
const LEGACY_HASH = /^#\/tickets\/(\d+)(?:\/|$)/;
/** Comments pages followed at most (100 comments each): a bound against a runaway `next_page` chain. */
const MAX_COMMENT_PAGES = 50;
/** Zendesk's `via.channel` values, grouped into the channels QA teams report on. */
const CHANNELS: Record<string, Channel> = {
  email: 'email',
  mail: 'email',
  web: 'email',
  web_form: 'email',
  chat: 'chat',
  chat_transcript: 'chat',
  native_messaging: 'messaging',
  messaging: 'messaging',
  sunshine_conversations_api: 'messaging',
  whatsapp: 'messaging',
  line: 'messaging',
  wechat: 'messaging',
  sms: 'messaging',
  twitter: 'social',
  facebook: 'social',
  instagram_dm: 'social',
  any_channel: 'social',
  voice: 'voice',
  phone_call_inbound: 'voice',
  phone_call_outbound: 'voice',
  voicemail: 'voice',
};

export function zendeskChannel(via: string | number | undefined): Channel {
  // Own keys only: `constructor` or `toString` must not come back from Object.prototype.
  return typeof via === 'string' && Object.hasOwn(CHANNELS, via) ? (CHANNELS[via] ?? 'other') : 'other';
}

function person(user: ZendeskUser | undefined): Person | null {
  return user ? { name: clip(user.name), ...(user.email ? { email: clip(user.email) } : {}) } : null;
}

function messageRole(comment: ZendeskComment, author: ZendeskUser | undefined, requesterId: number | null | undefined): MessageRole {
  if (comment.public === false) return 'internal';
  // Zendesk attributes automated replies (triggers, bots) to system users with no sideloaded profile.
  if (!author) return 'bot';
  if (author.role === 'end-user' || author.id === requesterId) return 'customer';
  return 'agent';
}

async function readFromApi(ref: TicketRef, context: ReadContext): Promise<TicketContext> {
  const commentsPath = `/api/v2/tickets/${ref.ticketId}/comments.json`;
  const firstPagePath = `${commentsPath}?include=users&sort_order=asc`;
  // Both asked for at once: waiting for the ticket before asking for its comments cost a whole round
  // trip, and on a huge ticket the helpdesk is slowest to answer just then (the agent app is loading
  // the same conversation). When the ticket fails, the first page's answer is dropped, unread.
  const ticketRead = getJson<TicketResponse>(context, `/api/v2/tickets/${ref.ticketId}.json?include=users`, 'Zendesk');
  const firstPage = getJson<CommentsResponse>(context, firstPagePath, 'Zendesk');
  firstPage.catch(() => undefined);
  const { ticket, users = [] } = await ticketRead;
  const people = new Map(users.map((u) => [u.id, u]));
  const comments: ZendeskComment[] = [];
  let next: string | null = firstPagePath;
  /** Set when part of the conversation was left unread: a page cap, the message limit or a refused link. */
  let unread = false;
  for (let page = 0; next; page++) {
    if (page === MAX_COMMENT_PAGES || comments.length >= LIMITS.messages) {
      unread = true;
      break;
    }
    const body: CommentsResponse = page === 0 ? await firstPage : await getJson<CommentsResponse>(context, next, 'Zendesk');
    // A loop, not push(...spread): a huge page must not overflow the call stack.
    for (const comment of body.comments) {
      if (comments.length < LIMITS.messages) comments.push(comment);
      else unread = true;
    }
    for (const user of body.users ?? []) people.set(user.id, user);
    next = body.next_page ? nextCommentsPath(body.next_page, commentsPath) : null;
    if (body.next_page && !next) unread = true;
  }
  const messages: TranscriptMessage[] = comments.map((comment) => {
    const author = people.get(comment.author_id);
    return {
      id: clip(String(comment.id)),
      author: clip(author?.name ?? 'Zendesk'),
      role: messageRole(comment, author, ticket.requester_id),
      ...(comment.created_at ? { at: clip(comment.created_at) } : {}),
      text: clip(cleanText(comment.plain_body ?? comment.body), LIMITS.messageChars),
    };
  });
  return {
    ...ref,
    channel: zendeskChannel(ticket.via?.channel),
    subject: clip(ticket.subject ?? ticket.raw_subject ?? ''),
    status: clip(ticket.status ?? ''),
    customer: person(people.get(ticket.requester_id ?? -1)),
    agent: person(people.get(ticket.assignee_id ?? -1)),
    messages,
    complete: true,
    ...(unread ? { problem: `Read the first ${messages.length} comments only: the rest of the conversation was not read.` } : {}),
  };
}

/**
 * Follows `next_page` only to this ticket's comments, as a path on the page's own origin, whatever
 * host a response names; any other link ends the reading (and the ticket says so).
 */
function nextCommentsPath(link: string, commentsPath: string): string | null {
  try {
    const url = new URL(link, 'https://placeholder.invalid');
    return url.pathname === commentsPath ? `${url.pathname}${url.search}` : null;
  } catch {
    return null;
  }
}

/** Reads what the agent workspace shows, through its `data-test-id` attributes. */
function readFromPage(ref: TicketRef, document: Document, problem: string): TicketContext {
  const text = pageText(document);
  const name = (selector: string) => text(selector) || null;
  const messages = pageMessages([...document.querySelectorAll('[data-test-id="omni-log-comment-item"]')].slice(0, LIMITS.messages), {
    id: (item) => item.getAttribute('data-comment-id'),
    role: (item) => {
      const internal = item.getAttribute('data-comment-public') === 'false' || item.querySelector('[data-test-id="omni-log-internal-note-tag"]') !== null;
      return internal ? 'internal' : item.getAttribute('data-author-role') === 'end-user' ? 'customer' : 'agent';
    },
    author: '[data-test-id="omni-log-item-sender"]',
    body: '[data-test-id="omni-log-message-content"]',
  });
  const customer = name('[data-test-id="ticket-system-field-requester-select"] [data-garden-id="tags.tag_view"], [data-test-id="ticket-requester-name"]');
  const agent = name('[data-test-id="assignee-field-selected-agent-tag"], [data-test-id="ticket-assignee-name"]');
  return {
    ...ref,
    channel: zendeskChannel(document.querySelector('[data-test-id="ticket-channel"]')?.getAttribute('data-channel') ?? undefined),
    subject: clip(text('[data-test-id="omni-header-subject"]')),
    status: clip(text('[data-test-id="ticket-status"]')),
    customer: customer ? { name: clip(customer) } : null,
    agent: agent ? { name: clip(agent) } : null,
    messages,
    complete: messages.length > 0,
    problem: clip(problem),
  };
}

export default defineHelpdesk({
  id: 'zendesk',
  label: 'Zendesk',
  matches: ['https://*.zendesk.com/agent/*', 'https://*.zendesk.com/tickets/*'],
  ticketFromUrl(url) {
    if (url.protocol !== 'https:' || !url.hostname.endsWith('.zendesk.com')) return null;
    const id =
      TICKET_PATH.exec(url.pathname)?.[1] ??
      LEGACY_PATH.exec(url.pathname)?.[1] ??
      (url.pathname === '/agent/' || url.pathname === '/agent' ? LEGACY_HASH.exec(url.hash)?.[1] : undefined);
    return id ? { helpdesk: 'zendesk', ticketId: id, url: `${url.origin}/agent/tickets/${id}` } : null;
  },
  readTicket: apiThenPage(readFromApi, readFromPage),
  testUrls: {
    tickets: [
      'https://acme.zendesk.com/agent/tickets/123',
      'https://acme.zendesk.com/agent/tickets/123/events',
      'https://support-eu.zendesk.com/agent/tickets/98765?foo=bar',
      'https://acme.zendesk.com/tickets/124',
      'https://acme.zendesk.com/agent/#/tickets/125',
      'https://acme.zendesk.com/agent/#/tickets/126/events',
    ],
    nonTickets: [
      'https://acme.zendesk.com/agent/dashboard',
      'https://acme.zendesk.com/agent/tickets/new/1',
      'https://acme.zendesk.com/agent/filters/360001',
      'https://acme.zendesk.com/agent/#/dashboard',
      'https://acme.zendesk.com/agent/views/360002',
      'https://acme.zendesk.com/agent/admin/people',
      'https://acme.zendesk.com/agent/reporting/analytics',
      'https://acme.zendesk.com/tickets/new',
      'https://acme.zendesk.com/hc/en-us/requests/123',
      'http://acme.zendesk.com/agent/tickets/123',
      'https://zendesk.com.evil.example/agent/tickets/123',
    ],
  },
});
