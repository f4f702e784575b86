// What every adapter that reads the page promises, stated once and run over each of them: it reads
// its fixture pages exactly as their expectations say without a request, waits for the app to draw
// the ticket, never reads another ticket still on screen, gives the URL's ticket with a problem when
// the page never shows it, rejects once the user has left, keeps markup as text and clips to the
// limits. What is particular to one helpdesk (its channels, roles, URL ids) is in its own test file.
import type { Helpdesk, TicketRef } from '../../../lib/helpdesks/define-helpdesk';
import dixa, { DIXA_RENDER_WAIT_MS } from '../../../lib/helpdesks/dixa';
import freshchat, { FRESHCHAT_RENDER_WAIT_MS } from '../../../lib/helpdesks/freshchat';
import gladly, { GLADLY_RENDER_WAIT_MS } from '../../../lib/helpdesks/gladly';
import tawkTo, { TAWK_TO_RENDER_WAIT_MS } from '../../../lib/helpdesks/tawk-to';
import outlook, { OUTLOOK_RENDER_WAIT_MS } from '../../../lib/helpdesks/outlook';
import reamaze, { REAMAZE_RENDER_WAIT_MS } from '../../../lib/helpdesks/reamaze';
import { TICKET_LIMITS, TicketContextSchema, type TicketContext } from '../../../lib/schemas/ticket';
import { fixtureFetch, readFixture, showFixturePage } from './fixture-fetch';

interface PageAdapterCase {
  helpdesk: Helpdesk;
  /** Fixture pages (`page-<name>.html`, expected in `expected/page-<name>.json`) and the URL of the ticket each shows. */
  pages: [name: string, url: string][];
  /** The page whose customer wrote markup, and the text (with the markup as text) of its first customer message. */
  hostile: [name: string, text: string];
  /** Where the first page's first message body is, to make it oversized. */
  body: string;
  waitMs: number;
}

const CASES: PageAdapterCase[] = [
  {
    helpdesk: reamaze,
    pages: [
      ['email', 'https://acme.reamaze.com/admin/conversations/where-is-my-order-7781'],
      ['chat', 'https://acme.reamaze.com/admin/conversations/chat-with-lee-park-2'],
    ],
    hostile: ['chat', '<img src=x onerror="window.__qaLensPwned=1"> my discount code fails'],
    body: '[data-testid="message-body"]',
    waitMs: REAMAZE_RENDER_WAIT_MS,
  },
  {
    helpdesk: dixa,
    pages: [
      ['email', 'https://acme.dixa.com/conversation/48213'],
      ['chat', 'https://acme.dixa.com/conversation/48214?tab=notes'],
    ],
    hostile: ['chat', '<script>window.__qaLensPwned=1</script>Can I change my delivery slot?'],
    body: '[data-testid="item-body"]',
    waitMs: DIXA_RENDER_WAIT_MS,
  },
  {
    helpdesk: freshchat,
    pages: [
      ['web', 'https://acme.freshchat.com/a/236306003128395/inbox/2/0/conversation/720870712804149'],
      ['whatsapp', 'https://acme.freshchat.com/a/236306003128395/open/conversation/720870712804150'],
    ],
    hostile: ['whatsapp', '<img src=x onerror="window.__qaLensPwned=1"> where is order 9912?'],
    body: '[data-testid="message-text"]',
    waitMs: FRESHCHAT_RENDER_WAIT_MS,
  },
  {
    helpdesk: gladly,
    pages: [
      ['email', 'https://acme.gladly.com/customer/pGLy6gR0TkK3XvGkqC7Q2A/conversation/JqaiVa-7Rf-Vfi-U_Vhrhw'],
      ['chat', 'https://acme.gladly.com/customer/pGLy6gR0TkK3XvGkqC7Q2B/conversation/Xj3cmewvS7yY30S6KC6q3w?itemId=k1'],
    ],
    hostile: ['chat', '<b onmouseover="window.__qaLensPwned=1">charged twice</b> for one order'],
    body: '[data-testid="item-content"]',
    waitMs: GLADLY_RENDER_WAIT_MS,
  },
  {
    helpdesk: tawkTo,
    pages: [
      ['nora', 'https://dashboard.tawk.to/#/inbox/5e52b5a2a89cda5a1887877e/all/chat/c4b9e0f2-7a1d-11ee-9b3c-0242ac120002'],
      ['visitor', 'https://dashboard.tawk.to/#/inbox/5e52b5a2a89cda5a1887877e/all/chats/chat/c4b9e0f2-7a1d-11ee-9b3c-0242ac120003'],
    ],
    hostile: ['visitor', '<iframe src="javascript:window.__qaLensPwned=1"></iframe> hello?'],
    body: '[data-testid="message-text"]',
    waitMs: TAWK_TO_RENDER_WAIT_MS,
  },
  {
    helpdesk: outlook,
    pages: [
      ['order', 'https://outlook.office.com/mail/inbox/id/AAQkAGI2TGuLAAA%3D'],
      ['invoice', 'https://outlook.office.com/mail/support@contoso.com/inbox/id/AAQkAGI2TGuLAAB%3D'],
    ],
    hostile: ['invoice', '<script>window.__qaLensPwned=1</script>Please resend my invoice.'],
    body: '[aria-label="Message body"]',
    waitMs: OUTLOOK_RENDER_WAIT_MS,
  },
];

const refOf = (helpdesk: Helpdesk, url: string): TicketRef => {
  const ref = helpdesk.ticketFromUrl(new URL(url));
  if (!ref) throw new Error(`${helpdesk.id} does not recognise ${url}`);
  return ref;
};

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe.each(CASES.map((c) => [c.helpdesk.id, c] as const))('%s reads the page', (id, { helpdesk, pages, hostile, body, waitMs }) => {
  const urlOf = (name: string) => pages.find(([page]) => page === name)?.[1] ?? '';
  const expected = (name: string) => readFixture<TicketContext>(id, `expected/page-${name}.json`);
  const show = (name: string) => void showFixturePage(id, `page-${name}.html`);
  const read = async (url: string, signal = new AbortController().signal) => {
    const ref = refOf(helpdesk, url);
    // A page adapter makes no request: every one answers 503, so one would show in the result.
    const fixtures = fixtureFetch({ helpdesk: id, origin: new URL(url).origin, failing: [ref.ticketId] });
    const ticket = await helpdesk.readTicket(ref, { document, fetch: fixtures.fetch, signal });
    return { ticket, requests: fixtures.requests };
  };
  const [first, firstUrl] = pages[0] ?? ['', ''];
  const [second, secondUrl] = pages[1] ?? pages[0] ?? ['', ''];

  it.each(pages)('reads page-%s.html as its expectation, without any request', async (name, url) => {
    show(name);
    const { ticket, requests } = await read(url);
    expect(ticket).toStrictEqual(expected(name));
    expect(TicketContextSchema.parse(ticket)).toStrictEqual(ticket);
    expect(requests).toEqual([]);
  });

  it('gives each fixture ticket the id and canonical URL of its page URL', () => {
    for (const [name, url] of pages) expect(refOf(helpdesk, url)).toStrictEqual({ helpdesk: id, ticketId: expected(name).ticketId, url: expected(name).url });
  });

  it('waits for the app to draw the ticket', async () => {
    const reading = read(firstUrl);
    setTimeout(() => show(first), 30);
    expect((await reading).ticket).toStrictEqual(expected(first));
  });

  it('never reads another ticket still on screen: it waits for the one of the URL', async () => {
    show(second);
    const reading = read(firstUrl);
    setTimeout(() => show(first), 30);
    expect((await reading).ticket).toStrictEqual(expected(first));
    expect(secondUrl).not.toBe(firstUrl);
  });

  it('gives the URL’s ticket, incomplete, with a problem when the page never shows it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    show(second);
    const reading = read(firstUrl);
    await vi.advanceTimersByTimeAsync(waitMs);
    const { ticket } = await reading;
    expect(ticket).toMatchObject({ ...refOf(helpdesk, firstUrl), messages: [], complete: false, customer: null, agent: null, subject: '' });
    expect(ticket.problem).toMatch(/did not show/);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });

  it('rejects when the user has already left', async () => {
    show(first);
    const controller = new AbortController();
    controller.abort();
    await expect(read(firstUrl, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects when the user leaves while the page is still loading', async () => {
    const controller = new AbortController();
    const reading = read(firstUrl, controller.signal);
    controller.abort();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('keeps markup a customer wrote as literal text and runs none of it', async () => {
    show(hostile[0]);
    const { ticket } = await read(urlOf(hostile[0]));
    expect(ticket.messages.find((m) => m.role === 'customer')?.text).toBe(hostile[1]);
    expect(document.querySelector('main img, main script')).toBeNull();
    expect((globalThis as { __qaLensPwned?: unknown }).__qaLensPwned).toBeUndefined();
  });

  it('clips an oversized message to the message limit instead of losing the ticket', async () => {
    show(first);
    const element = document.querySelector(body);
    if (!element) throw new Error(`page-${first}.html has no ${body}`);
    element.textContent = 'x'.repeat(250_000);
    const { ticket } = await read(firstUrl);
    expect(ticket.messages[0]?.text).toHaveLength(TICKET_LIMITS.messageChars);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });
});
