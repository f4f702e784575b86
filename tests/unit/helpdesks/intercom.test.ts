import type { Channel } from '../../../lib/schemas/common';
import { TICKET_LIMITS, TicketContextSchema, type TicketContext } from '../../../lib/schemas/ticket';
import type { TicketRef } from '../../../lib/helpdesks/define-helpdesk';
import intercom, { intercomChannel, intercomText } from '../../../lib/helpdesks/intercom';
import { fixtureFetch, readFixture, type FixtureFetchOptions, showFixturePage } from './fixture-fetch';

const ORIGIN = 'https://app.intercom.com';

function refFor(id: string): TicketRef {
  const ref = intercom.ticketFromUrl(new URL(`${ORIGIN}/a/inbox/abc123de/inbox/shared/all/conversation/${id}`));
  if (!ref) throw new Error(`intercom does not recognise conversation ${id}`);
  return ref;
}

async function read(id: string, options: FixtureFetchOptions = {}) {
  const fixtures = fixtureFetch({ helpdesk: 'intercom', origin: ORIGIN, ...options });
  const ticket = await intercom.readTicket(refFor(id), { document, fetch: fixtures.fetch, signal: options.signal ?? new AbortController().signal });
  return { ticket, requests: fixtures.requests };
}

const expected = (name: string) => readFixture<TicketContext>('intercom', `expected/${name}.json`);
const apiPath = (id: string) => `/ember/inbox/conversations/${id}?app_id=abc123de`;

const showPage = (file: string) => void showFixturePage('intercom', file);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('intercom.readTicket, from the inbox API fixtures', () => {
  it.each(['9001', '9002', '9003'])('reads conversation %s as expected/%s.json', async (id) => {
    const { ticket, requests } = await read(id);
    expect(ticket).toStrictEqual(expected(id));
    expect(TicketContextSchema.parse(ticket)).toStrictEqual(expected(id));
    expect(requests).toEqual([apiPath(id)]);
  });

  it('gives notes the role internal, skips wordless assignment and close parts, and keeps an assignment with a reply', async () => {
    const { ticket } = await read('9001');
    expect(ticket.messages.map((m) => [m.id, m.role])).toEqual([
      ['7001', 'customer'],
      ['8002', 'agent'],
      ['8003', 'internal'],
      ['8004', 'customer'],
    ]);
    const chat = await read('9002');
    expect(chat.ticket.messages.map((m) => [m.id, m.role])).toEqual([
      ['7002', 'customer'],
      ['8101', 'bot'],
      ['8102', 'customer'],
      ['8103', 'agent'],
      ['8104', 'internal'],
    ]);
  });

  it('keeps hostile markup as literal plain text and runs none of it', async () => {
    const { ticket } = await read('9003');
    expect(ticket.subject).toBe('<img src=x onerror="window.__qaLensPwned=1"> Help');
    expect(ticket.messages[0]?.text).toBe('<script>window.__qaLensPwned=1</script>Help me');
    expect(ticket.messages[1]).toMatchObject({ role: 'internal', text: '<b>spam?</b>' });
    expect(document.body.innerHTML).toBe('');
    expect((globalThis as { __qaLensPwned?: unknown }).__qaLensPwned).toBeUndefined();
  });

  it('clips an oversized part to the message limit', async () => {
    const json = readFixture<{ source: { body: string } }>('intercom', 'api/conversation-9001.json');
    const { ticket } = await read('9001', { overrides: { 'conversation-9001.json': { ...json, source: { ...json.source, body: `<p>${'x'.repeat(250_000)}</p>` } } } });
    expect(ticket.messages[0]?.text).toHaveLength(TICKET_LIMITS.messageChars);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });

  it('falls back to the page when the answer has an unknown shape', async () => {
    showPage('page-9001.html');
    const { ticket } = await read('9001', { overrides: { 'conversation-9001.json': { conversation: { id: '9001' } } } });
    expect(ticket.problem).toMatch(/unknown shape/);
    expect(ticket.messages).toHaveLength(4);
  });
});

describe('the DOM fallback', () => {
  it('reads page-9001.html when the API answers 503, and says why', async () => {
    showPage('page-9001.html');
    const { ticket, requests } = await read('9001', { failing: ['9001'] });
    expect(ticket).toStrictEqual(expected('page-9001'));
    expect(TicketContextSchema.parse(ticket)).toStrictEqual(expected('page-9001'));
    expect(ticket.problem).toMatch(/503/);
    expect(requests).toEqual([apiPath('9001')]);
  });

  it('returns an incomplete ticket with the problem when the page shows no conversation either', async () => {
    const { ticket } = await read('9001', { failing: ['9001'] });
    expect(ticket).toMatchObject({ ticketId: '9001', messages: [], complete: false, customer: null, agent: null });
    expect(ticket.problem).toMatch(/503/);
  });
});

describe('an aborted read', () => {
  it('rejects without asking for anything when the signal is already aborted', async () => {
    showPage('page-9001.html');
    const controller = new AbortController();
    controller.abort();
    const fixtures = fixtureFetch({ helpdesk: 'intercom', origin: ORIGIN });
    await expect(intercom.readTicket(refFor('9001'), { document, fetch: fixtures.fetch, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fixtures.requests).toEqual([]);
  });

  it('rejects with the API’s error instead of reading the page once the user has left', async () => {
    showPage('page-9001.html');
    const controller = new AbortController();
    const fixtures = fixtureFetch({ helpdesk: 'intercom', origin: ORIGIN, failing: ['9001'] });
    const leaveWhileAsking = (path: string) => {
      controller.abort();
      return fixtures.fetch(path);
    };
    await expect(intercom.readTicket(refFor('9001'), { document, fetch: leaveWhileAsking, signal: controller.signal })).rejects.toThrow(/503/);
  });
});

describe('intercom.ticketFromUrl', () => {
  it('keeps the regional host and app id in the canonical URL', () => {
    expect(intercom.ticketFromUrl(new URL('https://app.eu.intercom.com/a/inbox/eu9x8y7z/inbox/admin/4821/conversation/98765?view=List'))).toStrictEqual({
      helpdesk: 'intercom',
      ticketId: '98765',
      url: 'https://app.eu.intercom.com/a/inbox/eu9x8y7z/inbox/conversation/98765',
    });
  });
});

describe('intercomText', () => {
  it.each([
    ['<p>Hi</p><p>there</p>', 'Hi\n\nthere'],
    ['a<br>b', 'a\nb'],
    ['&lt;script&gt;x&lt;/script&gt;', '<script>x</script>'],
    ['&amp;lt;', '&lt;'],
    [null, ''],
  ])('%j is %j', (html, text) => {
    expect(intercomText(html)).toBe(text);
  });
});

describe('intercomChannel', () => {
  it.each<[string | null | undefined, Channel]>([
    ['email', 'email'],
    ['conversation', 'chat'],
    ['whatsapp', 'messaging'],
    ['sms', 'messaging'],
    ['facebook', 'social'],
    ['twitter', 'social'],
    ['phone_call', 'voice'],
    ['push', 'messaging'],
    ['unknown', 'other'],
    ['constructor', 'other'],
    ['__proto__', 'other'],
    [undefined, 'other'],
  ])('source.type %j is %s', (type, channel) => {
    expect(intercomChannel(type)).toBe(channel);
  });
});
