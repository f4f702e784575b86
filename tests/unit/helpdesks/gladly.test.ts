import type { Channel } from '../../../lib/schemas/common';
import gladly, { gladlyChannel } from '../../../lib/helpdesks/gladly';
import { fixtureFetch, showFixturePage } from './fixture-fetch';

const ORIGIN = 'https://acme.gladly.com';
const URL_EMAIL = `${ORIGIN}/customer/pGLy6gR0TkK3XvGkqC7Q2A/conversation/JqaiVa-7Rf-Vfi-U_Vhrhw`;

async function read(url: string) {
  const ref = gladly.ticketFromUrl(new URL(url));
  if (!ref) throw new Error(`gladly does not recognise ${url}`);
  return gladly.readTicket(ref, { document, fetch: fixtureFetch({ helpdesk: 'gladly', origin: ORIGIN }).fetch, signal: new AbortController().signal });
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('gladly.readTicket', () => {
  it('takes the subject from the e-mail and falls back to the conversation’s topics', async () => {
    showFixturePage('gladly', 'page-email.html');
    expect((await read(URL_EMAIL)).subject).toBe('Return label for a broken kettle');
    document.querySelector('[data-testid="item-subject"]')?.remove();
    expect((await read(URL_EMAIL)).subject).toBe('Returns, Damaged item');
  });

  it('calls conversation notes internal, whoever wrote them', async () => {
    showFixturePage('gladly', 'page-email.html');
    expect((await read(URL_EMAIL)).messages.map((m) => m.role)).toEqual(['customer', 'internal', 'agent']);
  });
});

describe('gladlyChannel', () => {
  it.each<[string | null, Channel]>([
    ['EMAIL', 'email'],
    ['CHAT_MESSAGE', 'chat'],
    ['SMS', 'messaging'],
    ['FACEBOOK_MESSAGE', 'social'],
    ['PHONE_CALL', 'voice'],
    ['VOICEMAIL', 'voice'],
    ['CONVERSATION_NOTE', 'other'],
    ['email', 'other'],
    [null, 'other'],
  ])('content type %j is %s', (type, channel) => {
    expect(gladlyChannel(type)).toBe(channel);
  });
});
