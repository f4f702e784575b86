import type { Channel } from '../../../lib/schemas/common';
import reamaze, { reamazeChannel } from '../../../lib/helpdesks/reamaze';
import { fixtureFetch, showFixturePage } from './fixture-fetch';

const ORIGIN = 'https://acme.reamaze.com';

async function read(slug: string) {
  const ref = reamaze.ticketFromUrl(new URL(`${ORIGIN}/admin/conversations/${slug}`));
  if (!ref) throw new Error(`reamaze does not recognise ${slug}`);
  return reamaze.readTicket(ref, { document, fetch: fixtureFetch({ helpdesk: 'reamaze', origin: ORIGIN }).fetch, signal: new AbortController().signal });
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('reamaze.readTicket', () => {
  it('gives internal notes (visibility 1) the role internal, whoever wrote them', async () => {
    showFixturePage('reamaze', 'page-email.html');
    const ticket = await read('where-is-my-order-7781');
    expect(ticket.messages.map((m) => [m.id, m.role])).toEqual([
      ['msg-41001', 'customer'],
      ['msg-41002', 'internal'],
      ['msg-41003', 'agent'],
      ['msg-41004', 'customer'],
    ]);
  });

  it('calls an automated message with no author a bot named Re:amaze', async () => {
    showFixturePage('reamaze', 'page-chat.html');
    const ticket = await read('chat-with-lee-park-2');
    expect(ticket.messages[1]).toMatchObject({ author: 'Re:amaze', role: 'bot' });
  });

  it('names the status from the API’s number, and reads the shown label when the number is unknown', async () => {
    showFixturePage('reamaze', 'page-email.html');
    document.querySelector('[data-testid="conversation"]')?.setAttribute('data-status', '5');
    expect((await read('where-is-my-order-7781')).status).toBe('On Hold');
    document.querySelector('[data-testid="conversation"]')?.setAttribute('data-status', '42');
    expect((await read('where-is-my-order-7781')).status).toBe('Responded');
  });
});

describe('reamaze.ticketFromUrl', () => {
  it('keeps the slug as the id and drops the inbox filter from the canonical URL', () => {
    expect(reamaze.ticketFromUrl(new URL(`${ORIGIN}/admin/conversations/chat-with-lee-park-2/?filter=all`))).toStrictEqual({
      helpdesk: 'reamaze',
      ticketId: 'chat-with-lee-park-2',
      url: `${ORIGIN}/admin/conversations/chat-with-lee-park-2`,
    });
  });
});

describe('reamazeChannel', () => {
  it.each<[string | null, Channel]>([
    ['email', 'email'],
    ['contact_form', 'email'],
    ['chat', 'chat'],
    ['sms', 'messaging'],
    ['whatsapp', 'messaging'],
    ['instagram', 'social'],
    ['voice', 'voice'],
    ['carrier-pigeon', 'other'],
    ['constructor', 'other'],
    [null, 'other'],
  ])('%j is %s', (type, channel) => {
    expect(reamazeChannel(type)).toBe(channel);
  });
});
