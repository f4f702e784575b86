import type { Channel } from '../schemas/common';
import type { MessageRole, TicketContext } from '../schemas/ticket';
import { defineHelpdesk, ownValue, pageText, viewTicket, type TicketRef } from './define-helpdesk';
import { readRenderedView, viewFor } from './wait-for-render';

/**
 * Freshchat, Freshworks' messaging inbox, on the account's own host (`<account>.freshchat.com`) or
 * the shared web host (`web.freshchat.com`, and its regional twins). Its API v2 wants a bearer API
 * key, not the agent's session, so the adapter reads the open conversation. Hooks follow API v2's
 * terms: a conversation's `status` and source; a message's `actor_type` (user, agent, bot, system)
 * and `message_type` (`private` is a note only agents see).
 */
const HOST = /^(?:web(?:\.(?:eu|in|au))?|(?!(?:www|api|assets|wchat|support)\.)[a-z0-9][a-z0-9-]{0,80})\.freshchat\.com$/;
const APP = String.raw`\/a\/(\d{6,20})`;
const ID = String.raw`(\d{6,20}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})`;
/** A conversation opened from any inbox view (`/inbox/<view>/<filter>/…`), or its shared `/open/` link. */
const CONVERSATION_PATH = new RegExp(`^${APP}\\/(?:open|inbox(?:\\/[\\w-]{1,40}){0,6})\\/conversation\\/${ID}\\/?$`);
export const FRESHCHAT_RENDER_WAIT_MS = 10_000;

/** Where a conversation came from, grouped into the channels QA teams report on. */
const SOURCES: Record<string, Channel> = {
  web: 'chat',
  mobile: 'chat',
  email: 'email',
  whatsapp: 'messaging',
  apple_business_chat: 'messaging',
  line: 'messaging',
  telegram: 'messaging',
  sms: 'messaging',
  facebook: 'social',
  instagram: 'social',
  twitter: 'social',
  phone: 'voice',
};

export function freshchatChannel(source: string | null | undefined): Channel {
  return ownValue(SOURCES, source, 'other');
}

function role(item: Element): MessageRole {
  if (item.getAttribute('data-message-type') === 'private') return 'internal';
  const actor = item.getAttribute('data-actor-type');
  return actor === 'user' ? 'customer' : actor === 'bot' || actor === 'system' ? 'bot' : 'agent';
}

function readConversation(ref: TicketRef, view: Element): TicketContext {
  const text = pageText(view);
  return viewTicket(ref, {
    // System messages (assignments, resolutions) carry no words from anyone: they are not the conversation.
    items: [...view.querySelectorAll('[data-testid="message"]:not([data-message-type="system"])')],
    fields: { id: (item) => item.getAttribute('data-message-id'), role, author: '[data-testid="message-actor"]', body: '[data-testid="message-text"]', botAuthor: 'Freshchat' },
    channel: freshchatChannel(view.getAttribute('data-source')),
    subject: text('[data-testid="conversation-topic"]'),
    status: view.getAttribute('data-status') ?? '',
    customer: text('[data-testid="user-name"]'),
    customerEmail: text('[data-testid="user-email"]'),
    agent: text('[data-testid="assigned-agent"]'),
  });
}

export default defineHelpdesk({
  id: 'freshchat',
  label: 'Freshchat',
  // The agent app lives under /a/<app id>/ on each host and moves between inbox views without reloading.
  matches: ['https://*.freshchat.com/a/*'],
  ticketFromUrl(url) {
    if (url.protocol !== 'https:' || !HOST.test(url.hostname) || url.port) return null;
    const match = CONVERSATION_PATH.exec(url.pathname);
    if (!match?.[1] || !match[2]) return null;
    return { helpdesk: 'freshchat', ticketId: match[2], url: `${url.origin}/a/${match[1]}/open/conversation/${match[2]}` };
  },
  readTicket: readRenderedView({
    find: (document, ref) => viewFor(document, '[data-testid="conversation"]', 'data-conversation-id', ref.ticketId),
    ready: (view) => view.querySelector('[data-testid="message"]') !== null,
    read: (ref, view) => readConversation(ref, view),
    timeoutMs: FRESHCHAT_RENDER_WAIT_MS,
    attributeFilter: ['data-testid', 'data-conversation-id'],
    missing: 'Freshchat did not show this conversation on the page, so it could not be read.',
  }),
  testUrls: {
    tickets: [
      'https://acme.freshchat.com/a/236306003128395/inbox/2/0/conversation/720870712804149',
      'https://acme.freshchat.com/a/236306003128395/inbox/0/conversation/720870712804150?dev=true',
      'https://web.freshchat.com/a/153370844780746/open/conversation/374169896285298',
      'https://web.eu.freshchat.com/a/153370844780746/inbox/3/0/conversation/4f7e2c1a-9b3d-4e5f-8a6b-7c8d9e0f1a2b',
    ],
    nonTickets: [
      'https://acme.freshchat.com/a/236306003128395/inbox/0/0',
      'https://acme.freshchat.com/a/236306003128395/inbox/2/0',
      'https://acme.freshchat.com/a/236306003128395/people',
      'https://web.freshchat.com/a/121288663858798/settings/channels',
      'https://acme.freshchat.com/a/236306003128395/reports/dashboard',
      'https://acme.freshchat.com/a/236306003128395/inbox/0/conversation/new',
      'https://api.freshchat.com/v2/conversations/720870712804149/messages',
      'https://wchat.freshchat.com/a/236306003128395/open/conversation/720870712804149',
      'http://acme.freshchat.com/a/236306003128395/open/conversation/720870712804149',
      'https://acme.freshchat.com.evil.example/a/236306003128395/open/conversation/720870712804149',
    ],
  },
});
