import type { Person, TicketContext, TranscriptMessage } from '../schemas/ticket';
import { TICKET_LIMITS as LIMITS } from '../schemas/ticket-limits';
import { cleanText, clip, defineHelpdesk, type TicketRef } from './define-helpdesk';
import { readRenderedView } from './wait-for-render';

/**
 * Outlook on the web, for work accounts (outlook.office.com, outlook.office365.com,
 * outlook.cloud.microsoft) and personal ones (outlook.live.com): a mail thread is the ticket, as in
 * Gmail. Its data comes from Microsoft Graph or the mailbox service with tokens the app holds, not a
 * same-origin API the session opens, so the adapter reads the reading pane through the accessible
 * names Outlook gives it (`Reading Pane`, `Email message`, `Message body`, `From: …`), the message
 * list's `data-convid` and the Microsoft account manager's ids for the signed-in mailbox.
 */
const HOSTS = ['outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft', 'outlook.live.com'];
/** An Exchange item or conversation id as Outlook writes it in URLs (base64, URL-encoded). */
const ITEM_ID = /^[A-Za-z0-9+/=_-]{16,200}$/;
/** A mailbox segment before the folder: an account number (`0`) or a shared mailbox's address. */
const MAILBOX = /^(?:\d{1,2}|[^/@\s]{1,64}@[a-z0-9.-]{1,190})$/i;
/** Mail pages that are never a thread: compose, settings, and the lists themselves. */
const NOT_FOLDERS = new Set(['deeplink', 'options', 'compose']);
export const OUTLOOK_RENDER_WAIT_MS = 15_000;

function decoded(segment: string | undefined): string | null {
  if (!segment) return null;
  try {
    const id = decodeURIComponent(segment);
    return ITEM_ID.test(id) ? id : null;
  } catch {
    return null;
  }
}

/** The mailbox segment (with its slash) and the item id of a mail URL, or null for any other page. */
function itemOf(url: URL): { mailbox: string; id: string } | null {
  if (url.pathname === '/owa/' || url.pathname === '/owa') {
    // The link Microsoft Graph gives a message (`webLink`): /owa/?ItemID=<id>&exvsurl=1&viewmodel=ReadMessageItem.
    const id = url.searchParams.get('ItemID');
    return id && ITEM_ID.test(id) ? { mailbox: '', id } : null;
  }
  const parts = url.pathname.split('/').slice(1);
  if (parts[0] !== 'mail') return null;
  let rest = parts.slice(1).filter((part, index, all) => part !== '' || index < all.length - 1);
  const mailbox = rest[0] && MAILBOX.test(decodeURIComponent(rest[0])) ? `${rest[0]}/` : '';
  if (mailbox) rest = rest.slice(1);
  // /mail/[mailbox/]deeplink/read/<id>
  if (rest[0] === 'deeplink') {
    const id = rest[1] === 'read' && rest.length === 3 ? decoded(rest[2]) : null;
    return id ? { mailbox, id } : null;
  }
  // /mail/[mailbox/]<folder…>/id/<id>: a thread opened from any folder, search or filtered view.
  const at = rest.lastIndexOf('id');
  if (at < 0 || at !== rest.length - 2 || at > 6 || NOT_FOLDERS.has(rest[0] ?? '')) return null;
  const id = decoded(rest[at + 1]);
  return id ? { mailbox, id } : null;
}

/**
 * The reading pane, when it shows this thread. The pane does not name its thread; the message
 * list's selected row does (`data-convid`), so a conversation id in the URL must match it. A message
 * id (from a link or `webLink`) opens the thread whose pane is on screen.
 */
function readingPane(document: Document, ref: TicketRef): Element | null {
  const pane = document.querySelector('[aria-label="Reading Pane"]');
  if (!pane?.querySelector('[aria-label="Email message"]')) return null;
  const shown = pane.getAttribute('data-convid') ?? document.querySelector('[data-convid][aria-selected="true"]')?.getAttribute('data-convid');
  const isConversationId = ref.ticketId.startsWith('AAQk');
  return !isConversationId || shown == null || shown === ref.ticketId ? pane : null;
}

/** The signed-in mailbox, from the Microsoft account manager in Outlook's header. */
function mailboxUser(document: Document): { name: string | null; email: string } | null {
  const email = cleanText(document.querySelector('#mectrl_currentAccount_secondary')?.textContent).toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return null;
  return { name: cleanText(document.querySelector('#mectrl_currentAccount_primary')?.textContent) || null, email };
}

/** `From: Name <address>` as Outlook shows a sender: the name, and the address when shown. */
function sender(item: Element): { name: string; email: string } {
  const from = item.querySelector('[aria-label^="From:"]');
  const shown = cleanText(from?.textContent);
  // Only the address at the end is cut off: a display name may itself hold angle brackets (`<b>Ana</b> <a@b.c>`).
  const address = /\s*<([^<>\s]+@[^<>\s]+)>$/.exec(shown);
  const email = (address?.[1] ?? from?.getAttribute('title') ?? '').trim();
  const name = cleanText(address ? shown.slice(0, address.index) : shown) || cleanText(from?.getAttribute('aria-label')?.replace(/^From:\s*/, '')) || email || 'Unknown';
  return { name, email };
}

function readThread(ref: TicketRef, pane: Element, document: Document): TicketContext {
  const me = mailboxUser(document);
  const items = [...pane.querySelectorAll('[aria-label="Email message"]')];
  let customer: Person | null = null;
  let myName: string | null = null;
  let collapsed = 0;
  const messages = items.slice(0, LIMITS.messages).map((item, index): TranscriptMessage => {
    const { name, email } = sender(item);
    const mine = me !== null && email.toLowerCase() === me.email;
    if (mine) myName ??= name;
    else if (!customer) customer = { name: clip(name), ...(email ? { email: clip(email) } : {}) };
    const body = item.querySelector('[aria-label="Message body"]');
    if (!body) collapsed++;
    const at = item.querySelector('time[datetime]')?.getAttribute('datetime');
    return {
      // The pane gives messages no id of their own: their place in the thread is theirs.
      id: String(index + 1),
      author: clip(name),
      // Mail has no internal notes or bots; without the mailbox address, the README's rule applies.
      role: me === null || mine ? 'agent' : 'customer',
      ...(at ? { at: clip(at) } : {}),
      text: clip(cleanText(body?.textContent), LIMITS.messageChars),
    };
  });
  const problems: string[] = [];
  if (items.length > LIMITS.messages) problems.push(`Read the first ${LIMITS.messages} messages only.`);
  if (collapsed) problems.push(`${collapsed} collapsed message${collapsed === 1 ? ' was' : 's were'} read without text: expand the conversation in Outlook to include them.`);
  if (!me) problems.push('Could not tell which address is the signed-in mailbox, so every message counts as the agent’s.');
  const agentName = myName ?? me?.name ?? me?.email;
  return {
    ...ref,
    channel: 'email',
    subject: clip(cleanText(pane.querySelector('[role="heading"]')?.textContent)),
    status: '',
    customer,
    agent: agentName ? { name: clip(agentName), ...(me ? { email: clip(me.email) } : {}) } : null,
    messages,
    complete: messages.length > 0,
    ...(problems.length ? { problem: clip(problems.join(' ')) } : {}),
  };
}

export default defineHelpdesk({
  id: 'outlook',
  label: 'Outlook on the web',
  // Mail is one single-page app under /mail/ on each host; /owa/ answers the links Graph gives messages.
  matches: HOSTS.flatMap((host) => [`https://${host}/mail/*`, `https://${host}/owa/*`]),
  ticketFromUrl(url) {
    if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname) || url.port) return null;
    const item = itemOf(url);
    if (!item) return null;
    return { helpdesk: 'outlook', ticketId: item.id, url: `${url.origin}/mail/${item.mailbox}deeplink/read/${encodeURIComponent(item.id)}` };
  },
  readTicket: readRenderedView({
    find: readingPane,
    read: readThread,
    timeoutMs: OUTLOOK_RENDER_WAIT_MS,
    attributeFilter: ['aria-label', 'aria-selected', 'data-convid'],
    missing: 'Outlook did not show this conversation on the page, so it could not be read.',
    channel: 'email',
  }),
  testUrls: {
    tickets: [
      'https://outlook.office.com/mail/inbox/id/AAQkAGI2TGuLAAA%3D',
      'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS0wNGFmLTgzNzUtMDACLTAwCgAQAPXK05zp6h9Jux6hjRuJiDM%3D',
      'https://outlook.office365.com/mail/archive/id/AAMkAGRhNmFlNWUyLTIzMTAtNGY4Ny05MTBkLWY4NzdhYTU0ZTUxYgBGAAAAAAC',
      'https://outlook.office.com/mail/support@contoso.com/inbox/id/AAQkAGI2TGuLAAB%3D',
      'https://outlook.office.com/mail/subfolder/nested/id/AAQkAGI2TGuLAAC%3D?nlp=1',
      'https://outlook.cloud.microsoft/mail/inbox/id/AAQkAGI2TGuLAAD%3D',
      'https://outlook.live.com/mail/0/inbox/id/AQMkADAwATM0MDAAMS0wNGFmLTgzNzUtMDACLTAwCgBGAAAD',
      'https://outlook.live.com/mail/0/deeplink/read/AQMkADAwATM0MDAAMS0wNGFmLTgzNzUtMDACLTAwCgBGAAAE',
      'https://outlook.office365.com/owa/?ItemID=AAMkAGI2THVSAAA%3D&exvsurl=1&viewmodel=ReadMessageItem',
    ],
    nonTickets: [
      'https://outlook.office.com/mail/',
      'https://outlook.office.com/mail/inbox',
      'https://outlook.live.com/mail/0/inbox',
      'https://outlook.office365.com/mail/search/meeting',
      'https://outlook.live.com/mail/0/deeplink/compose',
      'https://outlook.office.com/mail/options/general',
      'https://outlook.office.com/mail/inbox/id/',
      'https://outlook.office.com/calendar/view/week',
      'http://outlook.office.com/mail/inbox/id/AAQkAGI2TGuLAAA%3D',
      'https://outlook.office.com.evil.example/mail/inbox/id/AAQkAGI2TGuLAAA%3D',
      'https://graph.microsoft.com/v1.0/me/messages/AAMkAGI2THVSAAA%3D',
    ],
  },
});
