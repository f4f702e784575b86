import type { Channel } from '../../../lib/schemas/common';
import { TICKET_LIMITS, TicketContextSchema, type MessageRole, type TicketContext } from '../../../lib/schemas/ticket';
import type { TicketRef } from '../../../lib/helpdesks/define-helpdesk';
import kustomer, { KUSTOMER_RENDER_WAIT_MS, kustomerChannel, kustomerRole } from '../../../lib/helpdesks/kustomer';
import { fixtureFetch, readFixture, showFixturePage } from './fixture-fetch';

const ORIGIN = 'https://acme.kustomerapp.com';
const PAGES: Record<string, string> = {
  email: '/app/customers/5f0c0a1b2c3d4e5f60718201/event/65a1b2c3d4e5f60718293a01',
  chat: '/app/customers/5f0c0a1b2c3d4e5f60718202/event/65a1b2c3d4e5f60718293a02',
};

function refFor(name: string): TicketRef {
  const ref = kustomer.ticketFromUrl(new URL(`${ORIGIN}${PAGES[name] ?? ''}`));
  if (!ref) throw new Error(`kustomer does not recognise ${name}`);
  return ref;
}

/** The app as the adapter sees it: the snapshot's body, without its script. */
const showPage = (name: string) => void showFixturePage('kustomer', `page-${name}.html`);

/** Reads a conversation the way the content script does; the adapter asks nothing of the network. */
async function read(name: string, signal: AbortSignal = new AbortController().signal) {
  const fixtures = fixtureFetch({ helpdesk: 'kustomer', origin: ORIGIN });
  const ticket = await kustomer.readTicket(refFor(name), { document, fetch: fixtures.fetch, signal });
  return { ticket, requests: fixtures.requests };
}

const expected = (name: string) => readFixture<TicketContext>('kustomer', `expected/${name}.json`);

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('kustomer.readTicket, from the page', () => {
  it.each(Object.keys(PAGES))('reads page-%s.html as expected/%s.json, with no request', async (name) => {
    showPage(name);
    const { ticket, requests } = await read(name);
    expect(ticket).toStrictEqual(expected(name));
    expect(TicketContextSchema.parse(ticket)).toStrictEqual(expected(name));
    expect(requests).toEqual([]);
  });

  it('gives notes the role internal and automatic replies the role bot', async () => {
    showPage('chat');
    const { ticket } = await read('chat');
    expect(ticket.messages.map((m) => m.role)).toEqual(['bot', 'customer', 'agent', 'internal']);
  });

  it('keeps hostile markup as literal plain text and runs none of it', async () => {
    showPage('chat');
    const { ticket } = await read('chat');
    expect(ticket.subject).toBe('<img src=x onerror="window.__qaLensPwned=1"> Delivery slot');
    expect(ticket.messages[1]?.text).toBe('<script>window.__qaLensPwned=1</script>Can I move my delivery to Friday?');
    expect(document.querySelector('script, img, i')).toBeNull();
    expect((globalThis as { __qaLensPwned?: unknown }).__qaLensPwned).toBeUndefined();
  });

  it('does not read another conversation still on the page, and says so', async () => {
    vi.useFakeTimers();
    showPage('email');
    const reading = kustomer.readTicket(refFor('chat'), { document, fetch: fixtureFetch({ helpdesk: 'kustomer', origin: ORIGIN }).fetch, signal: new AbortController().signal });
    await vi.advanceTimersByTimeAsync(KUSTOMER_RENDER_WAIT_MS + 200);
    const ticket = await reading;
    expect(ticket).toMatchObject({ ticketId: '65a1b2c3d4e5f60718293a02', messages: [], complete: false, customer: null, agent: null });
    expect(ticket.problem).toMatch(/did not show this conversation/);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });

  it('waits for the app to render the conversation', async () => {
    vi.useFakeTimers();
    const reading = read('email');
    // It waits on DOM changes, not by polling: an idle page is not searched again.
    const looks = vi.spyOn(document, 'querySelector');
    await vi.advanceTimersByTimeAsync(1500);
    expect(looks).not.toHaveBeenCalled();
    showPage('email');
    await vi.advanceTimersByTimeAsync(200);
    expect((await reading).ticket).toStrictEqual(expected('email'));
  });

  it('clips an oversized subject and message to the ticket limits', async () => {
    showPage('email');
    const subject = document.querySelector('[data-testid="conversation-name"]');
    const body = document.querySelector('[data-testid="timeline-item-body"]');
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

describe('kustomerChannel', () => {
  it.each<[string | null | undefined, Channel]>([
    ['email', 'email'],
    ['chat', 'chat'],
    ['sms', 'messaging'],
    ['whatsapp', 'messaging'],
    ['facebook', 'social'],
    ['instagram', 'social'],
    ['voice', 'voice'],
    ['Email', 'email'],
    ['carrier-pigeon', 'other'],
    ['constructor', 'other'],
    ['__proto__', 'other'],
    [null, 'other'],
    [undefined, 'other'],
  ])('channel %j is %s', (channel, expectedChannel) => {
    expect(kustomerChannel(channel)).toBe(expectedChannel);
  });
});

describe('kustomerRole', () => {
  it.each<[string | null, string | null, boolean, MessageRole]>([
    ['note', null, false, 'internal'],
    ['note', 'in', false, 'internal'],
    ['message', 'in', false, 'customer'],
    ['message', 'out', false, 'agent'],
    ['message', 'out', true, 'bot'],
    ['message', null, false, 'agent'],
  ])('%s (%s, auto %s) is %s', (kind, direction, auto, role) => {
    expect(kustomerRole(kind, direction, auto)).toBe(role);
  });
});
