import type { Channel } from '../schemas/common';
import type { MessageRole, Person, TicketContext, TranscriptMessage } from '../schemas/ticket';
import { TICKET_LIMITS as LIMITS } from '../schemas/ticket-limits';
import { apiThenPage, cleanText, clip, defineHelpdesk, getJson, pageMessages, pageText, type ReadContext, type TicketRef } from './define-helpdesk';

/**
 * Shapes of the Zoho Desk API v1 (desk.zoho.com/DeskAPIDocument). The agent app calls it on its own
 * origin under `/supportapi/zd/<portal>/api/v1/…` with the session cookie.
 */
interface ZohoPerson {
  id?: string;
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  email?: string | null;
  type?: string | null;
}
interface ZohoTicket {
  id: string;
  ticketNumber?: string;
  subject?: string | null;
  status?: string | null;
  channel?: string | null;
  contactId?: string | null;
  assigneeId?: string | null;
  contact?: ZohoPerson | null;
  assignee?: ZohoPerson | null;
}
interface ZohoThread {
  id: string;
  channel?: string | null;
  direction?: 'in' | 'out' | string;
  visibility?: string | null;
  author?: ZohoPerson | null;
  summary?: string | null;
  plainText?: string | null;
  createdTime?: string;
}
interface ZohoComment {
  id: string;
  isPublic?: boolean;
  content?: string | null;
  contentType?: string | null;
  commenter?: ZohoPerson | null;
  commentedTime?: string;
}
interface ZohoList<T> {
  data?: T[];
}

const HOSTS = new Set([
  'desk.zoho.com',
  'desk.zoho.eu',
  'desk.zoho.in',
  'desk.zoho.com.au',
  'desk.zoho.jp',
  'desk.zoho.com.cn',
  'desk.zohocloud.ca',
  'desk.zoho.sa',
  'desk.zoho.uk',
]);
const TICKET_PATH = /^\/agent\/([A-Za-z0-9_-]+)\/([A-Za-z0-9_.-]+)\/tickets\/details\/(\d+)(?:\/|$)/;
/**
 * The older desk, still served and still the `webUrl` the API gives every ticket:
 * `/support/<portal>/ShowHomePage.do#Cases/dv/<id>`. It names no department.
 */
const LEGACY_PATH = /^\/support\/([A-Za-z0-9_-]+)\/ShowHomePage\.do$/;
const LEGACY_HASH = /^#Cases\/dv\/(\d+)(?:\/|$)/;
/** Threads and comments per request (the API's maximum) and pages followed at most. */
const PAGE = 100;
const MAX_PAGES = 50;
/** Threads whose full plain text is fetched one by one; later ones keep the list's summary. */
const MAX_THREAD_BODIES = 100;

/** Zoho Desk `channel` values (case and spacing vary), grouped into the channels QA teams report on. */
const CHANNELS: Record<string, Channel> = {
  email: 'email',
  web: 'email',
  feedbackwidget: 'email',
  forums: 'other',
  chat: 'chat',
  phone: 'voice',
  twitter: 'social',
  facebook: 'social',
  instagram: 'social',
  whatsapp: 'messaging',
  telegram: 'messaging',
  line: 'messaging',
  wechat: 'messaging',
  im: 'messaging',
  sms: 'messaging',
};

export function zohoDeskChannel(channel: unknown): Channel {
  if (typeof channel !== 'string') return 'other';
  const key = channel.toLowerCase().replace(/[^a-z]/g, '');
  return Object.hasOwn(CHANNELS, key) ? (CHANNELS[key] ?? 'other') : 'other';
}

function fullName(p: ZohoPerson | null | undefined): string {
  return cleanText(p?.name) || cleanText([p?.firstName, p?.lastName].filter(Boolean).join(' '));
}

function person(p: ZohoPerson | null | undefined): Person | null {
  const name = fullName(p) || cleanText(p?.email);
  return name ? { name: clip(name), ...(p?.email ? { email: clip(p.email) } : {}) } : null;
}

/** Comments may be stored as HTML; only the text between tags is kept, and it is never rendered. */
function commentText(comment: ZohoComment): string {
  const content = comment.content ?? '';
  if (comment.contentType !== 'html') return content;
  return content
    .replace(/<br\s*\/?>|<\/(p|div|li)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The organisation id the app itself sends (its `desk_urls` bootstrap script), when the page shows it. */
function orgIdFrom(document: Document): string | null {
  for (const script of document.querySelectorAll('script:not([src])')) {
    const id = /\borgId["']?\s*[:=]\s*["']?(\d{1,30})\b/.exec((script.textContent ?? '').slice(0, 200_000))?.[1];
    if (id) return id;
  }
  return null;
}

/** Zoho Desk answers an empty list with 204 No Content. */
function zohoJson<T>(context: ReadContext, path: string): Promise<T> {
  return getJson<T>(context, path, 'Zoho Desk', { noContent: {} as T });
}

async function readList<T>(context: ReadContext, path: string, query: string, cap: number): Promise<{ items: T[]; unread: boolean }> {
  const items: T[] = [];
  for (let page = 0; ; page++) {
    if (page === MAX_PAGES || items.length >= cap) return { items, unread: true };
    const body = await zohoJson<ZohoList<T>>(context, `${path}?from=${page * PAGE + 1}&limit=${PAGE}${query}`);
    const data = Array.isArray(body.data) ? body.data : [];
    for (const item of data) if (items.length < cap) items.push(item);
    if (data.length < PAGE) return { items, unread: false };
  }
}

function threadRole(thread: ZohoThread): MessageRole {
  if (thread.visibility === 'private') return 'internal';
  const type = thread.author?.type?.toUpperCase();
  if (type === 'END_USER' || thread.direction === 'in') return 'customer';
  if (!thread.author || type === 'SYSTEM' || type === 'BOT') return 'bot';
  return 'agent';
}

async function readFromApi(ref: TicketRef, context: ReadContext): Promise<TicketContext> {
  const portal = parse(new URL(ref.url))?.portal;
  if (!portal) throw new Error('the ticket URL names no portal');
  const orgId = orgIdFrom(context.document);
  const org = orgId ? `&orgId=${orgId}` : '';
  const base = `/supportapi/zd/${portal}/api/v1/tickets/${ref.ticketId}`;
  const ticket = await zohoJson<ZohoTicket>(context, `${base}?include=contacts,assignee${org}`);
  const threads = await readList<ZohoThread>(context, `${base}/threads`, org, LIMITS.messages);
  const comments = await readList<ZohoComment>(context, `${base}/comments`, org, LIMITS.messages);

  // The thread list carries a summary only; the full text comes from each thread.
  let summarised = 0;
  const bodies: (string | null)[] = [];
  for (const [index, thread] of threads.items.entries()) {
    if (index >= MAX_THREAD_BODIES) {
      bodies.push(null);
      summarised++;
      continue;
    }
    const full = await zohoJson<ZohoThread>(context, `${base}/threads/${thread.id}?include=plainText${org}`);
    bodies.push(full.plainText ?? null);
  }

  const entries: { at: string; message: TranscriptMessage }[] = [];
  threads.items.forEach((thread, index) => {
    const role = threadRole(thread);
    entries.push({
      at: thread.createdTime ?? '',
      message: {
        id: clip(String(thread.id)),
        author: clip(fullName(thread.author) || cleanText(thread.author?.email) || (role === 'bot' ? 'Zoho Desk' : 'Unknown')),
        role,
        ...(thread.createdTime ? { at: clip(thread.createdTime) } : {}),
        text: clip(cleanText(bodies[index] ?? thread.summary), LIMITS.messageChars),
      },
    });
  });
  for (const comment of comments.items) {
    entries.push({
      at: comment.commentedTime ?? '',
      message: {
        id: clip(String(comment.id)),
        author: clip(fullName(comment.commenter) || 'Unknown'),
        // Private comments are notes for the team; public ones the customer sees on the portal.
        role: comment.isPublic === true ? 'agent' : 'internal',
        ...(comment.commentedTime ? { at: clip(comment.commentedTime) } : {}),
        text: clip(cleanText(commentText(comment)), LIMITS.messageChars),
      },
    });
  }
  // Threads and comments are two lists: one conversation in time order (a stable sort keeps ties in place).
  entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const messages = entries.slice(0, LIMITS.messages).map((entry) => entry.message);
  const problems: string[] = [];
  if (threads.unread || comments.unread || entries.length > LIMITS.messages) problems.push(`Read the first ${messages.length} messages only: the rest of the conversation was not read.`);
  if (summarised > 0) problems.push(`${summarised} later threads show their summary only.`);

  return {
    ...ref,
    channel: zohoDeskChannel(ticket.channel),
    subject: clip(cleanText(ticket.subject)),
    status: clip(cleanText(ticket.status)),
    customer: person(ticket.contact),
    agent: person(ticket.assignee),
    messages,
    complete: true,
    ...(problems.length ? { problem: clip(problems.join(' ')) } : {}),
  };
}

/** Reads what the agent app shows, through the data-test-id hooks of the fixture app. */
function readFromPage(ref: TicketRef, document: Document, problem: string): TicketContext {
  const text = pageText(document);
  const messages = pageMessages([...document.querySelectorAll('[data-test-id="thread-item"]')].slice(0, LIMITS.messages), {
    id: (item) => item.getAttribute('data-thread-id'),
    role: (item) => {
      const kind = item.getAttribute('data-kind');
      return kind === 'private' ? 'internal' : kind === 'in' ? 'customer' : 'agent';
    },
    author: '[data-test-id="thread-author"]',
    body: '[data-test-id="thread-content"]',
  });
  const customer = text('[data-test-id="ticket-contact"]');
  const agent = text('[data-test-id="ticket-assignee"]');
  return {
    ...ref,
    channel: zohoDeskChannel(document.querySelector('[data-test-id="ticket-channel"]')?.getAttribute('data-channel')),
    subject: clip(text('[data-test-id="ticket-subject"]')),
    status: clip(text('[data-test-id="ticket-status"]')),
    customer: customer ? { name: clip(customer) } : null,
    agent: agent ? { name: clip(agent) } : null,
    messages,
    complete: messages.length > 0,
    problem: clip(problem),
  };
}

function parse(url: URL): { portal: string; department: string; id: string } | null {
  if (url.protocol !== 'https:' || url.port !== '' || !HOSTS.has(url.hostname)) return null;
  const match = TICKET_PATH.exec(url.pathname);
  if (match?.[1] && match[2] && match[3]) return { portal: match[1], department: match[2], id: match[3] };
  const portal = LEGACY_PATH.exec(url.pathname)?.[1];
  const id = portal ? LEGACY_HASH.exec(url.hash)?.[1] : undefined;
  return portal && id ? { portal, department: '', id } : null;
}

export default defineHelpdesk({
  id: 'zoho-desk',
  label: 'Zoho Desk',
  matches: [...HOSTS].flatMap((host) => [`https://${host}/agent/*`, `https://${host}/support/*`]),
  ticketFromUrl(url) {
    const parts = parse(url);
    return parts
      ? {
          helpdesk: 'zoho-desk',
          ticketId: parts.id,
          // Without a department, the ticket keeps the older desk's link, which the API gives as its webUrl.
          url: parts.department
            ? `${url.origin}/agent/${parts.portal}/${parts.department}/tickets/details/${parts.id}`
            : `${url.origin}/support/${parts.portal}/ShowHomePage.do#Cases/dv/${parts.id}`,
        }
      : null;
  },
  readTicket: apiThenPage(readFromApi, readFromPage),
  testUrls: {
    tickets: [
      'https://desk.zoho.com/agent/acme/support/tickets/details/712000000456001',
      'https://desk.zoho.eu/agent/acme-eu/billing/tickets/details/44000000123/conversation',
      'https://desk.zoho.com.au/agent/acme/support/tickets/details/9001',
      'https://desk.zohocloud.ca/agent/acme/support/tickets/details/9002?tab=history',
      'https://desk.zoho.in/agent/acme-in/support/tickets/details/134512000007784001',
      'https://desk.zoho.jp/agent/acme-jp/support/tickets/details/9003',
      'https://desk.zoho.sa/agent/acme-sa/support/tickets/details/9004',
      'https://desk.zoho.com.cn/agent/acme-cn/support/tickets/details/10504000000165033',
      'https://desk.zoho.uk/agent/acme-uk/support/tickets/details/9005',
      'https://desk.zoho.in/support/simpliigence/ShowHomePage.do#Cases/dv/134512000007784002',
      'https://desk.zoho.com/support/acme/ShowHomePage.do#Cases/dv/712000000456002',
    ],
    nonTickets: [
      'https://desk.zoho.com/agent/acme/support/tickets/list/all-cases',
      'https://desk.zoho.com/agent/acme/support/dashboard',
      'https://desk.zoho.com/portal/acme/en/home',
      'https://desk.zoho.com/support/acme/ShowHomePage.do#Cases',
      'https://desk.zoho.com/support/acme/ShowHomePage.do#Cases/q/all-open',
      'https://desk.zoho.com/agent/acme/support/setup/general',
      'https://desk.zoho.com/agent/acme/support/reports/list',
      'https://desk.zoho.ca/agent/acme/support/tickets/details/9002',
      'http://desk.zoho.com/agent/acme/support/tickets/details/712000000456001',
      'https://desk.zoho.com.evil.example/agent/acme/support/tickets/details/1',
      'https://crm.zoho.com/agent/acme/support/tickets/details/1',
    ],
  },
});
