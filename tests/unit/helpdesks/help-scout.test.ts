import type { Channel } from '../../../lib/schemas/common';
import { TICKET_LIMITS, TicketContextSchema, type TicketContext } from '../../../lib/schemas/ticket';
import type { TicketRef } from '../../../lib/helpdesks/define-helpdesk';
import helpScout, { helpScoutChannel } from '../../../lib/helpdesks/help-scout';
import { fixtureFetch, readFixture, readFixtureText, showFixturePage } from './fixture-fetch';

const ORIGIN = 'https://secure.helpscout.net';
const NUMBERS: Record<string, string> = { '2391938111': '349', '2391938222': '350', '2391938333': '351' };

function refFor(id: string): TicketRef {
  const ref = helpScout.ticketFromUrl(new URL(`${ORIGIN}/conversation/${id}/${NUMBERS[id] ?? '1'}?folderId=39835`));
  if (!ref) throw new Error(`help-scout does not recognise conversation ${id}`);
  return ref;
}

/** The conversation view as the adapter sees it: the snapshot's body, without its script. */
const showPage = (id: string) => void showFixturePage('help-scout', `page-${id}.html`);

async function read(id: string, signal = new AbortController().signal) {
  const fixtures = fixtureFetch({ helpdesk: 'help-scout', origin: ORIGIN, failing: [id] });
  const ticket = await helpScout.readTicket(refFor(id), { document, fetch: fixtures.fetch, signal });
  return { ticket, requests: fixtures.requests };
}

const expected = (id: string) => readFixture<TicketContext>('help-scout', `expected/page-${id}.json`);

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('help-scout.readTicket, from the conversation view', () => {
  it.each(['2391938111', '2391938222', '2391938333'])('reads page-%s.html as expected/page-%s.json', async (id) => {
    showPage(id);
    const { ticket, requests } = await read(id);
    expect(ticket).toStrictEqual(expected(id));
    expect(TicketContextSchema.parse(ticket)).toStrictEqual(expected(id));
    // No API: Help Scout's is on api.helpscout.net with OAuth; nothing is fetched at all.
    expect(requests).toEqual([]);
  });

  it('gives notes the role internal, skips line items, and orders threads oldest first', async () => {
    showPage('2391938111');
    const { ticket } = await read('2391938111');
    expect(ticket.messages.map((m) => [m.id, m.role])).toEqual([
      ['88170001', 'customer'],
      ['88170002', 'agent'],
      ['88170003', 'internal'],
      ['88170005', 'customer'],
    ]);
  });

  it('tells chat lines by the customer from those by a teammate', async () => {
    showPage('2391938222');
    const { ticket } = await read('2391938222');
    expect(ticket.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'customer', 'internal']);
  });

  it('keeps hostile markup as literal plain text and runs none of it', async () => {
    showPage('2391938333');
    const { ticket } = await read('2391938333');
    expect(ticket.subject).toBe('<img src=x onerror="window.__qaLensPwned=1"> Password reset');
    expect(ticket.messages[0]?.text).toBe('<script>window.__qaLensPwned=1</script>Please reset my password');
    expect(ticket.customer).toStrictEqual({ name: '<b>Eve</b> Hacker' });
    expect((globalThis as { __qaLensPwned?: unknown }).__qaLensPwned).toBeUndefined();
  });

  it('clips an oversized thread to the message limit', async () => {
    showPage('2391938111');
    const body = document.querySelector('#thread-88170001 .messageBody');
    if (body) body.textContent = 'x'.repeat(250_000);
    const { ticket } = await read('2391938111');
    expect(ticket.messages[0]?.text).toHaveLength(TICKET_LIMITS.messageChars);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });

  it('waits for the view to render the conversation', async () => {
    const html = new DOMParser().parseFromString(readFixtureText('help-scout', 'page-2391938222.html'), 'text/html').body.innerHTML;
    const reading = read('2391938222');
    setTimeout(() => (document.body.innerHTML = html), 50);
    expect((await reading).ticket).toStrictEqual(expected('2391938222'));
  });

  it('does not read the previous conversation still on screen, and says it found none', async () => {
    vi.useFakeTimers();
    showPage('2391938111');
    const reading = read('2391938222');
    await vi.advanceTimersByTimeAsync(10_000);
    const { ticket } = await reading;
    expect(ticket).toMatchObject({ ticketId: '2391938222', messages: [], complete: false, customer: null, agent: null, subject: '' });
    expect(ticket.problem).toMatch(/no conversation/);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });

  it('returns an incomplete ticket with the problem when the page shows no conversation', async () => {
    vi.useFakeTimers();
    const reading = read('2391938111');
    await vi.advanceTimersByTimeAsync(10_000);
    const { ticket } = await reading;
    expect(ticket).toMatchObject({ ticketId: '2391938111', messages: [], complete: false });
    expect(ticket.problem).toMatch(/no conversation/);
  });
});

describe('an aborted read', () => {
  it('rejects when the signal is already aborted', async () => {
    showPage('2391938111');
    const controller = new AbortController();
    controller.abort();
    await expect(read('2391938111', controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects when the user leaves while the view is still loading', async () => {
    const controller = new AbortController();
    const reading = read('2391938111', controller.signal);
    controller.abort();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('helpScout.ticketFromUrl', () => {
  it('keeps the conversation number in the canonical URL and drops folder and view', () => {
    expect(helpScout.ticketFromUrl(new URL(`${ORIGIN}/conversation/3002667039/22184/?viewId=8492330#x`))).toStrictEqual({
      helpdesk: 'help-scout',
      ticketId: '3002667039',
      url: `${ORIGIN}/conversation/3002667039/22184`,
    });
  });
});

describe('helpScoutChannel', () => {
  it.each<[string | null | undefined, Channel]>([
    ['email', 'email'],
    ['chat', 'chat'],
    ['phone', 'voice'],
    ['unknown', 'other'],
    ['constructor', 'other'],
    ['__proto__', 'other'],
    [null, 'other'],
    [undefined, 'other'],
  ])('type %j is %s', (type, channel) => {
    expect(helpScoutChannel(type)).toBe(channel);
  });
});
