import type { Channel } from '../schemas/common';
import type { MessageRole, TicketContext } from '../schemas/ticket';
import { TICKET_LIMITS as LIMITS } from '../schemas/ticket-limits';
import { clip, defineHelpdesk, pageMessages, pageText, placeholderTicket, type TicketRef } from './define-helpdesk';
import { waitForRender } from './wait-for-render';

/**
 * LiveChat: a chat is the ticket. The agent app (my.livechatinc.com) calls the Agent Chat API on
 * another host (api.livechatinc.com) with an OAuth bearer token held by the app, so there is no
 * same-origin API a content script could call with the session: the adapter reads the chat view.
 * Its hooks follow the Agent Chat API's own terms (event types, author types, visibility).
 */

/** `/chats/<chatId>` (live) and `/archives/<chatId>` (archive); chat ids are upper-case base-36. */
const CHAT_PATH = /^\/(?:chats|archives)\/([A-Z0-9]{8,16})(?:\/|$)/;
/** How long to wait for the app to render the chat after navigation. */
export const LIVECHAT_RENDER_TIMEOUT_MS = 15_000;

/** LiveChat integrations (the chat's source client) grouped into the channels QA teams report on. */
const CHANNELS: Record<string, Channel> = {
  chat_widget: 'chat',
  livechat: 'chat',
  facebook_messenger: 'messaging',
  messenger: 'messaging',
  whatsapp: 'messaging',
  apple_messages_for_business: 'messaging',
  sms: 'messaging',
  telegram: 'messaging',
  instagram: 'social',
  twitter: 'social',
  email: 'email',
};

export function livechatChannel(source: string | null | undefined): Channel {
  if (!source) return 'chat';
  return Object.hasOwn(CHANNELS, source) ? (CHANNELS[source] ?? 'other') : 'other';
}

/** The rendered chat of `chatId`, once the app shows it. */
function chatView(document: Document, chatId: string): Element | null {
  const view = document.querySelector('[data-testid="chat-details"][data-chat-id]');
  return view?.getAttribute('data-chat-id') === chatId ? view : null;
}

function eventRole(event: Element): MessageRole {
  if (event.getAttribute('data-visibility') === 'agents') return 'internal';
  if (event.getAttribute('data-event-type') === 'system_message') return 'bot';
  const author = event.getAttribute('data-author-type');
  return author === 'customer' ? 'customer' : author === 'bot' ? 'bot' : 'agent';
}

function readChat(ref: TicketRef, view: Element): TicketContext {
  const text = pageText(view);
  const events = [...view.querySelectorAll('[data-testid="chat-event"]')];
  const messages = pageMessages(events.slice(0, LIMITS.messages), {
    id: (event) => event.getAttribute('data-event-id'),
    role: eventRole,
    author: '[data-testid="event-author"]',
    body: '[data-testid="event-text"]',
    botAuthor: 'LiveChat',
    text: (body, event) => (event.getAttribute('data-event-type') === 'file' ? `[File: ${body}]` : body),
  });
  const customerName = text('[data-testid="customer-name"]');
  const customerEmail = text('[data-testid="customer-email"]');
  const agentName = text('[data-testid="chat-agent-name"]');
  return {
    ...ref,
    channel: livechatChannel(view.getAttribute('data-source')),
    // Chats have no subject: the customer's name stands for it, as in LiveChat's own chat list.
    subject: clip(customerName ? `Chat with ${customerName}` : ''),
    status: clip(text('[data-testid="chat-status"]')),
    customer: customerName ? { name: clip(customerName), ...(customerEmail ? { email: clip(customerEmail) } : {}) } : null,
    agent: agentName ? { name: clip(agentName) } : null,
    messages,
    complete: messages.length > 0,
    ...(events.length > LIMITS.messages ? { problem: `Read the first ${LIMITS.messages} events only.` } : {}),
  };
}

export default defineHelpdesk({
  id: 'livechat',
  label: 'LiveChat',
  matches: ['https://my.livechatinc.com/*'],
  ticketFromUrl(url) {
    if (url.protocol !== 'https:' || url.hostname !== 'my.livechatinc.com') return null;
    const id = CHAT_PATH.exec(url.pathname)?.[1];
    return id ? { helpdesk: 'livechat', ticketId: id, url: `https://my.livechatinc.com/archives/${id}` } : null;
  },
  async readTicket(ref, context) {
    const { document, signal } = context;
    const view = await waitForRender(document.documentElement, () => chatView(document, ref.ticketId), {
      signal,
      timeoutMs: LIVECHAT_RENDER_TIMEOUT_MS,
      attributeFilter: ['data-chat-id'],
    });
    signal.throwIfAborted();
    if (!view) return { ...placeholderTicket(ref, 'chat'), problem: 'LiveChat did not show this chat on the page, so it could not be read.' };
    return readChat(ref, view);
  },
  testUrls: {
    tickets: [
      'https://my.livechatinc.com/chats/PJ0MRSHTDG',
      'https://my.livechatinc.com/archives/R6ZGL8WRQU',
      'https://my.livechatinc.com/archives/R6ZGL8WRQU/K600PKZON8?query=refund',
    ],
    nonTickets: [
      'https://my.livechatinc.com/chats',
      'https://my.livechatinc.com/archives',
      'https://my.livechatinc.com/chats/my',
      'https://my.livechatinc.com/customers/PJ0MRSHTDG',
      'http://my.livechatinc.com/chats/PJ0MRSHTDG',
      'https://my.livechatinc.com.evil.example/chats/PJ0MRSHTDG',
      'https://accounts.livechatinc.com/chats/PJ0MRSHTDG',
    ],
  },
});
