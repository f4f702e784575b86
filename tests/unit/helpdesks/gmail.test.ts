import { TicketContextSchema, type TicketContext } from '../../../lib/schemas/ticket';
import type { TicketRef } from '../../../lib/helpdesks/define-helpdesk';
import gmail, { GMAIL_RENDER_TIMEOUT_MS } from '../../../lib/helpdesks/gmail';
import { fixtureFetch, readFixture, showFixturePage } from './fixture-fetch';

const REFUND = 'FMfcgzQbfBhJkLNpRsTvWxZbCdFgHjKl';
const LOCKED = 'FMfcgzQbfBhJkLNpRsTvWxZbCdFgHjKm';

function refFor(url: string): TicketRef {
  const ref = gmail.ticketFromUrl(new URL(url));
  if (!ref) throw new Error(`gmail does not recognise ${url}`);
  return ref;
}

/** Gmail as the adapter sees it: the snapshot's body, without its script. */
function showPage(file: string): void {
  document.title = showFixturePage('gmail', file).title;
}

/** Reads a thread; Gmail has no API for the adapter, so any request is a failure. */
async function read(url: string, signal = new AbortController().signal) {
  const fixtures = fixtureFetch({ helpdesk: 'gmail', origin: 'https://mail.google.com' });
  const ticket = await gmail.readTicket(refFor(url), { document, fetch: fixtures.fetch, signal });
  return { ticket, requests: fixtures.requests };
}

const expected = (name: string) => readFixture<TicketContext>('gmail', `expected/${name}.json`);

afterEach(() => {
  document.body.innerHTML = '';
  document.title = '';
  vi.useRealTimers();
});

describe('gmail.ticketFromUrl', () => {
  it('names a thread by its URL token, with a canonical #all link in the same account', () => {
    expect(refFor(`https://mail.google.com/mail/u/2/#label/Billing/${REFUND}?compose=new`)).toStrictEqual({
      helpdesk: 'gmail',
      ticketId: REFUND,
      url: `https://mail.google.com/mail/u/2/#all/${REFUND}`,
    });
  });
});

describe('gmail.readTicket, from the thread on the page', () => {
  it.each([
    ['page-refund', `https://mail.google.com/mail/u/0/#inbox/${REFUND}`],
    ['page-locked', `https://mail.google.com/mail/u/0/#label/Support/${LOCKED}`],
  ])('reads %s.html as expected/%s.json, without any request', async (name, url) => {
    showPage(`${name}.html`);
    const { ticket, requests } = await read(url);
    expect(ticket).toStrictEqual(expected(name));
    expect(TicketContextSchema.parse(ticket)).toStrictEqual(expected(name));
    expect(requests).toEqual([]);
  });

  it('calls the signed-in mailbox the agent and the external sender the customer; Gmail has no internal notes', async () => {
    showPage('page-refund.html');
    const { ticket } = await read(`https://mail.google.com/mail/u/0/#inbox/${REFUND}`);
    expect(ticket.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'customer']);
    expect(ticket.messages.some((m) => m.role === 'internal' || m.role === 'bot')).toBe(false);
  });

  it('keeps hostile markup as literal plain text and runs none of it', async () => {
    showPage('page-locked.html');
    const { ticket } = await read(`https://mail.google.com/mail/u/0/#label/Support/${LOCKED}`);
    expect(ticket.subject).toBe('<img src=x onerror="window.__qaLensPwned=1"> Account locked');
    expect(ticket.messages[1]?.text).toBe('<script>window.__qaLensPwned=1</script>Please unlock my account');
    expect(document.querySelector('img, script, b')).toBeNull();
    expect((globalThis as { __qaLensPwned?: unknown }).__qaLensPwned).toBeUndefined();
  });

  it('finds the mailbox in the window title when the account button is missing', async () => {
    showPage('page-refund.html');
    document.querySelector('header')?.remove();
    const { ticket } = await read(`https://mail.google.com/mail/u/0/#inbox/${REFUND}`);
    expect(ticket.agent).toStrictEqual({ name: 'Alex Moreno', email: 'alex@acme-support.com' });
    expect(ticket.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'customer']);
  });

  it('says so when it cannot tell the mailbox, and calls every message the agent’s', async () => {
    showPage('page-refund.html');
    document.querySelector('header')?.remove();
    document.title = 'Gmail';
    const { ticket } = await read(`https://mail.google.com/mail/u/0/#inbox/${REFUND}`);
    expect(ticket.messages.map((m) => m.role)).toEqual(['agent', 'agent', 'agent']);
    expect(ticket.problem).toMatch(/signed-in mailbox/);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });

  it('waits for Gmail to replace the previous thread after the hash changes', async () => {
    showPage('page-refund.html');
    await read(`https://mail.google.com/mail/u/0/#inbox/${REFUND}`);
    // The user opens the next thread: for a moment the previous one is still shown.
    const next = read(`https://mail.google.com/mail/u/0/#label/Support/${LOCKED}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    showPage('page-locked.html');
    const { ticket } = await next;
    expect(ticket).toStrictEqual(expected('page-locked'));
  });

  it('waits for a thread that is not on the page yet, and gives up with a problem after the timeout', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const pending = read(`https://mail.google.com/mail/u/0/#inbox/${REFUND}`);
    await vi.advanceTimersByTimeAsync(GMAIL_RENDER_TIMEOUT_MS);
    const { ticket } = await pending;
    expect(ticket).toMatchObject({ ticketId: REFUND, channel: 'email', messages: [], complete: false });
    expect(ticket.problem).toMatch(/did not show/);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });
});

describe('an aborted read', () => {
  it('rejects when the signal is already aborted', async () => {
    showPage('page-refund.html');
    const controller = new AbortController();
    controller.abort();
    await expect(read(`https://mail.google.com/mail/u/0/#inbox/${REFUND}`, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects when the user leaves while Gmail is still loading the thread', async () => {
    const controller = new AbortController();
    const pending = read(`https://mail.google.com/mail/u/0/#inbox/${REFUND}`, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
