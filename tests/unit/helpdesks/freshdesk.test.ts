import type { Channel } from '../../../lib/schemas/common';
import { TICKET_LIMITS, TicketContextSchema, type TicketContext } from '../../../lib/schemas/ticket';
import type { TicketRef } from '../../../lib/helpdesks/define-helpdesk';
import freshdesk, { freshdeskChannel } from '../../../lib/helpdesks/freshdesk';
import { fixtureFetch, readFixture, type FixtureFetchOptions, showFixturePage } from './fixture-fetch';

const ORIGIN = 'https://acme.freshdesk.com';

function refFor(ticketId: string): TicketRef {
  const ref = freshdesk.ticketFromUrl(new URL(`${ORIGIN}/a/tickets/${ticketId}`));
  if (!ref) throw new Error(`freshdesk does not recognise ticket ${ticketId}`);
  return ref;
}

async function read(ticketId: string, options: FixtureFetchOptions = {}) {
  const fixtures = fixtureFetch({ helpdesk: 'freshdesk', origin: ORIGIN, ...options });
  const ticket = await freshdesk.readTicket(refFor(ticketId), {
    document,
    fetch: fixtures.fetch,
    signal: options.signal ?? new AbortController().signal,
  });
  return { ticket, requests: fixtures.requests };
}

const expected = (name: string) => readFixture<TicketContext>('freshdesk', `expected/${name}.json`);
const ticketPath = (id: string) => `/api/v2/tickets/${id}?include=requester`;
const conversationsPath = (id: string, page = 1) => `/api/v2/tickets/${id}/conversations?per_page=100&page=${page}`;

const showPage = (file: string) => void showFixturePage('freshdesk', file);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('freshdesk.readTicket, from the API fixtures', () => {
  it.each(['2001', '2002', '2003'])('reads ticket %s as expected/%s.json', async (id) => {
    const { ticket } = await read(id);
    expect(ticket).toStrictEqual(expected(id));
    expect(TicketContextSchema.parse(ticket)).toStrictEqual(expected(id));
  });

  it('asks only for the ticket, its conversations and the agents, as same-origin paths', async () => {
    const { requests } = await read('2001');
    expect(requests).toEqual([ticketPath('2001'), conversationsPath('2001'), '/api/v2/agents/501', '/api/v2/agents/502']);
  });

  it('gives private notes the role internal, whoever wrote them', async () => {
    const { ticket } = await read('2001');
    expect(ticket.messages.find((m) => m.id === '60013')).toMatchObject({ author: 'Tom Becker', role: 'internal' });
    const hostile = await read('2003');
    expect(hostile.ticket.messages.find((m) => m.id === '60031')?.role).toBe('internal');
  });

  it('calls a reply with no user a bot named Freshdesk', async () => {
    const { ticket } = await read('2002');
    expect(ticket.messages.filter((m) => m.role === 'bot').map((m) => [m.id, m.author])).toEqual([['60021', 'Freshdesk']]);
  });

  it('keeps hostile markup as literal plain text and runs none of it', async () => {
    const { ticket } = await read('2003');
    expect(ticket.subject).toBe('<img src=x onerror="window.__qaLensPwned=1"> Cannot log in');
    expect(ticket.messages[0]?.text).toBe('<script>window.__qaLensPwned=1</script>My login fails');
    expect(ticket.customer?.name).toBe('<b>Eve</b> O\'Hara');
    expect(document.body.innerHTML).toBe('');
    expect((globalThis as { __qaLensPwned?: unknown }).__qaLensPwned).toBeUndefined();
  });

  it('follows conversation pages while they are full, and stops at a short one', async () => {
    const full = Array.from({ length: 100 }, (_, i) => ({ id: 70000 + i, body_text: `m${i}`, incoming: true, private: false, user_id: 9001 }));
    const { ticket, requests } = await read('2001', {
      overrides: { 'conversations-2001.json': full, 'conversations-2001-page-2.json': [{ id: 80000, body_text: 'last', incoming: true, user_id: 9001 }] },
    });
    expect(requests.slice(0, 3)).toEqual([ticketPath('2001'), conversationsPath('2001'), conversationsPath('2001', 2)]);
    expect(ticket.messages).toHaveLength(102);
    expect(ticket.problem).toBeUndefined();
  });

  it('clips an oversized subject and message to the ticket limits', async () => {
    const base = readFixture<object>('freshdesk', 'api/ticket-2001.json');
    const { ticket } = await read('2001', {
      overrides: { 'ticket-2001.json': { ...base, subject: 'S'.repeat(5000), description_text: 'x'.repeat(250_000) } },
    });
    expect(ticket.subject).toHaveLength(TICKET_LIMITS.fieldChars);
    expect(ticket.messages[0]?.text).toHaveLength(TICKET_LIMITS.messageChars);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });

  it('still reads the ticket when an agent profile cannot be read', async () => {
    const fixtures = fixtureFetch({ helpdesk: 'freshdesk', origin: ORIGIN });
    const noAgents = (path: string) => (path.startsWith('/api/v2/agents/') ? Promise.resolve(new Response('', { status: 403 })) : fixtures.fetch(path));
    const ticket = await freshdesk.readTicket(refFor('2001'), { document, fetch: noAgents, signal: new AbortController().signal });
    expect(ticket.agent).toBeNull();
    expect(ticket.messages[1]).toMatchObject({ author: 'support@acme.example', role: 'agent' });
    expect(ticket.messages[3]).toMatchObject({ author: 'Agent', role: 'internal' });
  });
});

describe('freshdeskChannel', () => {
  it.each<[unknown, Channel]>([
    [1, 'email'],
    [2, 'email'],
    [3, 'voice'],
    [5, 'social'],
    [6, 'social'],
    [7, 'chat'],
    [9, 'email'],
    [10, 'email'],
    [13, 'messaging'],
    [4, 'other'],
    [99, 'other'],
    ['1', 'other'],
    ['constructor', 'other'],
    [undefined, 'other'],
  ])('source %j is %s', (source, channel) => {
    expect(freshdeskChannel(source)).toBe(channel);
  });
});

describe('the DOM fallback', () => {
  it('reads page-2001.html when the API answers 503, and says why', async () => {
    showPage('page-2001.html');
    const { ticket, requests } = await read('2001', { failing: ['2001'] });
    expect(ticket).toStrictEqual(expected('page-2001'));
    expect(TicketContextSchema.parse(ticket)).toStrictEqual(expected('page-2001'));
    expect(ticket.problem).toMatch(/503/);
    expect(requests).toEqual([ticketPath('2001')]);
  });

  it('returns an incomplete ticket with the problem when the page shows no conversation either', async () => {
    const { ticket } = await read('2001', { failing: ['2001'] });
    expect(ticket).toMatchObject({ ticketId: '2001', messages: [], complete: false, customer: null, agent: null });
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });
});

describe('an aborted read', () => {
  it('rejects without asking for anything when the signal is already aborted', async () => {
    showPage('page-2001.html');
    const controller = new AbortController();
    controller.abort();
    const fixtures = fixtureFetch({ helpdesk: 'freshdesk', origin: ORIGIN });
    await expect(freshdesk.readTicket(refFor('2001'), { document, fetch: fixtures.fetch, signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(fixtures.requests).toEqual([]);
  });

  it('rejects with the API’s error instead of reading the page once the user has left', async () => {
    showPage('page-2001.html');
    const controller = new AbortController();
    const fixtures = fixtureFetch({ helpdesk: 'freshdesk', origin: ORIGIN, failing: ['2001'] });
    const leave = (path: string) => {
      controller.abort();
      return fixtures.fetch(path);
    };
    await expect(freshdesk.readTicket(refFor('2001'), { document, fetch: leave, signal: controller.signal })).rejects.toThrow(/503/);
  });

  it('asks for no agent profile after the user leaves while conversations load', async () => {
    const controller = new AbortController();
    const fixtures = fixtureFetch({ helpdesk: 'freshdesk', origin: ORIGIN });
    const leave = async (path: string) => {
      const response = await fixtures.fetch(path);
      if (path.includes('/conversations')) controller.abort();
      return response;
    };
    await expect(freshdesk.readTicket(refFor('2001'), { document, fetch: leave, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fixtures.requests).toEqual([ticketPath('2001'), conversationsPath('2001')]);
  });
});
