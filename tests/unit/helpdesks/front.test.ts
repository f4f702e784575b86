import type { Channel } from '../../../lib/schemas/common';
import { TICKET_LIMITS, TicketContextSchema, type TicketContext } from '../../../lib/schemas/ticket';
import type { TicketRef } from '../../../lib/helpdesks/define-helpdesk';
import front, { frontChannel, frontConversationId } from '../../../lib/helpdesks/front';
import { fixtureFetch, readFixture, readFixtureText } from './fixture-fetch';

const ORIGIN = 'https://app.frontapp.com';
const IDS = ['cnv_kf12oi', 'cnv_kf12oj', 'cnv_kf12ok'];

function refFor(id: string): TicketRef {
  const ref = front.ticketFromUrl(new URL(`${ORIGIN}/open/${id}`));
  if (!ref) throw new Error(`front does not recognise conversation ${id}`);
  return ref;
}

/** The conversation view as the adapter sees it: the snapshot's body, without its script. */
function pageHtml(id: string): string {
  return new DOMParser().parseFromString(readFixtureText('front', `page-${id}.html`), 'text/html').body.innerHTML;
}
const showPage = (id: string) => (document.body.innerHTML = pageHtml(id));

async function read(id: string, signal = new AbortController().signal) {
  const fixtures = fixtureFetch({ helpdesk: 'front', origin: ORIGIN, failing: [id] });
  const ticket = await front.readTicket(refFor(id), { document, fetch: fixtures.fetch, signal });
  return { ticket, requests: fixtures.requests };
}

const expected = (id: string) => readFixture<TicketContext>('front', `expected/page-${id}.json`);

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('front.readTicket, from the conversation view', () => {
  it.each(IDS)('reads page-%s.html as expected/page-%s.json, fetching nothing', async (id) => {
    showPage(id);
    const { ticket, requests } = await read(id);
    expect(ticket).toStrictEqual(expected(id));
    expect(TicketContextSchema.parse(ticket)).toStrictEqual(expected(id));
    expect(requests).toEqual([]);
  });

  it('gives comments the role internal, whoever wrote them, and keeps the timeline order', async () => {
    showPage('cnv_kf12oi');
    const { ticket } = await read('cnv_kf12oi');
    expect(ticket.messages.map((m) => [m.id, m.role])).toEqual([
      ['msg_1a01', 'customer'],
      ['msg_1a02', 'agent'],
      ['com_1a03', 'internal'],
      ['msg_1a04', 'customer'],
    ]);
  });

  it('calls an outbound message with no teammate (a rule’s auto-reply) a bot named Front', async () => {
    showPage('cnv_kf12oj');
    const { ticket } = await read('cnv_kf12oj');
    expect(ticket.messages[1]).toMatchObject({ id: 'msg_1b02', author: 'Front', role: 'bot' });
  });

  it('keeps hostile markup as literal plain text and runs none of it', async () => {
    showPage('cnv_kf12ok');
    const { ticket } = await read('cnv_kf12ok');
    expect(ticket.subject).toBe('<img src=x onerror="window.__qaLensPwned=1"> SMS');
    expect(ticket.messages[0]?.text).toBe('<script>window.__qaLensPwned=1</script>Call me back');
    expect(ticket.messages[1]).toMatchObject({ role: 'internal', text: '<i>do not</i> call this number' });
    expect(ticket.customer).toStrictEqual({ name: '<b>Mallory</b>' });
    expect((globalThis as { __qaLensPwned?: unknown }).__qaLensPwned).toBeUndefined();
  });

  it('clips an oversized message to the message limit', async () => {
    showPage('cnv_kf12oi');
    const body = document.querySelector('[data-message-id="msg_1a01"] [data-testid="message-body"]');
    if (body) body.textContent = 'x'.repeat(250_000);
    const { ticket } = await read('cnv_kf12oi');
    expect(ticket.messages[0]?.text).toHaveLength(TICKET_LIMITS.messageChars);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });

  it('waits for the view to render the conversation', async () => {
    const html = pageHtml('cnv_kf12oj');
    const reading = read('cnv_kf12oj');
    setTimeout(() => (document.body.innerHTML = html), 50);
    expect((await reading).ticket).toStrictEqual(expected('cnv_kf12oj'));
  });

  it('does not read the previous conversation still on screen, and says it found none', async () => {
    vi.useFakeTimers();
    showPage('cnv_kf12oi');
    const reading = read('cnv_kf12oj');
    await vi.advanceTimersByTimeAsync(10_000);
    const { ticket } = await reading;
    expect(ticket).toMatchObject({ ticketId: 'cnv_kf12oj', messages: [], complete: false, customer: null, agent: null, subject: '' });
    expect(ticket.problem).toMatch(/no conversation/);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });
});

describe('an aborted read', () => {
  it('rejects when the signal is already aborted', async () => {
    showPage('cnv_kf12oi');
    const controller = new AbortController();
    controller.abort();
    await expect(read('cnv_kf12oi', controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects when the user leaves while the view is still loading', async () => {
    const controller = new AbortController();
    const reading = read('cnv_kf12oi', controller.signal);
    controller.abort();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('front.ticketFromUrl', () => {
  it('turns the numeric id of an inbox URL into the cnv_ id of the API, with an /open/ link', () => {
    expect(front.ticketFromUrl(new URL(`${ORIGIN}/inboxes/teams/folders/4bj7r/unassigned/0/conversations/1234567890`))).toStrictEqual({
      helpdesk: 'front',
      ticketId: 'cnv_kf12oi',
      url: `${ORIGIN}/open/cnv_kf12oi`,
    });
  });

  it.each([
    ['1234567890', 'cnv_kf12oi'],
    ['cnv_KF12OI', 'cnv_kf12oi'],
    ['0', null],
    ['99999999999999999', null],
    ['cnv_', null],
  ])('%s is %s', (raw, id) => {
    expect(frontConversationId(raw)).toBe(id);
  });
});

describe('frontChannel', () => {
  it.each<[string | null | undefined, Channel]>([
    ['email', 'email'],
    ['front_chat', 'chat'],
    ['intercom', 'chat'],
    ['sms', 'messaging'],
    ['whatsapp', 'messaging'],
    ['tweet', 'social'],
    ['facebook', 'social'],
    ['phone-call', 'voice'],
    ['custom', 'other'],
    ['constructor', 'other'],
    ['__proto__', 'other'],
    [undefined, 'other'],
  ])('type %j is %s', (type, channel) => {
    expect(frontChannel(type)).toBe(channel);
  });
});
