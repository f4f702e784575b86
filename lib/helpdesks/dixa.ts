import type { Channel } from '../schemas/common';
import type { MessageRole, TicketContext } from '../schemas/ticket';
import { defineHelpdesk, ownValue, pageText, viewTicket, type TicketRef } from './define-helpdesk';
import { readRenderedView, viewFor } from './wait-for-render';

/**
 * Dixa. The Dixa API is on `dev.dixa.io` with an API key, not the agent app's origin, so the
 * adapter reads the open conversation in the agent app on `<org>.dixa.com`. Its hooks follow the
 * API's terms: a conversation's `channel` and `state`; a message's `direction` (Inbound/Outbound)
 * and `isAutomated`; internal notes, which the API keeps apart from messages.
 */
const HOST = /^(?!(?:www|api|dev|docs|status|support)\.)[a-z0-9][a-z0-9-]{0,62}\.dixa\.com$/;
const CONVERSATION_PATH = /^\/conversation\/(\d{1,15})\/?$/;
export const DIXA_RENDER_WAIT_MS = 10_000;

/** The API's conversation `channel` values, grouped into the channels QA teams report on. */
const CHANNELS: Record<string, Channel> = {
  Email: 'email',
  ContactForm: 'email',
  WidgetChat: 'chat',
  Sms: 'messaging',
  WhatsApp: 'messaging',
  FacebookMessenger: 'messaging',
  Instagram: 'social',
  Twitter: 'social',
  PstnPhone: 'voice',
  Callback: 'voice',
};

export function dixaChannel(channel: string | null | undefined): Channel {
  return ownValue(CHANNELS, channel, 'other');
}

function role(item: Element): MessageRole {
  if (item.getAttribute('data-kind') === 'note') return 'internal';
  if (item.getAttribute('data-direction') === 'Inbound') return 'customer';
  return item.getAttribute('data-automated') === 'true' ? 'bot' : 'agent';
}

function readConversation(ref: TicketRef, view: Element): TicketContext {
  const text = pageText(view);
  return viewTicket(ref, {
    items: [...view.querySelectorAll('[data-testid="timeline-item"]')],
    fields: {
      id: (item) => item.getAttribute('data-message-id') ?? item.getAttribute('data-note-id'),
      role,
      author: '[data-testid="item-author"]',
      body: '[data-testid="item-body"]',
      botAuthor: 'Dixa',
    },
    channel: dixaChannel(view.getAttribute('data-channel')),
    subject: text('[data-testid="conversation-subject"]'),
    status: (view.getAttribute('data-state') ?? '').toLowerCase(),
    customer: text('[data-testid="requester-name"]'),
    customerEmail: text('[data-testid="requester-email"]'),
    agent: text('[data-testid="conversation-assignee"]'),
  });
}

export default defineHelpdesk({
  id: 'dixa',
  label: 'Dixa',
  // The agent app is one single-page app at the root of each organisation's host.
  matches: ['https://*.dixa.com/*'],
  ticketFromUrl(url) {
    if (url.protocol !== 'https:' || !HOST.test(url.hostname) || url.port) return null;
    const id = CONVERSATION_PATH.exec(url.pathname)?.[1];
    return id ? { helpdesk: 'dixa', ticketId: id, url: `${url.origin}/conversation/${id}` } : null;
  },
  readTicket: readRenderedView({
    find: (document, ref) => viewFor(document, '[data-testid="conversation-view"]', 'data-conversation-id', ref.ticketId),
    ready: (view) => view.querySelector('[data-testid="timeline-item"]') !== null,
    read: (ref, view) => readConversation(ref, view),
    timeoutMs: DIXA_RENDER_WAIT_MS,
    attributeFilter: ['data-testid', 'data-conversation-id'],
    missing: 'Dixa did not show this conversation on the page, so it could not be read.',
  }),
  testUrls: {
    tickets: ['https://acme.dixa.com/conversation/48213', 'https://acme.dixa.com/conversation/48214?tab=notes', 'https://acme-support.dixa.com/conversation/7/'],
    nonTickets: [
      'https://acme.dixa.com/',
      'https://acme.dixa.com/conversation/new',
      'https://acme.dixa.com/conversations',
      'https://acme.dixa.com/settings/queues',
      'https://acme.dixa.com/analytics/explore',
      'https://www.dixa.com/conversation/48213',
      'https://dev.dixa.io/v1/conversations/48213',
      'http://acme.dixa.com/conversation/48213',
      'https://acme.dixa.com.evil.example/conversation/48213',
    ],
  },
});
