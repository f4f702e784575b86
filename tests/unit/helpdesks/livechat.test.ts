import type { Channel } from '../../../lib/schemas/common';
import { TicketContextSchema, type TicketContext } from '../../../lib/schemas/ticket';
import type { TicketRef } from '../../../lib/helpdesks/define-helpdesk';
import livechat, { LIVECHAT_RENDER_TIMEOUT_MS, livechatChannel } from '../../../lib/helpdesks/livechat';
import { fixtureFetch, readFixture, showFixturePage } from './fixture-fetch';

function refFor(url: string): TicketRef {
  const ref = livechat.ticketFromUrl(new URL(url));
  if (!ref) throw new Error(`livechat does not recognise ${url}`);
  return ref;
}

/** The agent app as the adapter sees it: the snapshot's body, without its script. */
const showPage = (file: string) => void showFixturePage('livechat', file);

/** Reads a chat from the page; the adapter has no same-origin API, so any request is a failure. */
async function read(url: string, signal = new AbortController().signal) {
  const fixtures = fixtureFetch({ helpdesk: 'livechat', origin: 'https://my.livechatinc.com', failing: ['PJ0MRSHTDG', 'R6ZGL8WRQU'] });
  const ticket = await livechat.readTicket(refFor(url), { document, fetch: fixtures.fetch, signal });
  return { ticket, requests: fixtures.requests };
}

const expected = (name: string) => readFixture<TicketContext>('livechat', `expected/${name}.json`);

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('livechat.readTicket, from the chat on the page', () => {
  it.each([
    ['page-PJ0MRSHTDG', 'https://my.livechatinc.com/chats/PJ0MRSHTDG'],
    ['page-R6ZGL8WRQU', 'https://my.livechatinc.com/archives/R6ZGL8WRQU'],
  ])('reads %s.html as expected/%s.json, without any request', async (name, url) => {
    showPage(`${name}.html`);
    const { ticket, requests } = await read(url);
    expect(ticket).toStrictEqual(expected(name));
    expect(TicketContextSchema.parse(ticket)).toStrictEqual(expected(name));
    expect(requests).toEqual([]);
  });

  it('gives events visible to agents only the role internal, system messages bot, and names files', async () => {
    showPage('page-PJ0MRSHTDG.html');
    const { ticket } = await read('https://my.livechatinc.com/chats/PJ0MRSHTDG');
    expect(ticket.messages.map((m) => m.role)).toEqual(['bot', 'customer', 'agent', 'customer', 'internal', 'agent', 'customer']);
    expect(ticket.messages.find((m) => m.role === 'internal')).toMatchObject({ id: 'K600PKZON8_5', author: 'Sam Okafor' });
    expect(ticket.messages[3]?.text).toBe('[File: bank-statement.png]');
  });

  it('keeps hostile markup as literal plain text and runs none of it', async () => {
    showPage('page-R6ZGL8WRQU.html');
    const { ticket } = await read('https://my.livechatinc.com/archives/R6ZGL8WRQU');
    expect(ticket.customer?.name).toBe('<img src=x onerror="window.__qaLensPwned=1">Mallory');
    expect(ticket.messages[0]?.text).toBe('<script>window.__qaLensPwned=1</script>Please unlock my account');
    expect(document.querySelector('img, script')).toBeNull();
    expect((globalThis as { __qaLensPwned?: unknown }).__qaLensPwned).toBeUndefined();
  });

  it('never reads another chat’s view: it waits for the chat of the URL to be shown', async () => {
    showPage('page-R6ZGL8WRQU.html');
    const pending = read('https://my.livechatinc.com/chats/PJ0MRSHTDG');
    await new Promise((resolve) => setTimeout(resolve, 20));
    showPage('page-PJ0MRSHTDG.html');
    expect((await pending).ticket).toStrictEqual(expected('page-PJ0MRSHTDG'));
  });

  it('returns an incomplete chat with a problem when the chat never shows', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const pending = read('https://my.livechatinc.com/chats/PJ0MRSHTDG');
    await vi.advanceTimersByTimeAsync(LIVECHAT_RENDER_TIMEOUT_MS);
    const { ticket } = await pending;
    expect(ticket).toMatchObject({ ticketId: 'PJ0MRSHTDG', channel: 'chat', messages: [], complete: false });
    expect(ticket.problem).toMatch(/did not show/);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });
});

describe('an aborted read', () => {
  it('rejects when the signal is already aborted', async () => {
    showPage('page-PJ0MRSHTDG.html');
    const controller = new AbortController();
    controller.abort();
    await expect(read('https://my.livechatinc.com/chats/PJ0MRSHTDG', controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects when the user leaves while the chat is loading', async () => {
    const controller = new AbortController();
    const pending = read('https://my.livechatinc.com/chats/PJ0MRSHTDG', controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('livechatChannel', () => {
  it.each<[string | null, Channel]>([
    [null, 'chat'],
    ['chat_widget', 'chat'],
    ['facebook_messenger', 'messaging'],
    ['whatsapp', 'messaging'],
    ['sms', 'messaging'],
    ['instagram', 'social'],
    ['email', 'email'],
    ['unknown', 'other'],
    ['constructor', 'other'],
    ['__proto__', 'other'],
  ])('source %j is %s', (source, channel) => {
    expect(livechatChannel(source)).toBe(channel);
  });
});
