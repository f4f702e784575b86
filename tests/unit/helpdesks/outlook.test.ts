import outlook from '../../../lib/helpdesks/outlook';
import { fixtureFetch, showFixturePage } from './fixture-fetch';

const ORIGIN = 'https://outlook.office.com';

async function read(url: string) {
  const ref = outlook.ticketFromUrl(new URL(url));
  if (!ref) throw new Error(`outlook does not recognise ${url}`);
  return outlook.readTicket(ref, { document, fetch: fixtureFetch({ helpdesk: 'outlook', origin: new URL(url).origin }).fetch, signal: new AbortController().signal });
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('outlook.readTicket', () => {
  it('counts the signed-in mailbox’s messages as the agent’s and the first other sender as the customer', async () => {
    showFixturePage('outlook', 'page-order.html');
    const ticket = await read(`${ORIGIN}/mail/inbox/id/AAQkAGI2TGuLAAA%3D`);
    expect(ticket.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'customer']);
    expect(ticket.customer).toStrictEqual({ name: 'Ravi Kumar', email: 'ravi.kumar@example.com' });
  });

  it('says so when it cannot tell the signed-in mailbox, and counts every message as the agent’s', async () => {
    showFixturePage('outlook', 'page-order.html');
    document.querySelector('#mectrl_currentAccount_secondary')?.remove();
    const ticket = await read(`${ORIGIN}/mail/inbox/id/AAQkAGI2TGuLAAA%3D`);
    expect(ticket.messages.every((m) => m.role === 'agent')).toBe(true);
    expect(ticket.problem).toMatch(/signed-in mailbox/);
  });

  it('keeps a sender name that holds angle brackets whole, cutting off only the address after it', async () => {
    showFixturePage('outlook', 'page-order.html');
    const from = document.querySelector('[aria-label="Email message"] [aria-label^="From:"]')!;
    from.textContent = '<b>Ravi</b> Kumar <ravi.kumar@example.com>';
    const ticket = await read(`${ORIGIN}/mail/inbox/id/AAQkAGI2TGuLAAA%3D`);
    expect(ticket.customer).toStrictEqual({ name: '<b>Ravi</b> Kumar', email: 'ravi.kumar@example.com' });
  });

  it('reads the thread on screen for a message id from a link, which no list row names', async () => {
    showFixturePage('outlook', 'page-order.html');
    const ticket = await read('https://outlook.office365.com/owa/?ItemID=AAMkAGI2THVSAAA%3D&exvsurl=1&viewmodel=ReadMessageItem');
    expect(ticket).toMatchObject({ ticketId: 'AAMkAGI2THVSAAA=', subject: 'Order 7781 arrived damaged', url: 'https://outlook.office365.com/mail/deeplink/read/AAMkAGI2THVSAAA%3D' });
  });
});

describe('outlook.ticketFromUrl', () => {
  it.each([
    ['https://outlook.office.com/mail/inbox/id/AAQkAGI2%2FTHVSAAA%3D', 'AAQkAGI2/THVSAAA=', 'https://outlook.office.com/mail/deeplink/read/AAQkAGI2%2FTHVSAAA%3D'],
    ['https://outlook.live.com/mail/0/sentitems/id/AQMkADAwATM0MDAAMS0%2B', 'AQMkADAwATM0MDAAMS0+', 'https://outlook.live.com/mail/0/deeplink/read/AQMkADAwATM0MDAAMS0%2B'],
    ['https://outlook.office.com/mail/support@contoso.com/inbox/id/AAQkAGI2TGuLAAB%3D', 'AAQkAGI2TGuLAAB=', 'https://outlook.office.com/mail/support@contoso.com/deeplink/read/AAQkAGI2TGuLAAB%3D'],
  ])('decodes the id of %s and keeps its mailbox in the link', (url, ticketId, canonical) => {
    expect(outlook.ticketFromUrl(new URL(url))).toStrictEqual({ helpdesk: 'outlook', ticketId, url: canonical });
  });

  it('gives the same ticket for a thread whatever folder it was opened from', () => {
    const ids = ['inbox', 'archive', 'search', 'folder/Billing'].map((folder) => outlook.ticketFromUrl(new URL(`${ORIGIN}/mail/${folder}/id/AAQkAGI2TGuLAAA%3D`))?.url);
    expect(new Set(ids)).toStrictEqual(new Set([`${ORIGIN}/mail/deeplink/read/AAQkAGI2TGuLAAA%3D`]));
  });
});
