import type { Channel } from '../schemas/common';
import type { MessageRole, TicketContext } from '../schemas/ticket';
import { TICKET_LIMITS as LIMITS } from '../schemas/ticket-limits';
import { clip, defineHelpdesk, pageMessages, pageText, placeholderTicket, type TicketRef } from './define-helpdesk';
import { waitForRender } from './wait-for-render';

/**
 * Kustomer. Its API (`/v1/conversations/<id>`, `/messages`, `/notes`) lives on
 * `<org>.api.kustomerapp.com`, another host than the app, and takes a bearer token, so no
 * same-origin path serves it to a content script with the user's session. This adapter reads the
 * open conversation in the timeline, through its `data-testid` hooks.
 */

const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.kustomerapp\.com$/;
/** `/app/customers/<customerId>/event/<conversationId>` (also `/conversation/…`): Mongo-style ids. */
const CONVERSATION_PATH = /^\/app\/customers\/([0-9a-f]{24})\/(?:event|conversations?)\/([0-9a-f]{24})(?:\/|$)/;
/** A conversation opened on its own page, with no customer in the URL: `/app/conversations/<id>`. */
const CONVERSATION_PAGE = /^\/app\/conversations\/([0-9a-f]{24})(?:\/|$)/;
/** How long to wait for the app to render the conversation after the URL changed. */
export const KUSTOMER_RENDER_WAIT_MS = 8000;

/** Kustomer's channel names (`channels`, message `channel`), grouped for QA reports. */
const CHANNELS: Record<string, Channel> = {
  email: 'email',
  form: 'email',
  chat: 'chat',
  sms: 'messaging',
  whatsapp: 'messaging',
  facebook: 'social',
  instagram: 'social',
  twitter: 'social',
  voice: 'voice',
  phone: 'voice',
};

export function kustomerChannel(channel: string | null | undefined): Channel {
  const key = (channel ?? '').trim().toLowerCase();
  return Object.hasOwn(CHANNELS, key) ? (CHANNELS[key] ?? 'other') : 'other';
}

/** Notes are internal; inbound messages are the customer's; automatic outbound ones a bot's. */
export function kustomerRole(kind: string | null, direction: string | null, auto: boolean): MessageRole {
  if (kind === 'note') return 'internal';
  if (direction === 'in') return 'customer';
  return auto ? 'bot' : 'agent';
}

function readView(ref: TicketRef, document: Document, view: Element): TicketContext {
  const text = pageText(document);
  const items = [...view.querySelectorAll('[data-testid="timeline-item"]')];
  const messages = pageMessages(items.slice(0, LIMITS.messages), {
    id: (item) => item.getAttribute('data-item-id'),
    role: (item) => kustomerRole(item.getAttribute('data-item-type'), item.getAttribute('data-direction'), item.getAttribute('data-auto') === 'true'),
    author: '[data-testid="timeline-item-author"]',
    body: '[data-testid="timeline-item-body"]',
  });
  const customer = text('[data-testid="customer-name"]');
  const email = text('[data-testid="customer-email"]');
  const agent = text('[data-testid="conversation-assignee"]');
  const problems: string[] = [];
  if (!messages.length) problems.push('The page shows no messages for this conversation.');
  if (items.length > messages.length) problems.push(`Read the first ${messages.length} messages only: the rest was not read.`);
  return {
    ...ref,
    channel: kustomerChannel(view.querySelector('[data-testid="conversation-channel"]')?.getAttribute('data-channel')),
    subject: clip(text('[data-testid="conversation-name"]', view)),
    status: clip(text('[data-testid="conversation-status"]', view)),
    customer: customer ? { name: clip(customer), ...(email ? { email: clip(email) } : {}) } : null,
    agent: agent ? { name: clip(agent) } : null,
    messages,
    complete: messages.length > 0,
    ...(problems.length ? { problem: clip(problems.join(' ')) } : {}),
  };
}

export default defineHelpdesk({
  id: 'kustomer',
  label: 'Kustomer',
  matches: ['https://*.kustomerapp.com/app/*'],
  ticketFromUrl(url) {
    if (url.protocol !== 'https:' || !HOST.test(url.hostname) || url.hostname.split('.').includes('api')) return null;
    const page = CONVERSATION_PAGE.exec(url.pathname)?.[1];
    if (page) return { helpdesk: 'kustomer', ticketId: page, url: `${url.origin}/app/conversations/${page}` };
    const match = CONVERSATION_PATH.exec(url.pathname);
    if (!match?.[1] || !match[2]) return null;
    return { helpdesk: 'kustomer', ticketId: match[2], url: `${url.origin}/app/customers/${match[1]}/event/${match[2]}` };
  },
  async readTicket(ref, context) {
    const { document, signal } = context;
    // The app draws the conversation after fetching it: wait for this conversation's timeline and its first item.
    const selector = `[data-testid="conversation-timeline"][data-conversation-id="${ref.ticketId}"]`;
    const rendered = () => {
      const view = document.querySelector(selector);
      return view?.querySelector('[data-testid="timeline-item"]') ? view : null;
    };
    const attributeFilter = ['data-testid', 'data-conversation-id'];
    // Past the wait, a timeline without items is still this conversation's: read what it shows.
    const view = (await waitForRender(document, rendered, { signal, timeoutMs: KUSTOMER_RENDER_WAIT_MS, attributeFilter })) ?? document.querySelector(selector);
    signal.throwIfAborted();
    return view
      ? readView(ref, document, view)
      : { ...placeholderTicket(ref), problem: 'The page did not show this conversation: open it in Kustomer and try again.' };
  },
  testUrls: {
    tickets: [
      'https://acme.kustomerapp.com/app/customers/5f0c0a1b2c3d4e5f60718201/event/65a1b2c3d4e5f60718293a01',
      'https://acme.kustomerapp.com/app/customers/5f0c0a1b2c3d4e5f60718202/event/65a1b2c3d4e5f60718293a02?tab=timeline',
      'https://acme.kustomerapp.com/app/customers/5f0c0a1b2c3d4e5f60718202/conversations/65a1b2c3d4e5f60718293a02',
      'https://acme-eu.prod2.kustomerapp.com/app/customers/5f0c0a1b2c3d4e5f60718203/event/65a1b2c3d4e5f60718293a03',
      'https://acme.kustomerapp.com/app/conversations/65a1b2c3d4e5f60718293a04',
      'https://acme-eu.prod2.kustomerapp.com/app/conversations/65a1b2c3d4e5f60718293a05?view=all',
    ],
    nonTickets: [
      'https://acme.kustomerapp.com/app/customers/5f0c0a1b2c3d4e5f60718201',
      'https://acme.kustomerapp.com/app/search/all',
      'https://acme.kustomerapp.com/app/conversations',
      'https://acme.kustomerapp.com/app/conversations/not-an-id',
      'https://acme.kustomerapp.com/app/settings/queues',
      'https://acme.kustomerapp.com/app/customers/5f0c0a1b2c3d4e5f60718201/event/not-an-id',
      'https://acme.api.kustomerapp.com/app/customers/5f0c0a1b2c3d4e5f60718201/event/65a1b2c3d4e5f60718293a01',
      'http://acme.kustomerapp.com/app/customers/5f0c0a1b2c3d4e5f60718201/event/65a1b2c3d4e5f60718293a01',
      'https://acme.kustomerapp.com.evil.example/app/customers/5f0c0a1b2c3d4e5f60718201/event/65a1b2c3d4e5f60718293a01',
    ],
  },
});
