import type { Channel } from '../schemas/common';
import type { MessageRole, TicketContext } from '../schemas/ticket';
import { TICKET_LIMITS as LIMITS } from '../schemas/ticket-limits';
import { clip, defineHelpdesk, pageMessages, pageText, type TicketRef } from './define-helpdesk';
import { waitForRender } from './wait-for-render';

/**
 * Front. The Core API is on api2.frontapp.com and wants an API token; the web app's own endpoints
 * on app.frontapp.com are undocumented, so this adapter reads the conversation view: message items
 * marked with Core API fields (`data-message-id`, `data-is-inbound`, `data-message-type`) and
 * comments (internal) in one timeline.
 */
const HOST = 'app.frontapp.com';
/** `/open/cnv_<base36>`, or any inbox view ending in `/conversations/<numeric id or cnv_…>`. */
const OPEN_PATH = /^\/open\/cnv_([0-9a-z]{1,16})\/?$/;
const VIEW_PATH = /^\/(?:[\w-]+\/){1,12}conversations\/(\d{1,16}|cnv_[0-9a-z]{1,16})(?:\/(?:messages\/[\w-]+\/?)?)?$/;
const RENDER_WAIT_MS = 10_000;

const ITEM = '[data-testid="timeline-item"]';
/** Front message types (Core API `type`), grouped into the channels QA teams report on. */
const CHANNELS: Record<string, Channel> = {
  email: 'email',
  front_chat: 'chat',
  intercom: 'chat',
  sms: 'messaging',
  whatsapp: 'messaging',
  yalo_wha: 'messaging',
  smooch: 'messaging',
  googleplay: 'messaging',
  tweet: 'social',
  tweet_dm: 'social',
  facebook: 'social',
  instagram: 'social',
  call: 'voice',
  'phone-call': 'voice',
  'truly-call': 'voice',
};

export function frontChannel(type: string | null | undefined): Channel {
  return typeof type === 'string' && Object.hasOwn(CHANNELS, type) ? (CHANNELS[type] ?? 'other') : 'other';
}

/**
 * The `cnv_` id of a conversation: Front's URLs carry the numeric id, the API its base-36 form.
 * Null for a number too large to convert exactly.
 */
export function frontConversationId(raw: string): string | null {
  const lower = raw.toLowerCase();
  if (lower.startsWith('cnv_')) return /^cnv_[0-9a-z]+$/.test(lower) ? lower.replace(/^cnv_0+(?=.)/, 'cnv_') : null;
  const n = Number(lower);
  return /^\d+$/.test(lower) && Number.isSafeInteger(n) && n > 0 ? `cnv_${n.toString(36)}` : null;
}

function itemRole(item: Element): MessageRole {
  if (item.getAttribute('data-kind') === 'comment') return 'internal';
  if (item.getAttribute('data-is-inbound') === 'true') return 'customer';
  // An outbound message without a teammate came from a rule or an integration.
  return item.querySelector('[data-testid="message-author"]')?.textContent?.trim() ? 'agent' : 'bot';
}

function shownId(document: Document): string | null {
  const raw = document.querySelector('[data-conversation-id]')?.getAttribute('data-conversation-id');
  return raw ? frontConversationId(raw) : null;
}

function readPage(ref: TicketRef, document: Document): TicketContext {
  const text = pageText(document);
  const items = [...document.querySelectorAll(ITEM)];
  const messages = pageMessages(items.slice(0, LIMITS.messages), {
    id: (item) => item.getAttribute('data-message-id') ?? item.getAttribute('data-comment-id'),
    role: itemRole,
    author: '[data-testid="message-author"]',
    body: '[data-testid="message-body"]',
    time: 'time[datetime]',
    botAuthor: 'Front',
  });
  // The channel is that of the customer's first message, else the first message's.
  const firstMessage = items.find((i) => i.getAttribute('data-is-inbound') === 'true') ?? items.find((i) => i.hasAttribute('data-message-type'));
  const customer = text('[data-testid="conversation-contact"]');
  const agent = text('[data-testid="conversation-assignee"]');
  const problems = [
    ...(messages.length ? [] : ['Found no conversation on the page: Front may still be loading it.']),
    ...(items.length > LIMITS.messages ? [`Read the first ${messages.length} messages only.`] : []),
  ];
  return {
    ...ref,
    channel: frontChannel(firstMessage?.getAttribute('data-message-type')),
    subject: clip(text('[data-testid="conversation-subject"]')),
    status: clip(text('[data-testid="conversation-status"]')),
    customer: customer ? { name: clip(customer) } : null,
    agent: agent ? { name: clip(agent) } : null,
    messages,
    complete: messages.length > 0,
    ...(problems.length ? { problem: clip(problems.join(' ')) } : {}),
  };
}

export default defineHelpdesk({
  id: 'front',
  label: 'Front',
  // Front is one single-page app on its host: inbox views lead to conversations without reloading.
  matches: [`https://${HOST}/*`],
  ticketFromUrl(url) {
    if (url.protocol !== 'https:' || url.hostname !== HOST || url.port) return null;
    const open = OPEN_PATH.exec(url.pathname)?.[1];
    const raw = open ? `cnv_${open}` : VIEW_PATH.exec(url.pathname)?.[1];
    const id = raw ? frontConversationId(raw) : null;
    return id ? { helpdesk: 'front', ticketId: id, url: `https://${HOST}/open/${id}` } : null;
  },
  async readTicket(ref, context) {
    const { document, signal } = context;
    // Wait for a view of this conversation (or one that does not say which) with an item in it.
    const ready = () => {
      const shown = shownId(document);
      return (shown === null || shown === ref.ticketId) && document.querySelector(ITEM) !== null ? true : null;
    };
    await waitForRender(document, ready, { signal, timeoutMs: RENDER_WAIT_MS, attributeFilter: ['data-conversation-id'] });
    signal.throwIfAborted();
    const shown = shownId(document);
    return readPage(ref, shown !== null && shown !== ref.ticketId ? document.implementation.createHTMLDocument('') : document);
  },
  testUrls: {
    tickets: [
      'https://app.frontapp.com/open/cnv_kf12oi',
      'https://app.frontapp.com/inboxes/teams/folders/4bj7r/unassigned/0/conversations/1234567890',
      'https://app.frontapp.com/inboxes/shared/12345/open/0/conversations/cnv_55c8c149?ref=x',
      'https://app.frontapp.com/search/global/all/conversations/1234567891/messages/98765',
      'https://app.frontapp.com/inboxes/teammates/8327613/inbox/open/0/conversations/1234567892',
      'https://app.frontapp.com/inboxes/teammates/8327613/assigned/open/0/conversations/cnv_kf12om',
      'https://app.frontapp.com/inboxes/views/3521/open/0/conversations/1234567893',
    ],
    nonTickets: [
      'https://app.frontapp.com/inboxes/teams/folders/4bj7r/unassigned/0',
      'https://app.frontapp.com/inboxes/teammates/8327613/inbox/open/0',
      'https://app.frontapp.com/inboxes/views/3521/open/0',
      'https://app.frontapp.com/open/msg_1a2b3c',
      'https://app.frontapp.com/settings/company/rules',
      'https://app.frontapp.com/inboxes/teams/conversations/new',
      'http://app.frontapp.com/open/cnv_kf12oi',
      'https://api2.frontapp.com/conversations/cnv_kf12oi',
      'https://app.frontapp.com.evil.example/open/cnv_kf12oi',
    ],
  },
});
