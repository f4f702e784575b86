import type { Channel } from '../../../lib/schemas/common';
import dixa, { dixaChannel } from '../../../lib/helpdesks/dixa';
import { fixtureFetch, showFixturePage } from './fixture-fetch';

const ORIGIN = 'https://acme.dixa.com';

async function read(id: string) {
  const ref = dixa.ticketFromUrl(new URL(`${ORIGIN}/conversation/${id}`));
  if (!ref) throw new Error(`dixa does not recognise ${id}`);
  return dixa.readTicket(ref, { document, fetch: fixtureFetch({ helpdesk: 'dixa', origin: ORIGIN }).fetch, signal: new AbortController().signal });
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('dixa.readTicket', () => {
  it('keeps notes, automated replies and messages in timeline order, each with its role', async () => {
    showFixturePage('dixa', 'page-email.html');
    const ticket = await read('48213');
    expect(ticket.messages.map((m) => [m.author, m.role])).toEqual([
      ['Hanna Keller', 'customer'],
      ['Dixa', 'bot'],
      ['Jonas Weber', 'internal'],
      ['Jonas Weber', 'agent'],
    ]);
  });
});

describe('dixaChannel', () => {
  it.each<[string | null, Channel]>([
    ['Email', 'email'],
    ['ContactForm', 'email'],
    ['WidgetChat', 'chat'],
    ['Sms', 'messaging'],
    ['WhatsApp', 'messaging'],
    ['FacebookMessenger', 'messaging'],
    ['Twitter', 'social'],
    ['PstnPhone', 'voice'],
    ['email', 'other'],
    ['toString', 'other'],
    [null, 'other'],
  ])('%j is %s', (channel, expected) => {
    expect(dixaChannel(channel)).toBe(expected);
  });
});
