import type { Channel } from '../schemas/common';
import type { MessageRole, TicketContext } from '../schemas/ticket';
import { TICKET_LIMITS as LIMITS } from '../schemas/ticket-limits';
import { clip, defineHelpdesk, pageMessages, pageText, placeholderTicket, type TicketRef } from './define-helpdesk';
import { waitForRender } from './wait-for-render';

/**
 * Salesforce Service Console (Lightning). The Lightning app talks to its Aura endpoint with a page
 * token; the REST and UI APIs (`/services/data/vXX.X/…`) refuse the Lightning domain's session
 * cookie (the session is not API-enabled there, and the API wants an `Authorization` header), so a
 * content script cannot call them same-origin. This adapter reads the open Case record page: its
 * fields through Lightning's `data-target-selection-name="sfdc:RecordField.Case.<Field>"` hooks,
 * and the case feed (emails, case comments, messaging entries) through `data-feed-*` hooks.
 */

const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.lightning\.force\.com$/;
/** `/lightning/r/Case/<caseId>/view`: Case ids start with 500, 15 or 18 characters. */
const CASE_ID = '(500[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?)';
/** `/lightning/r/Case/<id>/view`, also without the object's name (`/lightning/r/<id>/view`): a case id starts with 500. */
const CASE_PATH = new RegExp(`^\\/lightning\\/r\\/(?:Case\\/)?${CASE_ID}\\/view(?:\\/|$)`);
/** The Lightning URLs of before Winter '18, which still redirect: `/one/one.app#/sObject/<id>/view`. */
const ONE_APP_HASH = new RegExp(`^#\\/sObject\\/${CASE_ID}(?:\\/view)?(?:[/?]|$)`);
/** How long to wait for Lightning to render the case after the URL changed. */
export const SALESFORCE_RENDER_WAIT_MS = 10_000;

/** Case `Origin` picklist values (standard and common custom ones), grouped for QA reports. */
const CHANNELS: Record<string, Channel> = {
  email: 'email',
  web: 'email',
  chat: 'chat',
  messaging: 'messaging',
  sms: 'messaging',
  whatsapp: 'messaging',
  phone: 'voice',
  voice: 'voice',
  facebook: 'social',
  twitter: 'social',
  social: 'social',
};

export function salesforceChannel(origin: string | null | undefined): Channel {
  const key = (origin ?? '').trim().toLowerCase();
  return Object.hasOwn(CHANNELS, key) ? (CHANNELS[key] ?? 'other') : 'other';
}

/** What a feed item's hooks say: an EmailMessage's `Incoming`, a CaseComment's `IsPublished`, a messaging entry's sender role. */
export interface FeedFacts {
  type: string | null;
  incoming?: string | null;
  published?: string | null;
  senderRole?: string | null;
}

export function salesforceRole({ type, incoming, published, senderRole }: FeedFacts): MessageRole {
  if (type === 'CaseComment') return published === 'true' ? 'agent' : 'internal';
  if (type === 'EmailMessage') return incoming === 'true' ? 'customer' : 'agent';
  if (type === 'ConversationEntry') {
    if (senderRole === 'EndUser') return 'customer';
    if (senderRole === 'Chatbot' || senderRole === 'System') return 'bot';
  }
  return 'agent';
}

function readRecord(ref: TicketRef, record: Element): TicketContext {
  const text = pageText(record);
  const field = (name: string) => text(`[data-target-selection-name="sfdc:RecordField.Case.${name}"] .test-id__field-value`);
  const items = [...record.querySelectorAll('[data-feed-item-id]')];
  const messages = pageMessages(items.slice(0, LIMITS.messages), {
    id: (item) => item.getAttribute('data-feed-item-id') || null,
    role: (item) =>
      salesforceRole({
        type: item.getAttribute('data-feed-type'),
        incoming: item.getAttribute('data-incoming'),
        published: item.getAttribute('data-published'),
        senderRole: item.getAttribute('data-sender-role'),
      }),
    author: '[data-feed-part="author"]',
    body: '[data-feed-part="body"]',
  });
  const customer = field('ContactId');
  const email = field('ContactEmail') || field('SuppliedEmail');
  const agent = field('OwnerId');
  const problems: string[] = [];
  if (!messages.length) problems.push('The case feed on the page shows no emails, comments or messages.');
  if (items.length > messages.length) problems.push(`Read the first ${messages.length} feed items only: the rest was not read.`);
  return {
    ...ref,
    channel: salesforceChannel(field('Origin')),
    subject: clip(field('Subject')),
    status: clip(field('Status')),
    customer: customer ? { name: clip(customer), ...(email ? { email: clip(email) } : {}) } : null,
    agent: agent ? { name: clip(agent) } : null,
    messages,
    complete: messages.length > 0,
    ...(problems.length ? { problem: clip(problems.join(' ')) } : {}),
  };
}

/** The console keeps other cases' tabs in the page: only this case's record container counts. */
function recordOf(ref: TicketRef, document: Document): Element | null {
  const id = ref.ticketId;
  for (const element of document.querySelectorAll('[data-record-id]')) {
    const other = element.getAttribute('data-record-id') ?? '';
    // A 15-character id is the case-sensitive prefix of the 18-character one.
    if (other === id || (other.length !== id.length && (other.startsWith(id) || id.startsWith(other)) && Math.min(other.length, id.length) === 15)) {
      if (element.querySelector('[data-target-selection-name^="sfdc:RecordField.Case."]')) return element;
    }
  }
  return null;
}

export default defineHelpdesk({
  id: 'salesforce',
  label: 'Salesforce Service Console',
  matches: ['https://*.lightning.force.com/lightning/*', 'https://*.lightning.force.com/one/*'],
  ticketFromUrl(url) {
    if (url.protocol !== 'https:' || !HOST.test(url.hostname)) return null;
    const id = CASE_PATH.exec(url.pathname)?.[1] ?? (url.pathname === '/one/one.app' ? ONE_APP_HASH.exec(url.hash)?.[1] : undefined);
    return id ? { helpdesk: 'salesforce', ticketId: id, url: `${url.origin}/lightning/r/Case/${id}/view` } : null;
  },
  async readTicket(ref, context) {
    const { document, signal } = context;
    // Lightning draws the record after fetching it: wait for this case's record and its first feed item.
    const rendered = () => {
      const record = recordOf(ref, document);
      return record?.querySelector('[data-feed-item-id]') ? record : null;
    };
    const attributeFilter = ['data-record-id', 'data-target-selection-name', 'data-feed-item-id'];
    // Past the wait, a record without a feed is still this case's: read what it shows.
    const record = (await waitForRender(document, rendered, { signal, timeoutMs: SALESFORCE_RENDER_WAIT_MS, attributeFilter })) ?? recordOf(ref, document);
    signal.throwIfAborted();
    return record
      ? readRecord(ref, record)
      : { ...placeholderTicket(ref), problem: 'The page did not show this case: open its record page in the console and try again.' };
  },
  testUrls: {
    tickets: [
      'https://acme.lightning.force.com/lightning/r/Case/500Hs00001XyZ12AAF/view',
      'https://acme.lightning.force.com/lightning/r/Case/500Hs00001XyZ13AAF/view?ws=%2Flightning%2Fr%2FCase%2F500Hs00001XyZ12AAF%2Fview',
      'https://acme--uat.sandbox.lightning.force.com/lightning/r/Case/500Hs00001XyZ12/view',
      'https://acme.lightning.force.com/lightning/r/500Hs00001XyZ14AAF/view',
      'https://acme.lightning.force.com/one/one.app#/sObject/500Hs00001XyZ15AAF/view',
      'https://acme.lightning.force.com/one/one.app#/sObject/500Hs00001XyZ16AAF',
      'https://acme--dev.develop.lightning.force.com/lightning/r/Case/500Hs00001XyZ17AAF/view',
    ],
    nonTickets: [
      'https://acme.lightning.force.com/lightning/o/Case/list?filterName=Recent',
      'https://acme.lightning.force.com/lightning/r/Account/001Hs00001AbCd1AAF/view',
      'https://acme.lightning.force.com/lightning/r/Case/001Hs00001AbCd1AAF/view',
      'https://acme.lightning.force.com/lightning/page/home',
      'https://acme.lightning.force.com/lightning/r/001Hs00001AbCd1AAF/view',
      'https://acme.lightning.force.com/one/one.app#/sObject/001Hs00001AbCd1AAF/view',
      'https://acme.lightning.force.com/one/one.app#/sObject/Case/list',
      'https://acme.lightning.force.com/lightning/setup/SetupOneHome/home',
      'https://acme.my.salesforce.com/500Hs00001XyZ12AAF',
      'https://acme.my.salesforce.com/lightning/r/Case/500Hs00001XyZ12AAF/view',
      'http://acme.lightning.force.com/lightning/r/Case/500Hs00001XyZ12AAF/view',
      'https://acme.lightning.force.com.evil.example/lightning/r/Case/500Hs00001XyZ12AAF/view',
    ],
  },
});
