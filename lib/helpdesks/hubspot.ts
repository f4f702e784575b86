import type { Channel } from '../schemas/common';
import type { MessageRole, TicketContext } from '../schemas/ticket';
import { TICKET_LIMITS as LIMITS } from '../schemas/ticket-limits';
import { clip, defineHelpdesk, pageMessages, pageText, placeholderTicket, type TicketRef } from './define-helpdesk';
import { waitForRender } from './wait-for-render';

/**
 * HubSpot help desk and conversations inbox. The web app reads its data from api.hubspot.com
 * (another host) with a CSRF header taken from a cookie; the public CRM and conversations APIs
 * (api.hubapi.com) need an app token. Neither is a same-origin path a content script may call with
 * the user's session, so this adapter reads the page, through its `data-test-id` hooks.
 */

/** HubSpot's app hosts: na1 and its regional data centres. */
/** The app's host in each data centre: North America (na1, na2), Europe (eu1), Australia (ap1). */
const HOSTS = new Set(['app.hubspot.com', 'app-na1.hubspot.com', 'app-na2.hubspot.com', 'app-eu1.hubspot.com', 'app-ap1.hubspot.com']);
/** `/help-desk/<portalId>/view/<viewId>/ticket/<ticketId>` (the view part is optional). */
const HELP_DESK_PATH = /^\/help-desk\/(\d+)\/(?:view\/([\w-]+)\/)?ticket\/(\d+)(?:\/|$)/;
/** `/live-messages/<portalId>/inbox/<threadId>`: a conversations inbox thread. */
const INBOX_PATH = /^\/live-messages\/(\d+)\/inbox\/(\d+)(?:\/|$)/;
/** A ticket's CRM record: `/contacts/<portalId>/ticket/<id>` and `/contacts/<portalId>/record/0-5/<id>` (0-5 is the ticket object). */
const RECORD_PATH = /^\/contacts\/(\d+)\/(?:ticket|record\/0-5)\/(\d+)(?:\/|$)/;
/** How long to wait for the app to render the ticket after the URL changed. */
export const HUBSPOT_RENDER_WAIT_MS = 8000;

/** Conversations channel ids (`channelId`) and the names the app shows, grouped for QA reports. */
const CHANNELS: Record<string, Channel> = {
  '1000': 'chat',
  '1001': 'social',
  '1002': 'email',
  '1003': 'email',
  '1007': 'messaging',
  EMAIL: 'email',
  FORMS: 'email',
  LIVE_CHAT: 'chat',
  CHAT: 'chat',
  FB_MESSENGER: 'social',
  FACEBOOK: 'social',
  WHATSAPP: 'messaging',
  SMS: 'messaging',
  CALLING: 'voice',
  CALL: 'voice',
  PHONE: 'voice',
};

export function hubspotChannel(channel: string | null | undefined): Channel {
  const key = (channel ?? '').trim().toUpperCase();
  return Object.hasOwn(CHANNELS, key) ? (CHANNELS[key] ?? 'other') : 'other';
}

/**
 * A message's role from the app's hooks: comments are internal; otherwise the sender's actor id
 * (`V-` visitor, `E-` email address, `A-` agent, `B-` bot, `S-` system, `I-` integration), then
 * the direction.
 */
export function hubspotRole(type: string | null, actorId: string | null, direction: string | null): MessageRole {
  if (type?.toUpperCase() === 'COMMENT') return 'internal';
  const prefix = actorId?.split('-', 1)[0]?.toUpperCase();
  if (prefix === 'V' || prefix === 'E') return 'customer';
  if (prefix === 'A') return 'agent';
  if (prefix === 'B' || prefix === 'S' || prefix === 'I') return 'bot';
  return direction?.toUpperCase() === 'INCOMING' ? 'customer' : 'agent';
}

/** The rendered view of this ticket or thread, once the app has drawn it. */
function viewOf(ref: TicketRef, document: Document): Element | null {
  const thread = /^thread-(\d+)$/.exec(ref.ticketId)?.[1];
  const selector = thread
    ? `[data-test-id="thread-view"][data-thread-id="${thread}"]`
    : `[data-test-id="ticket-view"][data-ticket-id="${ref.ticketId}"]`;
  return document.querySelector(selector);
}

function readView(ref: TicketRef, view: Element): TicketContext {
  const text = pageText(view);
  const items = [...view.querySelectorAll('[data-test-id="thread-message"]')];
  const messages = pageMessages(items.slice(0, LIMITS.messages), {
    id: (item) => item.getAttribute('data-message-id'),
    role: (item) => hubspotRole(item.getAttribute('data-message-type'), item.getAttribute('data-actor-id'), item.getAttribute('data-direction')),
    author: '[data-test-id="message-sender-name"]',
    body: '[data-test-id="message-text"]',
  });
  const customer = text('[data-test-id="contact-name"]');
  const customerEmail = text('[data-test-id="contact-email"]');
  const agent = text('[data-test-id="ticket-owner-name"]') || text('[data-test-id="thread-assignee-name"]');
  const problems: string[] = [];
  if (!messages.length) problems.push('The page shows no conversation for this ticket.');
  if (items.length > messages.length) problems.push(`Read the first ${messages.length} messages only: the rest was not read.`);
  return {
    ...ref,
    channel: hubspotChannel(view.querySelector('[data-test-id="thread-channel"]')?.getAttribute('data-channel-id')),
    // A help desk ticket shows its subject and pipeline stage; an inbox thread its email subject and status.
    subject: clip(text('[data-test-id="ticket-subject"]') || text('[data-test-id="thread-subject"]')),
    status: clip(text('[data-test-id="ticket-pipeline-stage"]') || text('[data-test-id="thread-status"]')),
    customer: customer ? { name: clip(customer), ...(customerEmail ? { email: clip(customerEmail) } : {}) } : null,
    agent: agent ? { name: clip(agent) } : null,
    messages,
    complete: messages.length > 0,
    ...(problems.length ? { problem: clip(problems.join(' ')) } : {}),
  };
}

export default defineHelpdesk({
  id: 'hubspot',
  label: 'HubSpot',
  matches: [...HOSTS].flatMap((host) => [
    `https://${host}/help-desk/*`,
    `https://${host}/live-messages/*`,
    `https://${host}/contacts/*/ticket/*`,
    `https://${host}/contacts/*/record/0-5/*`,
  ]),
  ticketFromUrl(url) {
    if (url.protocol !== 'https:' || !HOSTS.has(url.hostname)) return null;
    const desk = HELP_DESK_PATH.exec(url.pathname);
    if (desk) {
      const [, portal, view, ticket] = desk;
      const path = view ? `/help-desk/${portal}/view/${view}/ticket/${ticket}` : `/help-desk/${portal}/ticket/${ticket}`;
      return ticket ? { helpdesk: 'hubspot', ticketId: ticket, url: `${url.origin}${path}` } : null;
    }
    const record = RECORD_PATH.exec(url.pathname);
    if (record?.[2]) return { helpdesk: 'hubspot', ticketId: record[2], url: `${url.origin}/contacts/${record[1]}/record/0-5/${record[2]}` };
    const inbox = INBOX_PATH.exec(url.pathname);
    if (inbox?.[2]) return { helpdesk: 'hubspot', ticketId: `thread-${inbox[2]}`, url: `${url.origin}/live-messages/${inbox[1]}/inbox/${inbox[2]}` };
    return null;
  },
  async readTicket(ref, context) {
    const { document, signal } = context;
    // The app draws the ticket after fetching it: wait for this ticket's view and its first message.
    const rendered = () => {
      const view = viewOf(ref, document);
      return view?.querySelector('[data-test-id="thread-message"]') ? view : null;
    };
    const attributeFilter = ['data-test-id', 'data-ticket-id', 'data-thread-id'];
    // Past the wait, a view without messages is still this ticket's: read what it shows.
    const view = (await waitForRender(document, rendered, { signal, timeoutMs: HUBSPOT_RENDER_WAIT_MS, attributeFilter })) ?? viewOf(ref, document);
    signal.throwIfAborted();
    return view ? readView(ref, view) : { ...placeholderTicket(ref), problem: 'The page did not show this ticket: open it in HubSpot and try again.' };
  },
  testUrls: {
    tickets: [
      'https://app.hubspot.com/help-desk/4411223/view/112233/ticket/5101',
      'https://app-eu1.hubspot.com/help-desk/26001122/view/all-open/ticket/778899?tab=thread',
      'https://app.hubspot.com/help-desk/4411223/ticket/5102',
      'https://app.hubspot.com/live-messages/4411223/inbox/8801',
      'https://app-na2.hubspot.com/live-messages/4411223/inbox/990011/',
      'https://app.hubspot.com/contacts/4411223/ticket/5103',
      'https://app.hubspot.com/contacts/4411223/record/0-5/5104?eschref=%2Fcontacts',
      'https://app-ap1.hubspot.com/contacts/22617666/record/0-5/6601',
      'https://app-na1.hubspot.com/help-desk/4411223/ticket/5105',
    ],
    nonTickets: [
      'https://app.hubspot.com/help-desk/4411223/view/112233',
      'https://app.hubspot.com/live-messages/4411223/inbox',
      'https://app.hubspot.com/contacts/4411223/objects/0-5/views/all/list',
      'https://app.hubspot.com/contacts/4411223/record/0-1/5101',
      'https://app.hubspot.com/contacts/4411223/record/0-3/5101',
      'https://app.hubspot.com/contacts/4411223/tickets/list/view/all',
      'https://app-ap1.hubspot.com/contacts/22617666/objectLists/12/',
      'https://app.hubspot.com/reports-dashboard/4411223',
      'http://app.hubspot.com/help-desk/4411223/view/112233/ticket/5101',
      'https://app.hubspot.com.evil.example/help-desk/4411223/view/112233/ticket/5101',
      'https://evil.hubspot.com/help-desk/4411223/view/112233/ticket/5101',
    ],
  },
});
