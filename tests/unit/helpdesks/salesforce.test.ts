import type { Channel } from '../../../lib/schemas/common';
import { TICKET_LIMITS, TicketContextSchema, type MessageRole, type TicketContext } from '../../../lib/schemas/ticket';
import type { TicketRef } from '../../../lib/helpdesks/define-helpdesk';
import salesforce, { SALESFORCE_RENDER_WAIT_MS, salesforceChannel, salesforceRole, type FeedFacts } from '../../../lib/helpdesks/salesforce';
import { fixtureFetch, readFixture, showFixturePage } from './fixture-fetch';

const ORIGIN = 'https://acme.lightning.force.com';
const PAGES: Record<string, string> = {
  email: '/lightning/r/Case/500Hs00001XyZ12AAF/view',
  chat: '/lightning/r/Case/500Hs00001XyZ13AAF/view',
};

function refFor(name: string): TicketRef {
  const ref = salesforce.ticketFromUrl(new URL(`${ORIGIN}${PAGES[name] ?? ''}`));
  if (!ref) throw new Error(`salesforce does not recognise ${name}`);
  return ref;
}

/** The app as the adapter sees it: the snapshot's body, without its script. */
const showPage = (name: string) => void showFixturePage('salesforce', `page-${name}.html`);

/** Reads a case the way the content script does; the adapter asks nothing of the network. */
async function read(name: string, signal: AbortSignal = new AbortController().signal) {
  const fixtures = fixtureFetch({ helpdesk: 'salesforce', origin: ORIGIN });
  const ticket = await salesforce.readTicket(refFor(name), { document, fetch: fixtures.fetch, signal });
  return { ticket, requests: fixtures.requests };
}

const expected = (name: string) => readFixture<TicketContext>('salesforce', `expected/${name}.json`);

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('salesforce.readTicket, from the page', () => {
  it.each(Object.keys(PAGES))('reads page-%s.html as expected/%s.json, with no request', async (name) => {
    showPage(name);
    const { ticket, requests } = await read(name);
    expect(ticket).toStrictEqual(expected(name));
    expect(TicketContextSchema.parse(ticket)).toStrictEqual(expected(name));
    expect(requests).toEqual([]);
  });

  it('gives unpublished case comments the role internal, chatbot entries bot, incoming emails customer', async () => {
    showPage('chat');
    expect((await read('chat')).ticket.messages.map((m) => m.role)).toEqual(['bot', 'customer', 'agent', 'internal']);
    showPage('email');
    expect((await read('email')).ticket.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'internal', 'customer']);
  });

  it('reads only this case when the console keeps another case in the page', async () => {
    showPage('email');
    const email = document.body.innerHTML;
    showPage('chat');
    document.body.insertAdjacentHTML('afterbegin', email);
    expect((await read('chat')).ticket).toStrictEqual(expected('chat'));
    expect((await read('email')).ticket).toStrictEqual(expected('email'));
  });

  it('finds the case by its 15-character id too', async () => {
    showPage('email');
    const ref = salesforce.ticketFromUrl(new URL(`${ORIGIN}/lightning/r/Case/500Hs00001XyZ12/view`));
    if (!ref) throw new Error('no ref');
    const ticket = await salesforce.readTicket(ref, { document, fetch: fixtureFetch({ helpdesk: 'salesforce', origin: ORIGIN }).fetch, signal: new AbortController().signal });
    expect(ticket.messages).toEqual(expected('email').messages);
  });

  it('keeps hostile markup as literal plain text and runs none of it', async () => {
    showPage('email');
    const { ticket } = await read('email');
    expect(ticket.messages[3]?.text).toBe('Great, thank you Alex! <script>window.__qaLensPwned=1</script>');
    showPage('chat');
    expect((await read('chat')).ticket.messages[3]?.text).toBe('Carrier slot changed; <i>no fee</i> charged.');
    expect(document.querySelector('script, img, i')).toBeNull();
    expect((globalThis as { __qaLensPwned?: unknown }).__qaLensPwned).toBeUndefined();
  });

  it('does not read another case still on the page, and says so', async () => {
    vi.useFakeTimers();
    showPage('email');
    const reading = salesforce.readTicket(refFor('chat'), { document, fetch: fixtureFetch({ helpdesk: 'salesforce', origin: ORIGIN }).fetch, signal: new AbortController().signal });
    await vi.advanceTimersByTimeAsync(SALESFORCE_RENDER_WAIT_MS + 200);
    const ticket = await reading;
    expect(ticket).toMatchObject({ ticketId: '500Hs00001XyZ13AAF', messages: [], complete: false, customer: null, agent: null });
    expect(ticket.problem).toMatch(/did not show this case/);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });

  it('waits for the console to render the case', async () => {
    vi.useFakeTimers();
    const reading = read('email');
    // It waits on DOM changes, not by polling: an idle page is not searched again.
    const looks = vi.spyOn(document, 'querySelectorAll');
    await vi.advanceTimersByTimeAsync(1500);
    expect(looks).not.toHaveBeenCalled();
    showPage('email');
    await vi.advanceTimersByTimeAsync(200);
    expect((await reading).ticket).toStrictEqual(expected('email'));
  });

  it('clips an oversized subject and message to the ticket limits', async () => {
    showPage('email');
    const subject = document.querySelector('[data-target-selection-name="sfdc:RecordField.Case.Subject"] .test-id__field-value');
    const body = document.querySelector('[data-feed-part="body"]');
    if (!subject || !body) throw new Error('snapshot changed');
    subject.textContent = 'S'.repeat(5000);
    body.textContent = 'x'.repeat(250_000);
    const { ticket } = await read('email');
    expect(ticket.subject).toHaveLength(TICKET_LIMITS.fieldChars);
    expect(ticket.messages[0]?.text).toHaveLength(TICKET_LIMITS.messageChars);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });
});

describe('an aborted read', () => {
  it('rejects at once when the signal is already aborted', async () => {
    showPage('email');
    const controller = new AbortController();
    controller.abort();
    await expect(read('email', controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects while waiting for the page once the user leaves', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const settled = expect(read('email', controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    await vi.advanceTimersByTimeAsync(500);
    controller.abort();
    await settled;
  });
});

describe('salesforceChannel', () => {
  it.each<[string | null | undefined, Channel]>([
    ['Email', 'email'],
    ['Web', 'email'],
    ['Chat', 'chat'],
    ['Messaging', 'messaging'],
    ['WhatsApp', 'messaging'],
    ['Phone', 'voice'],
    ['Facebook', 'social'],
    ['Twitter', 'social'],
    ['Carrier pigeon', 'other'],
    ['constructor', 'other'],
    ['__proto__', 'other'],
    [null, 'other'],
    [undefined, 'other'],
  ])('Origin %j is %s', (origin, expectedChannel) => {
    expect(salesforceChannel(origin)).toBe(expectedChannel);
  });
});

describe('salesforceRole', () => {
  it.each<[FeedFacts, MessageRole]>([
    [{ type: 'CaseComment', published: 'false' }, 'internal'],
    [{ type: 'CaseComment', published: null }, 'internal'],
    [{ type: 'CaseComment', published: 'true' }, 'agent'],
    [{ type: 'EmailMessage', incoming: 'true' }, 'customer'],
    [{ type: 'EmailMessage', incoming: 'false' }, 'agent'],
    [{ type: 'ConversationEntry', senderRole: 'EndUser' }, 'customer'],
    [{ type: 'ConversationEntry', senderRole: 'Chatbot' }, 'bot'],
    [{ type: 'ConversationEntry', senderRole: 'Agent' }, 'agent'],
    [{ type: null }, 'agent'],
  ])('%j is %s', (facts, role) => {
    expect(salesforceRole(facts)).toBe(role);
  });
});
