import type { Channel } from '../../../lib/schemas/common';
import { TICKET_LIMITS, TicketContextSchema, type MessageRole, type TicketContext } from '../../../lib/schemas/ticket';
import type { TicketRef } from '../../../lib/helpdesks/define-helpdesk';
import hubspot, { HUBSPOT_RENDER_WAIT_MS, hubspotChannel, hubspotRole } from '../../../lib/helpdesks/hubspot';
import { fixtureFetch, readFixture, showFixturePage } from './fixture-fetch';

const ORIGIN = 'https://app.hubspot.com';
const PAGES: Record<string, string> = {
  '5101': '/help-desk/4411223/view/112233/ticket/5101',
  '5102': '/help-desk/4411223/view/112233/ticket/5102',
  'thread-8801': '/live-messages/4411223/inbox/8801',
};

function refFor(name: string): TicketRef {
  const ref = hubspot.ticketFromUrl(new URL(`${ORIGIN}${PAGES[name] ?? ''}`));
  if (!ref) throw new Error(`hubspot does not recognise ${name}`);
  return ref;
}

/** The app as the adapter sees it: the snapshot's body, without its script. */
const showPage = (name: string) => void showFixturePage('hubspot', `page-${name}.html`);

/** Reads a ticket the way the content script does; the adapter asks nothing of the network. */
async function read(name: string, signal: AbortSignal = new AbortController().signal) {
  const fixtures = fixtureFetch({ helpdesk: 'hubspot', origin: ORIGIN });
  const ticket = await hubspot.readTicket(refFor(name), { document, fetch: fixtures.fetch, signal });
  return { ticket, requests: fixtures.requests };
}

const expected = (name: string) => readFixture<TicketContext>('hubspot', `expected/${name}.json`);

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('hubspot.readTicket, from the page', () => {
  it.each(Object.keys(PAGES))('reads page-%s.html as expected/%s.json, with no request', async (name) => {
    showPage(name);
    const { ticket, requests } = await read(name);
    expect(ticket).toStrictEqual(expected(name));
    expect(TicketContextSchema.parse(ticket)).toStrictEqual(expected(name));
    expect(requests).toEqual([]);
  });

  it('gives comments the role internal, whoever wrote them, and skips thread events', async () => {
    showPage('5101');
    const { ticket } = await read('5101');
    expect(ticket.messages.map((m) => [m.id, m.role])).toEqual([
      ['m-88011', 'customer'],
      ['m-88012', 'agent'],
      ['c-88013', 'internal'],
      ['m-88014', 'customer'],
    ]);
  });

  it('keeps hostile markup as literal plain text and runs none of it', async () => {
    showPage('5102');
    const { ticket } = await read('5102');
    expect(ticket.customer?.name).toBe('Lee <b>Park</b>');
    expect(ticket.messages[1]?.text).toBe('<script>window.__qaLensPwned=1</script>Can I move my delivery to Friday? <img src=x onerror="window.__qaLensPwned=1">');
    expect(document.querySelector('script, img, b')).toBeNull();
    expect((globalThis as { __qaLensPwned?: unknown }).__qaLensPwned).toBeUndefined();
  });

  it('does not read another ticket still on the page', async () => {
    vi.useFakeTimers();
    showPage('5101');
    const ref = hubspot.ticketFromUrl(new URL(`${ORIGIN}/help-desk/4411223/view/112233/ticket/5102`));
    if (!ref) throw new Error('no ref');
    const reading = hubspot.readTicket(ref, { document, fetch: fixtureFetch({ helpdesk: 'hubspot', origin: ORIGIN }).fetch, signal: new AbortController().signal });
    await vi.advanceTimersByTimeAsync(HUBSPOT_RENDER_WAIT_MS + 200);
    const ticket = await reading;
    expect(ticket).toMatchObject({ ticketId: '5102', messages: [], complete: false, subject: '' });
    expect(ticket.problem).toMatch(/did not show this ticket/);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });

  it('waits for the app to render the ticket', async () => {
    vi.useFakeTimers();
    const reading = read('5101');
    // It waits on DOM changes, not by polling: an idle page is not searched again.
    const looks = vi.spyOn(document, 'querySelector');
    await vi.advanceTimersByTimeAsync(1000);
    expect(looks).not.toHaveBeenCalled();
    showPage('5101');
    await vi.advanceTimersByTimeAsync(200);
    expect((await reading).ticket).toStrictEqual(expected('5101'));
  });

  it('clips an oversized subject and message to the ticket limits', async () => {
    showPage('5101');
    const subject = document.querySelector('[data-test-id="ticket-subject"]');
    const text = document.querySelector('[data-test-id="message-text"]');
    if (!subject || !text) throw new Error('snapshot changed');
    subject.textContent = 'S'.repeat(5000);
    text.textContent = 'x'.repeat(250_000);
    const { ticket } = await read('5101');
    expect(ticket.subject).toHaveLength(TICKET_LIMITS.fieldChars);
    expect(ticket.messages[0]?.text).toHaveLength(TICKET_LIMITS.messageChars);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });
});

describe('an aborted read', () => {
  it('rejects at once when the signal is already aborted', async () => {
    showPage('5101');
    const controller = new AbortController();
    controller.abort();
    await expect(read('5101', controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects while waiting for the page once the user leaves', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const reading = read('5101', controller.signal);
    const settled = expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    await vi.advanceTimersByTimeAsync(500);
    controller.abort();
    await settled;
  });
});

describe('hubspotChannel', () => {
  it.each<[string | null | undefined, Channel]>([
    ['1000', 'chat'],
    ['1001', 'social'],
    ['1002', 'email'],
    ['1003', 'email'],
    ['1007', 'messaging'],
    ['EMAIL', 'email'],
    ['live_chat', 'chat'],
    ['WHATSAPP', 'messaging'],
    ['CALLING', 'voice'],
    ['9999', 'other'],
    ['constructor', 'other'],
    ['__proto__', 'other'],
    [null, 'other'],
    [undefined, 'other'],
  ])('channel %j is %s', (channel, expectedChannel) => {
    expect(hubspotChannel(channel)).toBe(expectedChannel);
  });
});

describe('hubspotRole', () => {
  it.each<[string | null, string | null, string | null, MessageRole]>([
    ['COMMENT', 'A-1', null, 'internal'],
    ['COMMENT', 'V-1', 'INCOMING', 'internal'],
    ['MESSAGE', 'V-1', 'INCOMING', 'customer'],
    ['MESSAGE', 'E-dana@example.com', 'INCOMING', 'customer'],
    ['MESSAGE', 'A-1', 'OUTGOING', 'agent'],
    ['MESSAGE', 'B-1', 'OUTGOING', 'bot'],
    ['MESSAGE', 'S-hubspot', null, 'bot'],
    ['MESSAGE', null, 'INCOMING', 'customer'],
    ['MESSAGE', null, null, 'agent'],
  ])('%s by %s (%s) is %s', (type, actor, direction, role) => {
    expect(hubspotRole(type, actor, direction)).toBe(role);
  });
});
