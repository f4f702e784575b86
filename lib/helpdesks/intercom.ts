import type { Channel } from '../schemas/common';
import type { MessageRole, Person, TicketContext, TranscriptMessage } from '../schemas/ticket';
import { TICKET_LIMITS as LIMITS } from '../schemas/ticket-limits';
import { apiThenPage, cleanText, clip, defineHelpdesk, getJson, pageMessages, pageText, type ReadContext, type TicketRef } from './define-helpdesk';

/**
 * Intercom. The inbox (an Ember app) reads conversations from its own origin under `/ember/`,
 * with the signed-in session; its answers are undocumented, so they are read as the conversation
 * shape of Intercom's REST API (source + conversation_parts), and anything else falls back to the
 * page.
 */
interface IntercomAuthor {
  id?: string | number | null;
  type?: string | null;
  name?: string | null;
  email?: string | null;
}
interface IntercomPart {
  id: string | number;
  part_type?: string;
  body?: string | null;
  created_at?: number | null;
  author?: IntercomAuthor | null;
}
interface IntercomConversation {
  id: string | number;
  title?: string | null;
  state?: string | null;
  admin_assignee_id?: string | number | null;
  source?: (IntercomPart & { type?: string; delivered_as?: string; subject?: string | null }) | null;
  conversation_parts?: { conversation_parts?: IntercomPart[]; total_count?: number } | IntercomPart[] | null;
}

const HOSTS = ['app.intercom.com', 'app.eu.intercom.com', 'app.au.intercom.com'];
/** `/a/inbox/<app id>/inbox/<view …>/conversation/<id>`. */
const TICKET_PATH = /^\/a\/inbox\/([a-z0-9]{1,40})\/inbox\/(?:[\w-]+\/){0,8}conversation\/(\d{1,24})\/?$/;
/**
 * `/a/apps/<app>/conversations/<id>`, the `links.conversation_web` the REST API gives a conversation,
 * and the older inbox's `/a/apps/<app>/inbox/inbox/…/<id>`: both still open the conversation.
 */
const APPS_PATH = /^\/a\/apps\/([a-z0-9]{1,40})\/(?:conversations|inbox\/inbox(?:\/[\w-]+){0,6}\/conversations?)\/(\d{1,24})\/?$/;
/** `/a/apps/<app>/inbox/inbox/<id>` without the word: only a conversation's long id, never a teammate's short one. */
const APPS_BARE_PATH = /^\/a\/apps\/([a-z0-9]{1,40})\/inbox\/inbox\/(\d{10,24})\/?$/;
/** Intercom's `source.type` values, grouped into the channels QA teams report on. */
const CHANNELS: Record<string, Channel> = {
  email: 'email',
  conversation: 'chat',
  chat: 'chat',
  push: 'messaging',
  sms: 'messaging',
  whatsapp: 'messaging',
  telegram: 'messaging',
  facebook: 'social',
  instagram: 'social',
  twitter: 'social',
  phone_call: 'voice',
  phone_switch: 'voice',
  call: 'voice',
};

export function intercomChannel(type: string | null | undefined): Channel {
  return typeof type === 'string' && Object.hasOwn(CHANNELS, type) ? (CHANNELS[type] ?? 'other') : 'other';
}

/**
 * Intercom bodies are HTML. They are never parsed: tags are dropped as text, block ends become line
 * breaks and the few entities Intercom writes are decoded, so escaped markup comes back literal.
 */
export function intercomText(html: string | null | undefined): string {
  const text = (html ?? '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|blockquote|pre)>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|#39|#x27|nbsp|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ', amp: '&' })[e] ?? '');
  return cleanText(text);
}

function roleOf(part: IntercomPart): MessageRole {
  if (part.part_type === 'note') return 'internal';
  const type = part.author?.type;
  if (type === 'user' || type === 'lead' || type === 'contact') return 'customer';
  if (type === 'bot') return 'bot';
  return 'agent';
}

const iso = (seconds: number | null | undefined) => (typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : null);

function person(author: IntercomAuthor | null | undefined): Person | null {
  const name = cleanText(author?.name) || cleanText(author?.email);
  return name ? { name: clip(name), ...(author?.email ? { email: clip(author.email) } : {}) } : null;
}

function appIdOf(ref: TicketRef): string {
  return TICKET_PATH.exec(new URL(ref.url).pathname)?.[1] ?? '';
}

async function readFromApi(ref: TicketRef, context: ReadContext): Promise<TicketContext> {
  const path = `/ember/inbox/conversations/${ref.ticketId}?app_id=${encodeURIComponent(appIdOf(ref))}`;
  const body = await getJson<{ conversation?: IntercomConversation } & IntercomConversation>(context, path, 'Intercom');
  const conversation = body.conversation ?? body;
  const rawParts = conversation.conversation_parts;
  const parts = Array.isArray(rawParts) ? rawParts : rawParts?.conversation_parts;
  if (!conversation.source || !Array.isArray(parts) || String(conversation.id) !== ref.ticketId) {
    throw new Error('Intercom answered in an unknown shape');
  }
  const all: IntercomPart[] = [conversation.source, ...parts];
  // Assignments, state changes and the like carry no words unless a teammate wrote some with them.
  const spoken = all.filter((part) => part.part_type === 'comment' || part.part_type === 'note' || part === conversation.source || intercomText(part.body));
  const kept = spoken.slice(0, LIMITS.messages);
  const messages: TranscriptMessage[] = kept.map((part) => {
    const role = roleOf(part);
    const at = iso(part.created_at);
    return {
      id: clip(String(part.id)),
      author: clip(cleanText(part.author?.name) || (role === 'bot' ? 'Intercom' : 'Unknown')),
      role,
      ...(at ? { at: clip(at) } : {}),
      text: clip(intercomText(part.body), LIMITS.messageChars),
    };
  });
  const customerAuthor = all.find((part) => roleOf(part) === 'customer')?.author;
  const assignee = conversation.admin_assignee_id == null ? undefined : all.find((part) => part.author?.type === 'admin' && String(part.author.id) === String(conversation.admin_assignee_id))?.author;
  return {
    ...ref,
    channel: intercomChannel(conversation.source.type),
    subject: clip(cleanText(conversation.title) || intercomText(conversation.source.subject)),
    status: clip(cleanText(conversation.state)),
    customer: person(customerAuthor),
    agent: person(assignee),
    messages,
    complete: true,
    ...(spoken.length > kept.length ? { problem: `Read the first ${kept.length} parts only: the rest of the conversation was not read.` } : {}),
  };
}

/** Reads what the inbox shows, through the `data-testid` hooks of the conversation stream. */
function readFromPage(ref: TicketRef, document: Document, problem: string): TicketContext {
  const text = pageText(document);
  const messages = pageMessages([...document.querySelectorAll('[data-testid="conversation-part"]')].slice(0, LIMITS.messages), {
    id: (item) => item.getAttribute('data-part-id'),
    role: (item) => {
      const author = item.getAttribute('data-author-type');
      return item.getAttribute('data-part-type') === 'note' ? 'internal' : author === 'user' || author === 'lead' ? 'customer' : author === 'bot' ? 'bot' : 'agent';
    },
    author: '[data-testid="part-author"]',
    body: '[data-testid="part-body"]',
    time: 'time[datetime]',
  });
  const customer = text('[data-testid="conversation-customer"]');
  const agent = text('[data-testid="conversation-assignee"]');
  return {
    ...ref,
    channel: intercomChannel(document.querySelector('[data-source-type]')?.getAttribute('data-source-type')),
    subject: clip(text('[data-testid="conversation-title"]')),
    status: clip(text('[data-testid="conversation-state"]')),
    customer: customer ? { name: clip(customer) } : null,
    agent: agent ? { name: clip(agent) } : null,
    messages,
    complete: messages.length > 0,
    problem: clip(problem),
  };
}

export default defineHelpdesk({
  id: 'intercom',
  label: 'Intercom',
  // The inbox is a single-page app under /a/ on each regional host.
  matches: HOSTS.map((host) => `https://${host}/a/*`),
  ticketFromUrl(url) {
    if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname) || url.port) return null;
    const match = TICKET_PATH.exec(url.pathname) ?? APPS_PATH.exec(url.pathname) ?? APPS_BARE_PATH.exec(url.pathname);
    const app = match?.[1];
    const id = match?.[2];
    return app && id ? { helpdesk: 'intercom', ticketId: id, url: `https://${url.hostname}/a/inbox/${app}/inbox/conversation/${id}` } : null;
  },
  readTicket: apiThenPage(readFromApi, readFromPage, 'the inbox API'),
  testUrls: {
    tickets: [
      'https://app.intercom.com/a/inbox/abc123de/inbox/shared/all/conversation/215467890123456',
      'https://app.intercom.com/a/inbox/abc123de/inbox/admin/4821/conversation/215467890123457?view=List',
      'https://app.eu.intercom.com/a/inbox/eu9x8y7z/inbox/conversation/98765',
      'https://app.au.intercom.com/a/inbox/au1b2c3d/inbox/team/77/conversation/12345/',
      'https://app.intercom.com/a/inbox/abc123de/inbox/search/conversation/215467890123458?query=refund',
      'https://app.intercom.com/a/apps/lkqcyt9t/conversations/137324500000000',
      'https://app.eu.intercom.com/a/apps/eu9x8y7z/inbox/inbox/4821/conversations/137324500000001',
      'https://app.intercom.com/a/apps/abc123de/inbox/inbox/137324500000002',
    ],
    nonTickets: [
      'https://app.intercom.com/a/inbox/abc123de/inbox/shared/all',
      'https://app.intercom.com/a/apps/abc123de/settings',
      'https://app.intercom.com/a/apps/abc123de/inbox/inbox/all',
      'https://app.intercom.com/a/apps/_/developer-hub',
      'https://app.intercom.com/a/apps/abc123de/reports/overview',
      'https://app.intercom.com/a/inbox/abc123de/inbox/conversation/new',
      'http://app.intercom.com/a/inbox/abc123de/inbox/conversation/98765',
      'https://api.intercom.io/conversations/98765',
      'https://app.intercom.com.evil.example/a/inbox/abc123de/inbox/conversation/98765',
      'https://app.us.intercom.com/a/inbox/abc123de/inbox/conversation/98765',
    ],
  },
});
