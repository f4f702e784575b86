import type { Channel } from '../schemas/common';
import type { MessageRole, TicketContext } from '../schemas/ticket';
import { defineHelpdesk, ownValue, pageText, viewTicket, type TicketRef } from './define-helpdesk';
import { readRenderedView, viewFor } from './wait-for-render';

/**
 * Re:amaze. The REST API (`<brand>.reamaze.io/api/v1`) is on another host and wants an API token
 * with Basic auth, so the adapter reads the open conversation in the admin app on
 * `<brand>.reamaze.com`. Its hooks follow the API's terms: a conversation's `slug`, `status` (an
 * integer), its channel; a message's `visibility` (1 is an internal note) and its author, staff or not.
 */
const HOST = /^(?!www\.)[a-z0-9][a-z0-9-]{0,62}\.reamaze\.com$/;
/** `/admin/conversations/<slug>`; the list and a new conversation are not tickets. */
const CONVERSATION_PATH = /^\/admin\/conversations\/(?!new\/?$)([a-z0-9][a-z0-9-]{0,199})\/?$/;
export const REAMAZE_RENDER_WAIT_MS = 10_000;

/** The API's conversation `status` values, as the app names them. */
const STATUSES: Record<string, string> = {
  0: 'Open',
  1: 'Responded',
  2: 'Done',
  3: 'Spam',
  4: 'Archived',
  5: 'On Hold',
  6: 'Auto-Done',
  7: 'AI Agent Assigned',
  8: 'AI Agent Done',
  9: 'Spam (AI)',
};
/** The channel types Re:amaze connects, grouped into the channels QA teams report on. */
const CHANNELS: Record<string, Channel> = {
  email: 'email',
  contact_form: 'email',
  chat: 'chat',
  sms: 'messaging',
  whatsapp: 'messaging',
  facebook: 'social',
  instagram: 'social',
  twitter: 'social',
  voice: 'voice',
};

export function reamazeChannel(type: string | null | undefined): Channel {
  return ownValue(CHANNELS, type, 'other');
}

function role(item: Element): MessageRole {
  if (item.getAttribute('data-visibility') === '1') return 'internal';
  const origin = item.getAttribute('data-origin');
  return origin === 'customer' ? 'customer' : origin === 'bot' || origin === 'automation' ? 'bot' : 'agent';
}

function readConversation(ref: TicketRef, view: Element): TicketContext {
  const text = pageText(view);
  return viewTicket(ref, {
    items: [...view.querySelectorAll('[data-testid="message"]')],
    fields: { id: (item) => item.getAttribute('data-message-id'), role, author: '[data-testid="message-author"]', body: '[data-testid="message-body"]', botAuthor: 'Re:amaze' },
    channel: reamazeChannel(view.getAttribute('data-channel')),
    subject: text('[data-testid="conversation-subject"]'),
    status: ownValue(STATUSES, view.getAttribute('data-status'), '') || text('[data-testid="conversation-status"]'),
    customer: text('[data-testid="customer-name"]'),
    customerEmail: text('[data-testid="customer-email"]'),
    agent: text('[data-testid="conversation-assignee"]'),
  });
}

export default defineHelpdesk({
  id: 'reamaze',
  label: 'Re:amaze',
  // The admin app moves between the inbox and conversations without reloading.
  matches: ['https://*.reamaze.com/admin/*'],
  ticketFromUrl(url) {
    if (url.protocol !== 'https:' || !HOST.test(url.hostname) || url.port) return null;
    const slug = CONVERSATION_PATH.exec(url.pathname)?.[1];
    return slug ? { helpdesk: 'reamaze', ticketId: slug, url: `${url.origin}/admin/conversations/${slug}` } : null;
  },
  readTicket: readRenderedView({
    find: (document, ref) => viewFor(document, '[data-testid="conversation"]', 'data-conversation-slug', ref.ticketId),
    ready: (view) => view.querySelector('[data-testid="message"]') !== null,
    read: (ref, view) => readConversation(ref, view),
    timeoutMs: REAMAZE_RENDER_WAIT_MS,
    attributeFilter: ['data-testid', 'data-conversation-slug'],
    missing: 'Re:amaze did not show this conversation on the page, so it could not be read.',
  }),
  testUrls: {
    tickets: [
      'https://acme.reamaze.com/admin/conversations/where-is-my-order-7781',
      'https://acme.reamaze.com/admin/conversations/chat-with-lee-park-2?filter=all&page=2',
      'https://dashboardagent.reamaze.com/admin/conversations/refund-request-a1b2c3/',
    ],
    nonTickets: [
      'https://acme.reamaze.com/admin/conversations',
      'https://acme.reamaze.com/admin/conversations?filter=unassigned',
      'https://acme.reamaze.com/admin/conversations/new',
      'https://acme.reamaze.com/admin/chats',
      'https://acme.reamaze.com/admin/settings/channels',
      'https://acme.reamaze.com/admin/reports/overview',
      'https://acme.reamaze.com/kb/shipping/where-is-my-order',
      'https://www.reamaze.com/admin/conversations/where-is-my-order-7781',
      'https://acme.reamaze.io/api/v1/conversations/where-is-my-order-7781',
      'http://acme.reamaze.com/admin/conversations/where-is-my-order-7781',
      'https://acme.reamaze.com.evil.example/admin/conversations/where-is-my-order-7781',
    ],
  },
});
