import { genericHelpdesk } from '@/lib/sites/generic-helpdesk';
import { TicketContextSchema } from '@/lib/schemas';

const site = { origin: 'https://crm.example.com', helpdesk: '', ticketPattern: 'https://crm.example.com/cases/{id}', transcriptSelector: '.msg' };
const read = (helpdesk = genericHelpdesk(site)) => {
  const ref = helpdesk.ticketFromUrl(new URL('https://crm.example.com/cases/77'))!;
  return helpdesk.readTicket(ref, { document, fetch: () => Promise.reject(new Error('no fetch')), signal: new AbortController().signal });
};

describe('QA Lens on a site it does not know', () => {
  beforeEach(() => {
    document.title = 'Case 77 – In-house CRM';
    document.body.innerHTML = '<div class="msg">Hi, my parcel never arrived.</div><div class="msg"> </div><div class="msg">&lt;script&gt;alert(1)&lt;/script&gt; ok</div>';
  });

  it('reads the ticket id from the URL and the messages from the selector, as plain text', async () => {
    const ticket = TicketContextSchema.parse(await read());
    expect(ticket).toMatchObject({ helpdesk: 'site', ticketId: 'crm.example.com/77', subject: 'Case 77 – In-house CRM', channel: 'other', agent: null });
    expect(ticket.messages.map((m) => m.text)).toEqual(['Hi, my parcel never arrived.', '<script>alert(1)</script> ok']);
    expect(ticket.problem).toMatch(/fill in the agent and the channel/);
  });

  it('reads no messages without a selector, and says what to fill in', async () => {
    const ticket = await read(genericHelpdesk({ ...site, transcriptSelector: '' }));
    expect(ticket.messages).toEqual([]);
    expect(ticket.problem).toBe('QA Lens does not know this site: fill in the agent and the channel.');
  });

  it('keeps different sites’ tickets apart', () => {
    const other = genericHelpdesk({ ...site, origin: 'https://desk.other.example', ticketPattern: 'https://desk.other.example/cases/{id}' });
    expect(other.ticketFromUrl(new URL('https://crm.example.com/cases/77'))).toBeNull();
    expect(other.ticketFromUrl(new URL('https://desk.other.example/cases/77'))?.ticketId).toBe('desk.other.example/77');
  });
});
