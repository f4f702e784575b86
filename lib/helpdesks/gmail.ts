import type { Person, TicketContext, TranscriptMessage } from '../schemas/ticket';
import { TICKET_LIMITS as LIMITS } from '../schemas/ticket-limits';
import { cleanText, clip, defineHelpdesk, placeholderTicket, type TicketRef } from './define-helpdesk';
import { waitForRender } from './wait-for-render';

/**
 * Gmail: a thread is the ticket. Gmail's web app talks to its servers through private, obfuscated
 * RPCs, not a JSON API a content script could call, so this adapter reads the thread view in the
 * page, through the attributes Gmail has kept stable for years: `h2[data-thread-perm-id]` (the
 * subject), `[data-message-id]` (each message), `span[email][name]` (its sender) and `.a3s` (its body).
 */

/**
 * Mailbox paths: `/mail/u/<n>/`, the n-th signed-in account; `/mail/`, the first; and a delegated
 * mailbox, `/mail/b/<delegate>/u/<n>/`, as support teams sharing one inbox open it.
 */
const MAILBOX_PATH = /^\/mail(?:\/b\/([A-Za-z0-9_-]{1,100}))?(?:\/u\/(\d{1,2}))?\/?$/;
/** Views whose second hash segment is a thread: `#inbox/<thread>`. */
const PLAIN_VIEWS = new Set(['inbox', 'starred', 'snoozed', 'sent', 'drafts', 'imp', 'scheduled', 'all', 'spam', 'trash']);
/** Views with an argument, whose third segment is a thread: `#label/Billing/<thread>`, `#search/refund/<thread>`. */
const NAMED_VIEWS = new Set(['label', 'search', 'category', 'advanced-search']);
/** A thread token: Gmail's URL token (`FMfcgz…`) or a legacy hex thread id. */
const THREAD_TOKEN = /^[A-Za-z0-9]{16,80}$/;
/** How long to wait for Gmail to render the thread after the hash changed. */
export const GMAIL_RENDER_TIMEOUT_MS = 15_000;

function threadToken(hash: string): string | null {
  const parts = hash.replace(/^#/, '').split('?')[0]?.split('/') ?? [];
  const view = parts[0] ?? '';
  const token = PLAIN_VIEWS.has(view) && parts.length === 2 ? parts[1] : NAMED_VIEWS.has(view) && parts.length === 3 ? parts[2] : undefined;
  return token && THREAD_TOKEN.test(token) ? token : null;
}

/**
 * The thread view Gmail renders carries its own ids (`data-thread-perm-id`, `data-legacy-thread-id`),
 * not the URL token. A view once read for one token is never taken for another: right after the
 * hash changes, the previous thread is still on screen.
 */
const viewOfToken = new Map<string, string>();

function threadView(document: Document, token: string): Element | null {
  const heading = document.querySelector('[role="main"] h2[data-thread-perm-id]') ?? document.querySelector('h2[data-thread-perm-id]');
  if (!heading) return null;
  const permId = heading.getAttribute('data-thread-perm-id') ?? '';
  if (heading.getAttribute('data-legacy-thread-id') === token) return heading;
  const owner = viewOfToken.get(permId);
  if (owner !== undefined && owner !== token) return null;
  if (!heading.closest('[role="main"]')?.querySelector('[data-message-id]') && !document.querySelector('[data-message-id]')) return null;
  return heading;
}

/** The signed-in mailbox: the Google Account button's label, else the window title (`… - me@acme.com - Gmail`). */
function mailboxUser(document: Document): { email: string; name: string | null } | null {
  const label = document.querySelector('a[aria-label][href*="accounts.google.com/SignOutOptions"]')?.getAttribute('aria-label') ?? '';
  const fromLabel = /^[^:]*:\s*(.*?)\s*\(([^()\s]+@[^()\s]+)\)\s*$/s.exec(label);
  if (fromLabel?.[2]) return { email: fromLabel[2].toLowerCase(), name: cleanText(fromLabel[1]) || null };
  const fromTitle = document.title
    .split(' - ')
    .reverse()
    .find((part) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(part.trim()));
  return fromTitle ? { email: fromTitle.trim().toLowerCase(), name: null } : null;
}

function readThread(ref: TicketRef, document: Document, heading: Element): TicketContext {
  const root = heading.closest('[role="main"]') ?? document;
  const me = mailboxUser(document);
  const items = [...root.querySelectorAll('[data-message-id]')];
  let collapsed = 0;
  let customer: Person | null = null;
  let myName: string | null = null;
  const messages = items.slice(0, LIMITS.messages).map((item, index): TranscriptMessage => {
    const sender = item.querySelector('span[email][name], [email]');
    const email = (sender?.getAttribute('email') ?? '').trim();
    const name = cleanText(sender?.getAttribute('name') ?? sender?.textContent) || email || 'Unknown';
    const mine = me !== null && email.toLowerCase() === me.email;
    if (mine) myName ??= name;
    else if (!customer && email) customer = { name: clip(name), email: clip(email) };
    const body = item.querySelector('.a3s');
    if (!body) collapsed++;
    const id = item.getAttribute('data-legacy-message-id') ?? (item.getAttribute('data-message-id') ?? '').replace(/^#/, '');
    return {
      id: clip(id || String(index + 1)),
      author: clip(name),
      // Gmail has no internal notes or bots; without the mailbox address, the README's rule applies.
      role: me === null || mine ? 'agent' : 'customer',
      text: clip(cleanText(body?.textContent), LIMITS.messageChars),
    };
  });
  const problems: string[] = [];
  if (items.length > LIMITS.messages) problems.push(`Read the first ${LIMITS.messages} messages only.`);
  if (collapsed) problems.push(`${collapsed} collapsed message${collapsed === 1 ? ' was' : 's were'} read without text: expand all messages in Gmail to include them.`);
  if (!me) problems.push('Could not tell which address is the signed-in mailbox, so every message counts as the agent’s.');
  const agentName = myName ?? me?.name ?? me?.email;
  return {
    ...ref,
    channel: 'email',
    subject: clip(cleanText(heading.textContent)),
    status: '',
    customer,
    agent: agentName ? { name: clip(agentName), ...(me ? { email: clip(me.email) } : {}) } : null,
    messages,
    complete: messages.length > 0,
    ...(problems.length ? { problem: clip(problems.join(' ')) } : {}),
  };
}

export default defineHelpdesk({
  id: 'gmail',
  label: 'Gmail',
  matches: ['https://mail.google.com/mail/*'],
  ticketFromUrl(url) {
    if (url.protocol !== 'https:' || url.hostname !== 'mail.google.com') return null;
    const mailbox = MAILBOX_PATH.exec(url.pathname);
    const token = mailbox ? threadToken(url.hash) : null;
    if (!mailbox || !token) return null;
    const delegate = mailbox[1] ? `b/${mailbox[1]}/` : '';
    return { helpdesk: 'gmail', ticketId: token, url: `https://mail.google.com/mail/${delegate}u/${mailbox[2] ?? '0'}/#all/${token}` };
  },
  async readTicket(ref, context) {
    const { document, signal } = context;
    const heading = await waitForRender(document.documentElement, () => threadView(document, ref.ticketId), {
      signal,
      timeoutMs: GMAIL_RENDER_TIMEOUT_MS,
      attributeFilter: ['data-thread-perm-id'],
    });
    signal.throwIfAborted();
    if (!heading) return { ...placeholderTicket(ref, 'email'), problem: 'Gmail did not show this conversation on the page, so it could not be read.' };
    const permId = heading.getAttribute('data-thread-perm-id');
    if (permId) viewOfToken.set(permId, ref.ticketId);
    return readThread(ref, document, heading);
  },
  testUrls: {
    tickets: [
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfBhJkLNpRsTvWxZbCdFgHjKl',
      'https://mail.google.com/mail/u/1/#all/18b3d491b4320001',
      'https://mail.google.com/mail/u/0/#label/Billing+Support/FMfcgzQbfBhJkLNpRsTvWxZbCdFgHjKm',
      'https://mail.google.com/mail/u/0/#search/refund/FMfcgzQbfBhJkLNpRsTvWxZbCdFgHjKn?compose=new',
      'https://mail.google.com/mail/#inbox/FMfcgzQbfBhJkLNpRsTvWxZbCdFgHjKo',
      'https://mail.google.com/mail/u/2/#sent/FMfcgzQbfBhJkLNpRsTvWxZbCdFgHjKp',
      'https://mail.google.com/mail/u/0/#category/updates/FMfcgzQbfBhJkLNpRsTvWxZbCdFgHjKq',
      'https://mail.google.com/mail/b/ALGkd0xabc123/u/0/#inbox/FMfcgzQbfBhJkLNpRsTvWxZbCdFgHjKr',
    ],
    nonTickets: [
      'https://mail.google.com/mail/u/0/#inbox',
      'https://mail.google.com/mail/u/0/#inbox/p2',
      'https://mail.google.com/mail/u/0/#search/internationalization',
      'https://mail.google.com/mail/u/0/#settings/general',
      'https://mail.google.com/mail/#inbox',
      'https://mail.google.com/mail/u/0/#category/social',
      'https://mail.google.com/mail/b/ALGkd0xabc123/u/0/#inbox',
      'https://mail.google.com/mail/u/0/#label/Billing+Support',
      'https://mail.google.com/chat/u/0/#chat/home',
      'http://mail.google.com/mail/u/0/#inbox/FMfcgzQbfBhJkLNpRsTvWxZbCdFgHjKl',
      'https://mail.google.com.evil.example/mail/u/0/#inbox/FMfcgzQbfBhJkLNpRsTvWxZbCdFgHjKl',
    ],
  },
});
