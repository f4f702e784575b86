import type { Channel } from '../../../lib/schemas/common';
import { TICKET_LIMITS, TicketContextSchema, type TicketContext } from '../../../lib/schemas/ticket';
import type { TicketRef } from '../../../lib/helpdesks/define-helpdesk';
import zohoDesk, { zohoDeskChannel } from '../../../lib/helpdesks/zoho-desk';
import { fixtureFetch, readFixture, type FixtureFetchOptions, showFixturePage } from './fixture-fetch';

const ORIGIN = 'https://desk.zoho.com';
const T1 = '712000000300001';
const T2 = '712000000300002';
const BASE = '/supportapi/zd/acme/api/v1/tickets';

function refFor(ticketId: string): TicketRef {
  const ref = zohoDesk.ticketFromUrl(new URL(`${ORIGIN}/agent/acme/support/tickets/details/${ticketId}`));
  if (!ref) throw new Error(`zoho-desk does not recognise ticket ${ticketId}`);
  return ref;
}

async function read(ticketId: string, options: FixtureFetchOptions = {}) {
  const fixtures = fixtureFetch({ helpdesk: 'zoho-desk', origin: ORIGIN, ...options });
  const ticket = await zohoDesk.readTicket(refFor(ticketId), {
    document,
    fetch: fixtures.fetch,
    signal: options.signal ?? new AbortController().signal,
  });
  return { ticket, requests: fixtures.requests };
}

const expected = (name: string) => readFixture<TicketContext>('zoho-desk', `expected/${name}.json`);

const showPage = (file: string) => void showFixturePage('zoho-desk', file);

afterEach(() => {
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

describe('zohoDesk.readTicket, from the API fixtures', () => {
  it.each([T1, T2])('reads ticket %s as expected/%s.json', async (id) => {
    const { ticket } = await read(id);
    expect(ticket).toStrictEqual(expected(id));
    expect(TicketContextSchema.parse(ticket)).toStrictEqual(expected(id));
  });

  it('asks for the ticket, its threads, comments and each thread’s text, on the app’s own /supportapi path', async () => {
    const { requests } = await read(T1);
    expect(requests).toEqual([
      `${BASE}/${T1}?include=contacts,assignee`,
      `${BASE}/${T1}/threads?from=1&limit=100`,
      `${BASE}/${T1}/comments?from=1&limit=100`,
      `${BASE}/${T1}/threads/712000000310011?include=plainText`,
      `${BASE}/${T1}/threads/712000000310012?include=plainText`,
      `${BASE}/${T1}/threads/712000000310013?include=plainText`,
    ]);
  });

  it('sends the orgId the page’s bootstrap script names, as a query parameter', async () => {
    const script = document.createElement('script');
    script.type = 'text/plain'; // not run by happy-dom; its text is what the adapter reads
    script.textContent = 'window.desk_urls = { "orgId": "700900123", "portalName": "acme" };';
    document.head.append(script);
    const { ticket, requests } = await read(T1);
    expect(requests[0]).toBe(`${BASE}/${T1}?include=contacts,assignee&orgId=700900123`);
    expect(requests.every((path) => path.endsWith('orgId=700900123'))).toBe(true);
    expect(ticket).toStrictEqual(expected(T1));
  });

  it('gives private comments the role internal, and merges them into the threads by time', async () => {
    const { ticket } = await read(T1);
    expect(ticket.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'internal', 'customer']);
    expect(ticket.messages[2]).toMatchObject({ author: 'Lea Vogt', role: 'internal' });
  });

  it('keeps hostile markup as literal plain text and runs none of it', async () => {
    const { ticket } = await read(T2);
    expect(ticket.subject).toBe('<script>window.__qaLensPwned=1</script>Chat about delivery');
    expect(ticket.messages[1]?.text).toBe('<script>window.__qaLensPwned=1</script> Where is my parcel?');
    expect(ticket.messages[3]?.text).toBe('Check the <b>fraud</b> flag\nthen close');
    expect(document.body.innerHTML).toBe('');
    expect((globalThis as { __qaLensPwned?: unknown }).__qaLensPwned).toBeUndefined();
  });

  it('calls a thread by a bot author a bot', async () => {
    const { ticket } = await read(T2);
    expect(ticket.messages[0]).toMatchObject({ author: 'Zia', role: 'bot' });
  });

  it('clips an oversized subject and thread text to the ticket limits', async () => {
    const base = readFixture<object>('zoho-desk', `api/ticket-${T1}.json`);
    const thread = readFixture<object>('zoho-desk', 'api/thread-712000000310011.json');
    const { ticket } = await read(T1, {
      overrides: { [`ticket-${T1}.json`]: { ...base, subject: 'S'.repeat(5000) }, 'thread-712000000310011.json': { ...thread, plainText: 'x'.repeat(250_000) } },
    });
    expect(ticket.subject).toHaveLength(TICKET_LIMITS.fieldChars);
    expect(ticket.messages[0]?.text).toHaveLength(TICKET_LIMITS.messageChars);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });
});

describe('zohoDeskChannel', () => {
  it.each<[unknown, Channel]>([
    ['Email', 'email'],
    ['EMAIL', 'email'],
    ['Web', 'email'],
    ['Feedback Widget', 'email'],
    ['Chat', 'chat'],
    ['Phone', 'voice'],
    ['Twitter', 'social'],
    ['Facebook', 'social'],
    ['WhatsApp', 'messaging'],
    ['Forums', 'other'],
    ['constructor', 'other'],
    [undefined, 'other'],
    [3, 'other'],
  ])('channel %j is %s', (channel, expectedChannel) => {
    expect(zohoDeskChannel(channel)).toBe(expectedChannel);
  });
});

describe('the DOM fallback', () => {
  it(`reads page-${T1}.html when the API answers 503, and says why`, async () => {
    showPage(`page-${T1}.html`);
    const { ticket, requests } = await read(T1, { failing: [T1] });
    expect(ticket).toStrictEqual(expected(`page-${T1}`));
    expect(TicketContextSchema.parse(ticket)).toStrictEqual(expected(`page-${T1}`));
    expect(ticket.problem).toMatch(/503/);
    expect(requests).toEqual([`${BASE}/${T1}?include=contacts,assignee`]);
  });

  it('returns an incomplete ticket when the page shows no conversation either', async () => {
    const { ticket } = await read(T1, { failing: [T1] });
    expect(ticket).toMatchObject({ messages: [], complete: false, customer: null, agent: null });
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });
});

describe('an aborted read', () => {
  it('rejects without asking for anything when the signal is already aborted', async () => {
    showPage(`page-${T1}.html`);
    const controller = new AbortController();
    controller.abort();
    const fixtures = fixtureFetch({ helpdesk: 'zoho-desk', origin: ORIGIN });
    await expect(zohoDesk.readTicket(refFor(T1), { document, fetch: fixtures.fetch, signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(fixtures.requests).toEqual([]);
  });

  it('rejects with the API’s error instead of reading the page once the user has left', async () => {
    showPage(`page-${T1}.html`);
    const controller = new AbortController();
    const fixtures = fixtureFetch({ helpdesk: 'zoho-desk', origin: ORIGIN, failing: [T1] });
    const leave = (path: string) => {
      controller.abort();
      return fixtures.fetch(path);
    };
    await expect(zohoDesk.readTicket(refFor(T1), { document, fetch: leave, signal: controller.signal })).rejects.toThrow(/503/);
  });

  it('asks for no thread text after the user leaves while the lists load', async () => {
    const controller = new AbortController();
    const fixtures = fixtureFetch({ helpdesk: 'zoho-desk', origin: ORIGIN });
    const leave = async (path: string) => {
      const response = await fixtures.fetch(path);
      if (path.includes('/comments')) controller.abort();
      return response;
    };
    await expect(zohoDesk.readTicket(refFor(T1), { document, fetch: leave, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fixtures.requests).toHaveLength(3);
  });
});
