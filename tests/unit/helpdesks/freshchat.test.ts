import type { Channel } from '../../../lib/schemas/common';
import freshchat, { freshchatChannel } from '../../../lib/helpdesks/freshchat';
import { fixtureFetch, showFixturePage } from './fixture-fetch';

const ORIGIN = 'https://acme.freshchat.com';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('freshchat.readTicket', () => {
  it('calls private messages internal, bot actors bot, and leaves out system notices', async () => {
    showFixturePage('freshchat', 'page-web.html');
    const ref = freshchat.ticketFromUrl(new URL(`${ORIGIN}/a/236306003128395/inbox/2/0/conversation/720870712804149`));
    if (!ref) throw new Error('not a ticket');
    const ticket = await freshchat.readTicket(ref, { document, fetch: fixtureFetch({ helpdesk: 'freshchat', origin: ORIGIN }).fetch, signal: new AbortController().signal });
    expect(ticket.messages.map((m) => [m.id, m.role])).toEqual([
      ['d0bf1ae0-0001', 'bot'],
      ['d0bf1ae0-0002', 'customer'],
      ['d0bf1ae0-0004', 'internal'],
      ['d0bf1ae0-0005', 'agent'],
    ]);
  });
});

describe('freshchat.ticketFromUrl', () => {
  it.each([
    ['https://acme.freshchat.com/a/236306003128395/inbox/2/0/conversation/720870712804149', 'https://acme.freshchat.com/a/236306003128395/open/conversation/720870712804149'],
    ['https://web.freshchat.com/a/153370844780746/inbox/0/conversation/374169896285298', 'https://web.freshchat.com/a/153370844780746/open/conversation/374169896285298'],
  ])('opens %s from any inbox view as the /open/ link %s, on the host it was read on', (url, canonical) => {
    expect(freshchat.ticketFromUrl(new URL(url))?.url).toBe(canonical);
  });
});

describe('freshchatChannel', () => {
  it.each<[string | null, Channel]>([
    ['web', 'chat'],
    ['mobile', 'chat'],
    ['whatsapp', 'messaging'],
    ['apple_business_chat', 'messaging'],
    ['facebook', 'social'],
    ['email', 'email'],
    ['pager', 'other'],
    ['__proto__', 'other'],
    [null, 'other'],
  ])('source %j is %s', (source, channel) => {
    expect(freshchatChannel(source)).toBe(channel);
  });
});
