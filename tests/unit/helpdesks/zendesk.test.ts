import type { Channel } from '../../../lib/schemas/common';
import { TICKET_LIMITS, TicketContextSchema, type TicketContext } from '../../../lib/schemas/ticket';
import { boundTicket } from '../../../lib/schemas/ticket-limits';
import type { TicketRef } from '../../../lib/helpdesks/define-helpdesk';
import zendesk, { zendeskChannel } from '../../../lib/helpdesks/zendesk';
import { fixtureFetch, readFixture, type FixtureFetchOptions, showFixturePage } from './fixture-fetch';

const ORIGIN = 'https://acme.zendesk.com';

function refFor(ticketId: string): TicketRef {
  const ref = zendesk.ticketFromUrl(new URL(`${ORIGIN}/agent/tickets/${ticketId}`));
  if (!ref) throw new Error(`zendesk does not recognise ticket ${ticketId}`);
  return ref;
}

/** Reads a ticket the way the content script does, with the API answered from the fixtures. */
async function read(ticketId: string, options: FixtureFetchOptions = {}) {
  const fixtures = fixtureFetch(options);
  const ticket = await zendesk.readTicket(refFor(ticketId), {
    document,
    fetch: fixtures.fetch,
    signal: options.signal ?? new AbortController().signal,
  });
  return { ticket, requests: fixtures.requests };
}

const expected = (name: string) => readFixture<TicketContext>('zendesk', `expected/${name}.json`);
const ticketPath = (id: string) => `/api/v2/tickets/${id}.json?include=users`;
const commentsPath = (id: string, page?: number) =>
  `/api/v2/tickets/${id}/comments.json?${page ? `page=${page}&` : ''}include=users&sort_order=asc`;

/** The agent workspace as the DOM fallback sees it: the snapshot's body, without its script. */
const showPage = (file: string) => void showFixturePage('zendesk', file);

interface CommentsPage {
  comments: { plain_body?: string }[];
  next_page: string | null;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('zendesk.readTicket, from the API fixtures', () => {
  it.each(['1001', '1002', '1003', '1004', '1005'])('reads ticket %s as expected/%s.json', async (id) => {
    const { ticket } = await read(id);
    expect(ticket).toStrictEqual(expected(id));
    expect(TicketContextSchema.parse(ticket)).toStrictEqual(expected(id));
  });

  it('asks only for the ticket and its comments, as paths on the page’s own origin', async () => {
    const { requests } = await read('1001');
    expect(requests).toEqual([ticketPath('1001'), commentsPath('1001')]);
  });

  it('asks for the first comments page without waiting for the ticket’s answer', async () => {
    const fixtures = fixtureFetch();
    let answerTicket = () => {};
    const ticketHeld = new Promise<void>((resolve) => (answerTicket = resolve));
    const holdTicket = async (path: string) => {
      if (path === ticketPath('1001')) await ticketHeld;
      return fixtures.fetch(path);
    };
    const reading = zendesk.readTicket(refFor('1001'), { document, fetch: holdTicket, signal: new AbortController().signal });
    await vi.waitFor(() => expect(fixtures.requests).toEqual([commentsPath('1001')]));
    answerTicket();
    expect(await reading).toStrictEqual(expected('1001'));
  });

  it('gives internal notes the role internal, whoever wrote them', async () => {
    const { ticket } = await read('1001');
    expect(ticket.messages.find((m) => m.id === '90013')).toMatchObject({ author: 'Alex Moreno', role: 'internal' });

    const long = await read('1004');
    const notes = long.ticket.messages.filter((m) => m.role === 'internal');
    expect(notes.map((m) => [m.id, m.author])).toEqual([
      ['94057', 'Jordan Lee'],
      ['94120', 'Morgan Blake'], // sideloaded by page 2 only
      ['94210', 'Morgan Blake'],
      ['94300', 'Jordan Lee'],
    ]);
  });

  it('calls a comment by a system user with no profile a bot named Zendesk', async () => {
    const { ticket } = await read('1002');
    expect(ticket.messages[0]).toMatchObject({ id: '90021', author: 'Zendesk', role: 'bot' });
    expect(ticket.messages.filter((m) => m.role === 'bot')).toHaveLength(1);
  });

  it('keeps hostile markup as literal plain text and runs none of it', async () => {
    const { ticket } = await read('1003');
    expect(ticket.subject).toBe('<img src=x onerror="window.__qaLensPwned=1"> Account locked');
    expect(ticket.messages[0]?.text).toBe('<script>window.__qaLensPwned=1</script>Please unlock my account');
    expect(document.body.innerHTML).toBe('');
    expect((globalThis as { __qaLensPwned?: unknown }).__qaLensPwned).toBeUndefined();
  });

  it('tidies layout whitespace in a comment', async () => {
    const { ticket } = await read('1004');
    expect(ticket.messages.find((m) => m.id === '94010')?.text).toBe('Still failing.\n\nLog excerpt: sync_error=TIMEOUT retry=3');
  });

  it('clips an oversized subject, name and comment to the ticket limits instead of losing the ticket', async () => {
    const ticketJson = readFixture<{ ticket: object; users: { id: number; name: string }[] }>('zendesk', 'api/ticket-1001.json');
    const page = readFixture<CommentsPage>('zendesk', 'api/comments-1001.json');
    const { ticket } = await read('1001', {
      overrides: {
        'ticket-1001.json': {
          ticket: { ...ticketJson.ticket, subject: 'S'.repeat(5000) },
          users: ticketJson.users.map((u) => (u.id === 501 ? { ...u, name: 'D'.repeat(3000) } : u)),
        },
        'comments-1001.json': {
          ...page,
          users: [],
          comments: page.comments.map((c, i) => (i === 0 ? { ...c, plain_body: 'x'.repeat(250_000) } : c)),
        },
      },
    });
    expect(ticket.subject).toHaveLength(TICKET_LIMITS.fieldChars);
    expect(ticket.subject.endsWith('…')).toBe(true);
    expect(ticket.customer?.name).toHaveLength(TICKET_LIMITS.fieldChars);
    expect(ticket.messages[0]?.text).toHaveLength(TICKET_LIMITS.messageChars);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });
});

describe('zendeskChannel', () => {
  it.each<[string | number | undefined, Channel]>([
    ['email', 'email'],
    ['web', 'email'],
    ['chat', 'chat'],
    ['native_messaging', 'messaging'],
    ['whatsapp', 'messaging'],
    ['twitter', 'social'],
    ['voice', 'voice'],
    ['unknown', 'other'],
    // Keys of Object.prototype are not channels.
    ['constructor', 'other'],
    ['toString', 'other'],
    ['__proto__', 'other'],
    [undefined, 'other'],
    [4, 'other'],
  ])('via.channel %j is %s', (via, channel) => {
    expect(zendeskChannel(via)).toBe(channel);
  });
});

describe('comment pagination', () => {
  const page1 = () => readFixture<CommentsPage>('zendesk', 'api/comments-1004.json');
  const page2 = () => readFixture<CommentsPage>('zendesk', 'api/comments-1004-page-2.json');

  it('follows next_page to page 2, in order, and merges the users each page sideloads', async () => {
    const { ticket, requests } = await read('1004');
    expect(requests).toEqual([ticketPath('1004'), commentsPath('1004'), commentsPath('1004', 2)]);
    expect(ticket.messages).toHaveLength(320);
    expect(ticket.messages.map((m) => m.id)).toEqual(Array.from({ length: 320 }, (_, i) => String(94_000 + i)));
    expect(ticket.problem).toBeUndefined();
  });

  it('requests a next_page that names another host as a path on the page’s own origin', async () => {
    const evil = 'https://evil.example/api/v2/tickets/1004/comments.json?page=2&include=users&sort_order=asc';
    const { ticket, requests } = await read('1004', { overrides: { 'comments-1004.json': { ...page1(), next_page: evil } } });
    expect(requests).toEqual([ticketPath('1004'), commentsPath('1004'), commentsPath('1004', 2)]);
    expect(requests.every((path) => path.startsWith('/api/v2/tickets/1004'))).toBe(true);
    expect(ticket).toStrictEqual(expected('1004'));
  });

  it.each([
    ['another ticket’s comments', '/api/v2/tickets/1002/comments.json?page=2'],
    ['another API', `${ORIGIN}/api/v2/users/me.json`],
    ['a page outside the API', 'https://evil.example/steal?page=2'],
    ['a script URL', 'javascript:alert(1)'],
  ])('stops at a next_page pointing to %s, and says the rest was not read', async (_, link) => {
    const { ticket, requests } = await read('1004', { overrides: { 'comments-1004.json': { ...page1(), next_page: link } } });
    expect(requests).toEqual([ticketPath('1004'), commentsPath('1004')]);
    expect(ticket.messages).toHaveLength(100);
    expect(ticket.complete).toBe(true);
    expect(ticket.problem).toMatch(/first 100 comments/);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });

  it('stops a runaway next_page chain at the message limit', async () => {
    const loop = { ...page2(), next_page: `${ORIGIN}${commentsPath('1004', 2)}` };
    const { ticket, requests } = await read('1004', { overrides: { 'comments-1004-page-2.json': loop } });
    expect(ticket.messages).toHaveLength(TICKET_LIMITS.messages);
    expect(requests).toHaveLength(2 + Math.ceil((TICKET_LIMITS.messages - 100) / 220));
    expect(ticket.problem).toMatch(`first ${TICKET_LIMITS.messages} comments`);
    // 5,000 comments are over the transcript budget: the content script bounds them before sending.
    expect(TicketContextSchema.safeParse(boundTicket(ticket)).success).toBe(true);
  });

  it('stops a runaway chain of empty pages after 50 pages', async () => {
    const loop = { ...page2(), comments: [], next_page: commentsPath('1004', 2) };
    const { ticket, requests } = await read('1004', { overrides: { 'comments-1004-page-2.json': loop } });
    expect(requests).toHaveLength(1 + 50);
    expect(ticket.messages).toHaveLength(100);
    expect(ticket.problem).toMatch(/first 100 comments/);
  });
});

describe('the DOM fallback', () => {
  it('reads page-1001.html when the API answers 503, and says why', async () => {
    showPage('page-1001.html');
    const { ticket, requests } = await read('1001', { failing: ['1001'] });
    expect(ticket).toStrictEqual(expected('page-1001'));
    expect(TicketContextSchema.parse(ticket)).toStrictEqual(expected('page-1001'));
    expect(ticket.problem).toMatch(/503/);
    // The comments were asked for with the ticket, not after it; their answer is dropped.
    expect(requests).toEqual([ticketPath('1001'), commentsPath('1001')]);
  });

  it('cannot see emails on the page, but keeps internal notes and the conversation order', async () => {
    showPage('page-1001.html');
    const { ticket } = await read('1001', { failing: ['1001'] });
    expect(ticket.customer).toStrictEqual({ name: 'Dana Whitfield' });
    expect(ticket.agent).toStrictEqual({ name: 'Alex Moreno' });
    expect(ticket.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'internal', 'customer']);
    expect(ticket.messages.map((m) => m.text)).toEqual(expected('1001').messages.map((m) => m.text));
  });

  it('returns an incomplete ticket with the problem when the page shows no conversation either', async () => {
    const { ticket } = await read('1001', { failing: ['1001'] });
    expect(ticket).toMatchObject({ ticketId: '1001', messages: [], complete: false, customer: null, agent: null });
    expect(ticket.problem).toMatch(/503/);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });

  it('falls back when the ticket is missing from the API (404)', async () => {
    showPage('page-1001.html');
    const fixtures = fixtureFetch();
    const ticket = await zendesk.readTicket(refFor('999999'), { document, fetch: fixtures.fetch, signal: new AbortController().signal });
    expect(fixtures.requests).toEqual([ticketPath('999999'), commentsPath('999999')]);
    expect(ticket.problem).toMatch(/404/);
    expect(ticket.messages).toHaveLength(4);
  });
});

describe('an aborted read', () => {
  it('rejects without asking for anything when the signal is already aborted', async () => {
    showPage('page-1001.html');
    const controller = new AbortController();
    controller.abort();
    const fixtures = fixtureFetch();
    await expect(zendesk.readTicket(refFor('1001'), { document, fetch: fixtures.fetch, signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(fixtures.requests).toEqual([]);
  });

  it('rejects with the API’s error instead of reading the page once the user has left', async () => {
    showPage('page-1001.html');
    const controller = new AbortController();
    const fixtures = fixtureFetch({ failing: ['1001'] });
    const leaveWhileAsking = (path: string) => {
      controller.abort();
      return fixtures.fetch(path);
    };
    await expect(zendesk.readTicket(refFor('1001'), { document, fetch: leaveWhileAsking, signal: controller.signal })).rejects.toThrow(/503/);
  });

  it('asks for no further comments page after the user leaves mid-pagination', async () => {
    const controller = new AbortController();
    const fixtures = fixtureFetch({ signal: controller.signal });
    const leaveAfterFirstPage = async (path: string) => {
      const response = await fixtures.fetch(path);
      if (path.includes('/comments.json')) controller.abort();
      return response;
    };
    await expect(
      zendesk.readTicket(refFor('1004'), { document, fetch: leaveAfterFirstPage, signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(fixtures.requests).toEqual([ticketPath('1004'), commentsPath('1004')]);
  });
});
