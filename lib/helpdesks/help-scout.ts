import type { Channel } from '../schemas/common';
import type { MessageRole, TicketContext, TranscriptMessage } from '../schemas/ticket';
import { TICKET_LIMITS as LIMITS } from '../schemas/ticket-limits';
import { clip, defineHelpdesk, pageText, type TicketRef } from './define-helpdesk';
import { waitForRender } from './wait-for-render';

/**
 * Help Scout. Its Mailbox API 2.0 lives on api.helpscout.net and wants an OAuth token, and the web
 * app at secure.helpscout.net offers no documented same-origin JSON a content script could call
 * with the session; so this adapter reads the conversation view itself: `article.thread` items
 * whose class names the thread type of the Mailbox API (`customer`, `message`, `note`, `chat`,
 * `phone`, `lineitem`) and whose id is `thread-<id>`.
 */
const HOST = 'secure.helpscout.net';
/** `/conversation/<id>/<number>/`, the number (shown in the UI) optional. */
const TICKET_PATH = /^\/conversation\/(\d{1,20})(?:\/(\d{1,20}))?\/?$/;
/** How long the view may take to render the conversation after the URL changed. */
const RENDER_WAIT_MS = 10_000;

const THREAD = 'article.thread';
const CHANNELS: Record<string, Channel> = { email: 'email', chat: 'chat', phone: 'voice' };

/** Help Scout's conversation `type` (email, chat, phone) as a channel. */
export function helpScoutChannel(type: string | null | undefined): Channel {
  return typeof type === 'string' && Object.hasOwn(CHANNELS, type) ? (CHANNELS[type] ?? 'other') : 'other';
}

function threadRole(item: Element): MessageRole | null {
  const type = item.classList;
  if (type.contains('lineitem')) return null; // "Assigned to…", "Status changed": not conversation
  if (type.contains('note')) return 'internal';
  if (type.contains('customer')) return 'customer';
  // Auto-replies and workflow messages come from no teammate.
  if (type.contains('workflow') || type.contains('auto-reply')) return 'bot';
  return 'agent';
}

/** The conversation the view shows, when it says; a stale view of the last ticket must not be read. */
function shownId(document: Document): string | null {
  return document.querySelector('[data-conversation-id]')?.getAttribute('data-conversation-id') ?? null;
}

function readPage(ref: TicketRef, document: Document): TicketContext {
  const text = pageText(document);
  const messages: TranscriptMessage[] = [];
  let dropped = false;
  for (const [index, item] of [...document.querySelectorAll(THREAD)].entries()) {
    const role = threadRole(item);
    if (!role) continue;
    if (messages.length >= LIMITS.messages) {
      dropped = true;
      break;
    }
    const at = item.querySelector('time[datetime]')?.getAttribute('datetime');
    const id = /^thread-(\d+)$/.exec(item.id)?.[1] ?? String(index + 1);
    messages.push({
      id: clip(id),
      author: clip(text('.threadHeader .name', item) || (role === 'bot' ? 'Help Scout' : 'Unknown')),
      role,
      ...(at ? { at: clip(at) } : {}),
      text: clip(text('.messageBody', item), LIMITS.messageChars),
    });
  }
  // The view lists threads newest first by default (an agent may flip it): a transcript runs oldest first.
  const times = messages.map((m) => Date.parse(m.at ?? ''));
  if (times.every((t) => !Number.isNaN(t))) {
    const order = messages.map((m, i) => ({ m, t: times[i] ?? 0, i })).sort((x, y) => x.t - y.t || y.i - x.i);
    messages.splice(0, messages.length, ...order.map((o) => o.m));
  }
  const customer = text('[data-cy="CustomerName"]');
  const agent = text('[data-cy="AssigneeName"]');
  const type = document.querySelector('[data-conversation-type]')?.getAttribute('data-conversation-type');
  const problems = [
    ...(messages.length ? [] : ['Found no conversation on the page: Help Scout may still be loading it.']),
    ...(dropped ? [`Read the first ${messages.length} threads only.`] : []),
  ];
  return {
    ...ref,
    channel: helpScoutChannel(type),
    subject: clip(text('[data-cy="ConversationSubject"]')),
    status: clip(text('[data-cy="ConversationStatus"]')),
    customer: customer ? { name: clip(customer) } : null,
    agent: agent ? { name: clip(agent) } : null,
    messages,
    complete: messages.length > 0,
    ...(problems.length ? { problem: clip(problems.join(' ')) } : {}),
  };
}

export default defineHelpdesk({
  id: 'help-scout',
  label: 'Help Scout',
  // The app moves between mailboxes, searches and conversations without reloading.
  matches: [`https://${HOST}/conversation/*`, `https://${HOST}/mailbox/*`, `https://${HOST}/dashboard*`, `https://${HOST}/search/*`],
  ticketFromUrl(url) {
    if (url.protocol !== 'https:' || url.hostname !== HOST || url.port) return null;
    const match = TICKET_PATH.exec(url.pathname);
    const id = match?.[1];
    if (!id) return null;
    const number = match[2];
    return { helpdesk: 'help-scout', ticketId: id, url: `https://${HOST}/conversation/${id}${number ? `/${number}` : ''}` };
  },
  async readTicket(ref, context) {
    const { document, signal } = context;
    // Wait for a view of this conversation (or one that does not say which) with an item in it.
    const ready = () => {
      const shown = shownId(document);
      return (shown === null || shown === ref.ticketId) && document.querySelector(THREAD) !== null ? true : null;
    };
    await waitForRender(document, ready, { signal, timeoutMs: RENDER_WAIT_MS, attributeFilter: ['data-conversation-id'] });
    signal.throwIfAborted();
    const shown = shownId(document);
    if (shown !== null && shown !== ref.ticketId) {
      return readPage(ref, document.implementation.createHTMLDocument(''));
    }
    return readPage(ref, document);
  },
  testUrls: {
    tickets: [
      'https://secure.helpscout.net/conversation/2391938111/349',
      'https://secure.helpscout.net/conversation/2199011258/891142?folderId=39835',
      'https://secure.helpscout.net/conversation/3002667039/22184/?viewId=8492330#thread-88171881',
      'https://secure.helpscout.net/conversation/1229180365',
    ],
    nonTickets: [
      'https://secure.helpscout.net/mailbox/85/39835/',
      'https://secure.helpscout.net/dashboard/',
      'https://secure.helpscout.net/conversation/new',
      'https://secure.helpscout.net/conversation/2391938111/349/edit',
      'http://secure.helpscout.net/conversation/2391938111/349',
      'https://api.helpscout.net/v2/conversations/2391938111',
      'https://secure.helpscout.net.evil.example/conversation/2391938111/349',
    ],
  },
});
