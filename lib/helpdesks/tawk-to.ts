import type { MessageRole, TicketContext } from '../schemas/ticket';
import { defineHelpdesk, pageText, viewTicket, type TicketRef } from './define-helpdesk';
import { readRenderedView, viewFor } from './wait-for-render';

/**
 * tawk.to. The dashboard is one hash-routed app on dashboard.tawk.to: a chat opened from the inbox
 * is `#/inbox/<property id>/<filter>/chat/<chat id>` (or `…/chats/chat/<chat id>`). Its REST API is
 * on api.tawk.to with an API key, so the adapter reads the open chat. Hooks follow the webhooks'
 * terms: the `chatId`, the visitor, each message's `sender.type` (visitor, agent, system) and
 * whispers, which only agents see.
 */
const HOST = 'dashboard.tawk.to';
const CHAT_ROUTE = /^\/inbox\/([0-9a-f]{24})\/([\w-]{1,40})\/(?:chats\/)?chat\/([A-Za-z0-9_-]{6,64})\/?$/;
export const TAWK_TO_RENDER_WAIT_MS = 10_000;

function role(item: Element): MessageRole {
  if (item.getAttribute('data-message-type') === 'whisper') return 'internal';
  const sender = item.getAttribute('data-sender-type');
  return sender === 'visitor' ? 'customer' : sender === 'agent' ? 'agent' : 'bot';
}

function readChat(ref: TicketRef, view: Element): TicketContext {
  const text = pageText(view);
  const visitor = text('[data-testid="visitor-name"]');
  return viewTicket(ref, {
    // Joins, leaves and transfers are system notices without anyone's words.
    items: [...view.querySelectorAll('[data-testid="chat-message"]:not([data-message-type="notice"])')],
    fields: { id: (item) => item.getAttribute('data-message-id'), role, author: '[data-testid="sender-name"]', body: '[data-testid="message-text"]', botAuthor: 'tawk.to' },
    channel: 'chat',
    // Chats have no subject: name the chat after the visitor, as the dashboard's list does.
    subject: visitor ? `Chat with ${visitor}` : '',
    status: view.getAttribute('data-chat-status') ?? '',
    customer: visitor,
    customerEmail: text('[data-testid="visitor-email"]'),
    agent: text('[data-testid="chat-agent"]'),
  });
}

export default defineHelpdesk({
  id: 'tawk-to',
  label: 'tawk.to',
  // The whole dashboard is one page; chats are hash routes of it.
  matches: [`https://${HOST}/*`],
  ticketFromUrl(url) {
    if (url.protocol !== 'https:' || url.hostname !== HOST || url.port || (url.pathname !== '/' && url.pathname !== '')) return null;
    const route = decodeURIComponent(url.hash.replace(/^#/, '').split('?')[0] ?? '');
    const match = CHAT_ROUTE.exec(route);
    if (!match?.[1] || !match[3]) return null;
    return { helpdesk: 'tawk-to', ticketId: match[3], url: `https://${HOST}/#/inbox/${match[1]}/all/chat/${match[3]}` };
  },
  readTicket: readRenderedView({
    find: (document, ref) => viewFor(document, '[data-testid="chat-view"]', 'data-chat-id', ref.ticketId),
    ready: (view) => view.querySelector('[data-testid="chat-message"]') !== null,
    read: (ref, view) => readChat(ref, view),
    timeoutMs: TAWK_TO_RENDER_WAIT_MS,
    attributeFilter: ['data-testid', 'data-chat-id'],
    missing: 'tawk.to did not show this chat on the page, so it could not be read.',
    channel: 'chat',
  }),
  testUrls: {
    tickets: [
      'https://dashboard.tawk.to/#/inbox/5e52b5a2a89cda5a1887877e/all/chat/c4b9e0f2-7a1d-11ee-9b3c-0242ac120002',
      'https://dashboard.tawk.to/#/inbox/5e52b5a2a89cda5a1887877e/all/chats/chat/c4b9e0f2-7a1d-11ee-9b3c-0242ac120003',
      'https://dashboard.tawk.to/#/inbox/63479eb437898912e96e5bc6/assigned/chat/Kx7dQ2mZp9?tab=details',
    ],
    nonTickets: [
      'https://dashboard.tawk.to/#/inbox/5e52b5a2a89cda5a1887877e/all',
      'https://dashboard.tawk.to/#/inbox/63479eb437898912e96e5bc6/chats',
      'https://dashboard.tawk.to/#/inbox',
      'https://dashboard.tawk.to/#/monitoring',
      'https://dashboard.tawk.to/#/dashboard/66104a3d1ec1082f04df477f',
      'https://dashboard.tawk.to/#/admin/5e52b5a2a89cda5a1887877e/property-settings',
      'https://dashboard.tawk.to/',
      'https://dashboard.tawk.to/inbox/5e52b5a2a89cda5a1887877e/all/chat/c4b9e0f2-7a1d-11ee-9b3c-0242ac120002',
      'http://dashboard.tawk.to/#/inbox/5e52b5a2a89cda5a1887877e/all/chat/c4b9e0f2-7a1d-11ee-9b3c-0242ac120002',
      'https://tawk.to/#/inbox/5e52b5a2a89cda5a1887877e/all/chat/c4b9e0f2-7a1d-11ee-9b3c-0242ac120002',
      'https://dashboard.tawk.to.evil.example/#/inbox/5e52b5a2a89cda5a1887877e/all/chat/c4b9e0f2-7a1d-11ee-9b3c-0242ac120002',
    ],
  },
});
