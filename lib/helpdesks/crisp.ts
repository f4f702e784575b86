import type { Channel } from '../schemas/common';
import type { MessageRole, TicketContext } from '../schemas/ticket';
import { TICKET_LIMITS as LIMITS } from '../schemas/ticket-limits';
import { clip, defineHelpdesk, pageMessages, pageText, placeholderTicket, type TicketRef } from './define-helpdesk';
import { waitForRender } from './wait-for-render';

/**
 * Crisp: a conversation (session) is the ticket. The Crisp app (app.crisp.chat) reads the REST API
 * on another host (api.crisp.chat) with a token the app holds, so there is no same-origin API a
 * content script could call with the session: the adapter reads the open conversation view. Its
 * hooks follow the REST API v1's terms (`from` user/operator, `type` text/note/file, `origin`).
 */

const SESSION_PATH = /^\/website\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/inbox\/(session_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/;
/** How long to wait for the app to render the conversation after navigation. */
export const CRISP_RENDER_TIMEOUT_MS = 15_000;

/** Crisp's message `origin`: `chat`, `email`, or `urn:crisp.im:<integration>:<n>` for integrations. */
const INTEGRATIONS: Record<string, Channel> = {
  messenger: 'messaging',
  whatsapp: 'messaging',
  telegram: 'messaging',
  line: 'messaging',
  viber: 'messaging',
  sms: 'messaging',
  instagram: 'social',
  twitter: 'social',
  phone: 'voice',
  email: 'email',
};

export function crispChannel(origin: string | null | undefined): Channel {
  if (origin === 'chat') return 'chat';
  if (origin === 'email') return 'email';
  const integration = /^urn:crisp\.im:([a-z0-9-]+)(?::|$)/.exec(origin ?? '')?.[1];
  return integration && Object.hasOwn(INTEGRATIONS, integration) ? (INTEGRATIONS[integration] ?? 'other') : 'other';
}

function conversationView(document: Document, sessionId: string): Element | null {
  const view = document.querySelector('[data-testid="conversation"][data-session-id]');
  return view?.getAttribute('data-session-id') === sessionId ? view : null;
}

function messageRole(message: Element): MessageRole {
  if (message.getAttribute('data-type') === 'note') return 'internal';
  if (message.getAttribute('data-from') === 'user') return 'customer';
  return message.getAttribute('data-automated') === 'true' ? 'bot' : 'agent';
}

function readConversation(ref: TicketRef, view: Element): TicketContext {
  const text = pageText(view);
  const items = [...view.querySelectorAll('[data-testid="message"]')];
  const messages = pageMessages(items.slice(0, LIMITS.messages), {
    id: (item) => item.getAttribute('data-fingerprint'),
    role: messageRole,
    author: '[data-testid="message-author"]',
    body: '[data-testid="message-content"]',
    botAuthor: 'Crisp',
    text: (body, item) => (item.getAttribute('data-type') === 'file' ? `[File: ${body}]` : body),
  });
  const nickname = text('[data-testid="visitor-nickname"]');
  const email = text('[data-testid="visitor-email"]');
  const operator = text('[data-testid="assigned-operator"]');
  // The conversation's channel is the origin of its first message from the customer.
  const origin = view.querySelector('[data-testid="message"][data-from="user"]')?.getAttribute('data-origin');
  return {
    ...ref,
    channel: crispChannel(origin ?? view.getAttribute('data-origin')),
    subject: clip(text('[data-testid="conversation-subject"]')),
    status: clip(text('[data-testid="conversation-state"]')),
    customer: nickname || email ? { name: clip(nickname || email), ...(email ? { email: clip(email) } : {}) } : null,
    agent: operator ? { name: clip(operator) } : null,
    messages,
    complete: messages.length > 0,
    ...(items.length > LIMITS.messages ? { problem: `Read the first ${LIMITS.messages} messages only.` } : {}),
  };
}

export default defineHelpdesk({
  id: 'crisp',
  label: 'Crisp',
  matches: ['https://app.crisp.chat/website/*'],
  ticketFromUrl(url) {
    if (url.protocol !== 'https:' || url.hostname !== 'app.crisp.chat') return null;
    const match = SESSION_PATH.exec(url.pathname);
    if (!match?.[1] || !match[2]) return null;
    return { helpdesk: 'crisp', ticketId: match[2], url: `https://app.crisp.chat/website/${match[1]}/inbox/${match[2]}/` };
  },
  async readTicket(ref, context) {
    const { document, signal } = context;
    const view = await waitForRender(document.documentElement, () => conversationView(document, ref.ticketId), {
      signal,
      timeoutMs: CRISP_RENDER_TIMEOUT_MS,
      attributeFilter: ['data-session-id'],
    });
    signal.throwIfAborted();
    if (!view) return { ...placeholderTicket(ref), problem: 'Crisp did not show this conversation on the page, so it could not be read.' };
    return readConversation(ref, view);
  },
  testUrls: {
    tickets: [
      'https://app.crisp.chat/website/8c842203-7ed8-4e29-a608-7cf78a7d2fcc/inbox/session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881/',
      'https://app.crisp.chat/website/8c842203-7ed8-4e29-a608-7cf78a7d2fcc/inbox/session_36ba3566-9651-4790-afc8-ffedbccc317f',
    ],
    nonTickets: [
      'https://app.crisp.chat/website/8c842203-7ed8-4e29-a608-7cf78a7d2fcc/inbox/',
      'https://app.crisp.chat/website/8c842203-7ed8-4e29-a608-7cf78a7d2fcc/contacts/',
      'https://app.crisp.chat/website/8c842203-7ed8-4e29-a608-7cf78a7d2fcc/inbox/session_not-a-session/',
      'http://app.crisp.chat/website/8c842203-7ed8-4e29-a608-7cf78a7d2fcc/inbox/session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881/',
      'https://app.crisp.chat.evil.example/website/8c842203-7ed8-4e29-a608-7cf78a7d2fcc/inbox/session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881/',
      'https://go.crisp.chat/chat/embed/?website_id=8c842203-7ed8-4e29-a608-7cf78a7d2fcc',
    ],
  },
});
