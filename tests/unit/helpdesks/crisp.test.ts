import type { Channel } from '../../../lib/schemas/common';
import { TicketContextSchema, type TicketContext } from '../../../lib/schemas/ticket';
import type { TicketRef } from '../../../lib/helpdesks/define-helpdesk';
import crisp, { CRISP_RENDER_TIMEOUT_MS, crispChannel } from '../../../lib/helpdesks/crisp';
import { fixtureFetch, readFixture, showFixturePage } from './fixture-fetch';

const INBOX = 'https://app.crisp.chat/website/8c842203-7ed8-4e29-a608-7cf78a7d2fcc/inbox';
const CHAT = 'session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881';
const EMAIL = 'session_36ba3566-9651-4790-afc8-ffedbccc317f';

function refFor(sessionId: string): TicketRef {
  const ref = crisp.ticketFromUrl(new URL(`${INBOX}/${sessionId}/`));
  if (!ref) throw new Error(`crisp does not recognise ${sessionId}`);
  return ref;
}

/** The Crisp app as the adapter sees it: the snapshot's body, without its script. */
const showPage = (file: string) => void showFixturePage('crisp', file);

/** Reads a conversation from the page; the adapter has no same-origin API, so any request is a failure. */
async function read(sessionId: string, signal = new AbortController().signal) {
  const fixtures = fixtureFetch({ helpdesk: 'crisp', origin: 'https://app.crisp.chat', failing: [CHAT, EMAIL] });
  const ticket = await crisp.readTicket(refFor(sessionId), { document, fetch: fixtures.fetch, signal });
  return { ticket, requests: fixtures.requests };
}

const expected = (name: string) => readFixture<TicketContext>('crisp', `expected/${name}.json`);

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('crisp.readTicket, from the conversation on the page', () => {
  it.each([
    ['page-chat', CHAT],
    ['page-email', EMAIL],
  ])('reads %s.html as expected/%s.json, without any request', async (name, sessionId) => {
    showPage(`${name}.html`);
    const { ticket, requests } = await read(sessionId);
    expect(ticket).toStrictEqual(expected(name));
    expect(TicketContextSchema.parse(ticket)).toStrictEqual(expected(name));
    expect(requests).toEqual([]);
  });

  it('gives notes the role internal, automated operator messages bot, and names files', async () => {
    showPage('page-chat.html');
    const { ticket } = await read(CHAT);
    expect(ticket.messages.map((m) => m.role)).toEqual(['customer', 'bot', 'customer', 'internal', 'agent']);
    expect(ticket.messages.find((m) => m.role === 'internal')).toMatchObject({ author: 'Sam Okafor' });
    expect(ticket.messages[2]?.text).toBe('[File: bank-statement.png]');
  });

  it('keeps hostile markup as literal plain text and runs none of it', async () => {
    showPage('page-email.html');
    const { ticket } = await read(EMAIL);
    expect(ticket.subject).toBe('<b>Account locked</b>');
    expect(ticket.messages[0]?.text).toBe('<script>window.__qaLensPwned=1</script>Please unlock my account');
    expect(document.querySelector('img, script, b')).toBeNull();
    expect((globalThis as { __qaLensPwned?: unknown }).__qaLensPwned).toBeUndefined();
  });

  it('never reads another conversation’s view: it waits for the session of the URL', async () => {
    showPage('page-email.html');
    const pending = read(CHAT);
    await new Promise((resolve) => setTimeout(resolve, 20));
    showPage('page-chat.html');
    expect((await pending).ticket).toStrictEqual(expected('page-chat'));
  });

  it('returns an incomplete conversation with a problem when it never shows', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const pending = read(CHAT);
    await vi.advanceTimersByTimeAsync(CRISP_RENDER_TIMEOUT_MS);
    const { ticket } = await pending;
    expect(ticket).toMatchObject({ ticketId: CHAT, messages: [], complete: false });
    expect(ticket.problem).toMatch(/did not show/);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });
});

describe('an aborted read', () => {
  it('rejects when the signal is already aborted', async () => {
    showPage('page-chat.html');
    const controller = new AbortController();
    controller.abort();
    await expect(read(CHAT, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects when the user leaves while the conversation is loading', async () => {
    const controller = new AbortController();
    const pending = read(CHAT, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('crispChannel', () => {
  it.each<[string | null, Channel]>([
    ['chat', 'chat'],
    ['email', 'email'],
    ['urn:crisp.im:messenger:0', 'messaging'],
    ['urn:crisp.im:whatsapp:0', 'messaging'],
    ['urn:crisp.im:instagram:0', 'social'],
    ['urn:crisp.im:twitter:0', 'social'],
    ['urn:crisp.im:phone:0', 'voice'],
    ['urn:crisp.im:unknown:0', 'other'],
    ['urn:crisp.im:constructor:0', 'other'],
    ['urn:other:messenger:0', 'other'],
    [null, 'other'],
  ])('origin %j is %s', (origin, channel) => {
    expect(crispChannel(origin)).toBe(channel);
  });
});
