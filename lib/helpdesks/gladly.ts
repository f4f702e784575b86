import type { Channel } from '../schemas/common';
import type { MessageRole, TicketContext } from '../schemas/ticket';
import { defineHelpdesk, ownValue, pageText, viewTicket, type TicketRef } from './define-helpdesk';
import { readRenderedView, viewFor } from './wait-for-render';

/**
 * Gladly. A conversation lives in the customer's profile; its id is the ticket. The REST API on the
 * same host (`/api/v1/…`) is for integrations and wants an API token (Basic auth): the agent app
 * does not read it with the session, so the adapter reads the open conversation timeline. Hooks
 * follow the API's terms: a conversation's `status`; an item's `content.type` (EMAIL, CHAT_MESSAGE,
 * SMS, PHONE_CALL, CONVERSATION_NOTE…) and `initiator.type` (CUSTOMER, AGENT, AUTOMATED).
 */
const HOST = /^(?!(?:www|help|academy|connect|developer|docs|status)\.)[a-z0-9][a-z0-9-]{0,62}(?:\.(?:us|eu)-\d)?\.gladly\.com$/;
const ID = '[A-Za-z0-9_-]{8,64}';
const CONVERSATION_PATH = new RegExp(`^\\/customer\\/(${ID})\\/conversation\\/(${ID})\\/?$`);
export const GLADLY_RENDER_WAIT_MS = 10_000;

/** Timeline item `content.type`s, grouped into the channels QA teams report on. */
const CONTENT_TYPES: Record<string, Channel> = {
  EMAIL: 'email',
  CHAT_MESSAGE: 'chat',
  SMS: 'messaging',
  WHATSAPP: 'messaging',
  FACEBOOK_MESSAGE: 'social',
  INSTAGRAM_DIRECT: 'social',
  TWITTER: 'social',
  PHONE_CALL: 'voice',
  VOICEMAIL: 'voice',
};

export function gladlyChannel(contentType: string | null | undefined): Channel {
  return ownValue(CONTENT_TYPES, contentType, 'other');
}

function role(item: Element): MessageRole {
  if (item.getAttribute('data-content-type') === 'CONVERSATION_NOTE') return 'internal';
  const initiator = item.getAttribute('data-initiator-type');
  return initiator === 'CUSTOMER' ? 'customer' : initiator === 'AUTOMATED' ? 'bot' : 'agent';
}

function readConversation(ref: TicketRef, view: Element, document: Document): TicketContext {
  const text = pageText(view);
  // The customer is the profile's, beside the timeline rather than in it.
  const profile = pageText(document);
  const items = [...view.querySelectorAll('[data-testid="timeline-item"]')];
  const first = items.find((item) => item.getAttribute('data-initiator-type') === 'CUSTOMER') ?? items[0];
  const topics = [...view.querySelectorAll('[data-testid="conversation-topic"]')].map((topic) => topic.textContent?.trim()).filter(Boolean);
  return viewTicket(ref, {
    items,
    fields: { id: (item) => item.getAttribute('data-item-id'), role, author: '[data-testid="item-initiator"]', body: '[data-testid="item-content"]', botAuthor: 'Gladly' },
    channel: gladlyChannel(first?.getAttribute('data-content-type')),
    subject: text('[data-testid="item-subject"]') || topics.join(', '),
    status: (view.getAttribute('data-status') ?? '').toLowerCase(),
    customer: profile('[data-testid="customer-name"]'),
    customerEmail: profile('[data-testid="customer-email"]'),
    agent: text('[data-testid="conversation-assignee"]'),
  });
}

export default defineHelpdesk({
  id: 'gladly',
  label: 'Gladly',
  // One single-page app per organisation's host: the agent starts anywhere in it (home, search,
  // liveboards) and opens customers and their conversations without reloading.
  matches: ['https://*.gladly.com/*'],
  ticketFromUrl(url) {
    if (url.protocol !== 'https:' || !HOST.test(url.hostname) || url.port) return null;
    const match = CONVERSATION_PATH.exec(url.pathname);
    if (!match?.[1] || !match[2]) return null;
    return { helpdesk: 'gladly', ticketId: match[2], url: `${url.origin}/customer/${match[1]}/conversation/${match[2]}` };
  },
  readTicket: readRenderedView({
    find: (document, ref) => viewFor(document, '[data-testid="conversation-timeline"]', 'data-conversation-id', ref.ticketId),
    ready: (view) => view.querySelector('[data-testid="timeline-item"]') !== null,
    read: readConversation,
    timeoutMs: GLADLY_RENDER_WAIT_MS,
    attributeFilter: ['data-testid', 'data-conversation-id'],
    missing: 'Gladly did not show this conversation on the page, so it could not be read.',
  }),
  testUrls: {
    tickets: [
      'https://acme.gladly.com/customer/pGLy6gR0TkK3XvGkqC7Q2A/conversation/JqaiVa-7Rf-Vfi-U_Vhrhw',
      'https://acme.gladly.com/customer/pGLy6gR0TkK3XvGkqC7Q2B/conversation/Xj3cmewvS7yY30S6KC6q3w?itemId=k1',
      'https://metropolis.us-1.gladly.com/customer/sDN6IVQrTvyyBtfcpZIT_A/conversation/a8QzD1Fh3kq2m9LwZr4T0g/',
    ],
    nonTickets: [
      'https://acme.gladly.com/customer/pGLy6gR0TkK3XvGkqC7Q2A',
      'https://acme.gladly.com/home',
      'https://acme.gladly.com/search?ch%5B0%5D=EMAIL&st%5B0%5D=NEW',
      'https://metropolis.us-1.gladly.com/liveboards/agents',
      'https://acme.gladly.com/admin/settings',
      'https://acme.gladly.com/api/v1/conversations/JqaiVa-7Rf-Vfi-U_Vhrhw/items',
      'https://www.gladly.com/customer/pGLy6gR0TkK3XvGkqC7Q2A/conversation/JqaiVa-7Rf-Vfi-U_Vhrhw',
      'http://acme.gladly.com/customer/pGLy6gR0TkK3XvGkqC7Q2A/conversation/JqaiVa-7Rf-Vfi-U_Vhrhw',
      'https://acme.gladly.com.evil.example/customer/pGLy6gR0TkK3XvGkqC7Q2A/conversation/JqaiVa-7Rf-Vfi-U_Vhrhw',
    ],
  },
});
