import tawkTo from '../../../lib/helpdesks/tawk-to';
import { fixtureFetch, showFixturePage } from './fixture-fetch';

const INBOX = 'https://dashboard.tawk.to/#/inbox/5e52b5a2a89cda5a1887877e';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('tawk-to.readTicket', () => {
  it('calls whispers internal, leaves join notices out and names the chat after the visitor', async () => {
    showFixturePage('tawk-to', 'page-nora.html');
    const ref = tawkTo.ticketFromUrl(new URL(`${INBOX}/all/chat/c4b9e0f2-7a1d-11ee-9b3c-0242ac120002`));
    if (!ref) throw new Error('not a ticket');
    const ticket = await tawkTo.readTicket(ref, { document, fetch: fixtureFetch({ helpdesk: 'tawk-to', origin: 'https://dashboard.tawk.to' }).fetch, signal: new AbortController().signal });
    expect(ticket.subject).toBe('Chat with Nora Lind');
    expect(ticket.messages.map((m) => m.role)).toEqual(['customer', 'internal', 'agent']);
  });
});

describe('tawk-to.ticketFromUrl', () => {
  it.each([
    [`${INBOX}/all/chat/Kx7dQ2mZp9`, 'Kx7dQ2mZp9'],
    [`${INBOX}/assigned/chats/chat/Kx7dQ2mZp9/?tab=info`, 'Kx7dQ2mZp9'],
    [`${INBOX.replace('#/', '#%2F')}/all/chat/Kx7dQ2mZp9`, 'Kx7dQ2mZp9'],
  ])('reads the chat id from the hash route %s, whatever the filter', (url, id) => {
    expect(tawkTo.ticketFromUrl(new URL(url))).toStrictEqual({ helpdesk: 'tawk-to', ticketId: id, url: `${INBOX}/all/chat/${id}` });
  });

  it('gives every chat of the inbox a ticket of its own', () => {
    const ids = ['a1b2c3d4e5', 'a1b2c3d4e6'].map((id) => tawkTo.ticketFromUrl(new URL(`${INBOX}/all/chat/${id}`))?.ticketId);
    expect(ids).toEqual(['a1b2c3d4e5', 'a1b2c3d4e6']);
  });
});
