import type { Channel } from '../../../lib/schemas/common';
import { TICKET_LIMITS, TicketContextSchema, type TicketContext } from '../../../lib/schemas/ticket';
import type { TicketRef } from '../../../lib/helpdesks/define-helpdesk';
import gorgias, { gorgiasChannel } from '../../../lib/helpdesks/gorgias';
import { fixtureFetch, readFixture, type FixtureFetchOptions, showFixturePage } from './fixture-fetch';

const ORIGIN = 'https://acme.gorgias.com';

function refFor(ticketId: string): TicketRef {
  const ref = gorgias.ticketFromUrl(new URL(`${ORIGIN}/app/ticket/${ticketId}`));
  if (!ref) throw new Error(`gorgias does not recognise ticket ${ticketId}`);
  return ref;
}

async function read(ticketId: string, options: FixtureFetchOptions = {}) {
  const fixtures = fixtureFetch({ helpdesk: 'gorgias', origin: ORIGIN, ...options });
  const ticket = await gorgias.readTicket(refFor(ticketId), {
    document,
    fetch: fixtures.fetch,
    signal: options.signal ?? new AbortController().signal,
  });
  return { ticket, requests: fixtures.requests };
}

const expected = (name: string) => readFixture<TicketContext>('gorgias', `expected/${name}.json`);
const messagesPath = (id: string, cursor?: string) => `/api/tickets/${id}/messages?limit=100&order_by=created_datetime:asc${cursor ? `&cursor=${cursor}` : ''}`;

const showPage = (file: string) => void showFixturePage('gorgias', file);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('gorgias.readTicket, from the API fixtures', () => {
  it.each(['3001', '3002', '3003'])('reads ticket %s as expected/%s.json', async (id) => {
    const { ticket } = await read(id);
    expect(ticket).toStrictEqual(expected(id));
    expect(TicketContextSchema.parse(ticket)).toStrictEqual(expected(id));
  });

  it('reads the messages the ticket carries with one request', async () => {
    const { requests } = await read('3001');
    expect(requests).toEqual(['/api/tickets/3001']);
  });

  it('pages through /messages by cursor when the ticket carries none', async () => {
    const { requests } = await read('3003');
    expect(requests).toEqual(['/api/tickets/3003', messagesPath('3003'), messagesPath('3003', 'p2')]);
  });

  it('stops a runaway cursor chain after 50 pages and says so', async () => {
    const page = readFixture<object>('gorgias', 'api/messages-3003-p2.json');
    const { ticket, requests } = await read('3003', { overrides: { 'messages-3003-p2.json': { ...page, meta: { next_cursor: 'p2' } } } });
    expect(requests).toHaveLength(1 + 50);
    expect(ticket.messages).toHaveLength(50);
    expect(ticket.problem).toMatch(/first 50 messages/);
  });

  it('gives internal notes the role internal, whoever wrote them', async () => {
    const { ticket } = await read('3001');
    expect(ticket.messages.find((m) => m.id === '31002')).toMatchObject({ author: 'Ines Roy', role: 'internal' });
  });

  it('calls a message sent by a rule a bot', async () => {
    const { ticket } = await read('3002');
    expect(ticket.messages.filter((m) => m.role === 'bot').map((m) => m.id)).toEqual(['32002']);
  });

  it('keeps hostile markup as literal plain text and runs none of it', async () => {
    const { ticket } = await read('3002');
    expect(ticket.subject).toBe('<img src=x onerror="window.__qaLensPwned=1"> Discount code');
    expect(ticket.messages[0]?.text).toBe('<script>window.__qaLensPwned=1</script>My code does not work');
    expect(document.body.innerHTML).toBe('');
    expect((globalThis as { __qaLensPwned?: unknown }).__qaLensPwned).toBeUndefined();
  });

  it('clips an oversized subject and message to the ticket limits', async () => {
    const base = readFixture<{ messages: object[] }>('gorgias', 'api/ticket-3001.json');
    const { ticket } = await read('3001', {
      overrides: { 'ticket-3001.json': { ...base, subject: 'S'.repeat(5000), messages: base.messages.map((m, i) => (i === 0 ? { ...m, body_text: 'x'.repeat(250_000) } : m)) } },
    });
    expect(ticket.subject).toHaveLength(TICKET_LIMITS.fieldChars);
    expect(ticket.messages[0]?.text).toHaveLength(TICKET_LIMITS.messageChars);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });
});

describe('gorgiasChannel', () => {
  it.each<[unknown, Channel]>([
    ['email', 'email'],
    ['contact_form', 'email'],
    ['chat', 'chat'],
    ['facebook', 'social'],
    ['instagram-direct-message', 'social'],
    ['sms', 'messaging'],
    ['whatsapp', 'messaging'],
    ['phone', 'voice'],
    ['internal-note', 'other'],
    ['api', 'other'],
    ['constructor', 'other'],
    [undefined, 'other'],
  ])('channel %j is %s', (channel, expectedChannel) => {
    expect(gorgiasChannel(channel)).toBe(expectedChannel);
  });
});

describe('the DOM fallback', () => {
  it('reads page-3001.html when the API answers 503, and says why', async () => {
    showPage('page-3001.html');
    const { ticket, requests } = await read('3001', { failing: ['3001'] });
    expect(ticket).toStrictEqual(expected('page-3001'));
    expect(TicketContextSchema.parse(ticket)).toStrictEqual(expected('page-3001'));
    expect(ticket.problem).toMatch(/503/);
    expect(requests).toEqual(['/api/tickets/3001']);
  });

  it('returns an incomplete ticket when the page shows no conversation either', async () => {
    const { ticket } = await read('3001', { failing: ['3001'] });
    expect(ticket).toMatchObject({ messages: [], complete: false, customer: null, agent: null });
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });
});

describe('an aborted read', () => {
  it('rejects without asking for anything when the signal is already aborted', async () => {
    showPage('page-3001.html');
    const controller = new AbortController();
    controller.abort();
    const fixtures = fixtureFetch({ helpdesk: 'gorgias', origin: ORIGIN });
    await expect(gorgias.readTicket(refFor('3001'), { document, fetch: fixtures.fetch, signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(fixtures.requests).toEqual([]);
  });

  it('rejects with the API’s error instead of reading the page once the user has left', async () => {
    showPage('page-3001.html');
    const controller = new AbortController();
    const fixtures = fixtureFetch({ helpdesk: 'gorgias', origin: ORIGIN, failing: ['3001'] });
    const leave = (path: string) => {
      controller.abort();
      return fixtures.fetch(path);
    };
    await expect(gorgias.readTicket(refFor('3001'), { document, fetch: leave, signal: controller.signal })).rejects.toThrow(/503/);
  });

  it('asks for no further messages page after the user leaves mid-pagination', async () => {
    const controller = new AbortController();
    const fixtures = fixtureFetch({ helpdesk: 'gorgias', origin: ORIGIN });
    const leave = async (path: string) => {
      const response = await fixtures.fetch(path);
      if (path.includes('/messages')) controller.abort();
      return response;
    };
    await expect(gorgias.readTicket(refFor('3003'), { document, fetch: leave, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fixtures.requests).toEqual(['/api/tickets/3003', messagesPath('3003')]);
  });
});
