// Every URL shape a helpdesk's web app uses for an open ticket gives the same ticket as its
// canonical URL: legacy paths, tickets opened inside views and lists, CRM record pages, regional
// hosts and hash routes. The URL matrix checks that each shape is accepted and nothing else is;
// this table checks which ticket each shape names and where its link leads.
import { HELPDESKS } from '../../../lib/helpdesks/registry';
import zohoDesk from '../../../lib/helpdesks/zoho-desk';
import { TicketContextSchema } from '../../../lib/schemas/ticket';
import { fixtureFetch } from './fixture-fetch';

const byId = new Map(HELPDESKS.map((helpdesk) => [helpdesk.id, helpdesk]));

it.each<[helpdesk: string, url: string, ticketId: string, canonical: string]>([
  ['zendesk', 'https://acme.zendesk.com/tickets/124', '124', 'https://acme.zendesk.com/agent/tickets/124'],
  ['zendesk', 'https://acme.zendesk.com/agent/#/tickets/125/events', '125', 'https://acme.zendesk.com/agent/tickets/125'],
  ['freshdesk', 'https://acme.freshdesk.com/helpdesk/tickets/124', '124', 'https://acme.freshdesk.com/a/tickets/124'],
  ['zoho-desk', 'https://desk.zoho.uk/agent/acme-uk/support/tickets/details/9005', '9005', 'https://desk.zoho.uk/agent/acme-uk/support/tickets/details/9005'],
  ['zoho-desk', 'https://desk.zoho.com.cn/agent/acme-cn/support/tickets/details/10504000000165033', '10504000000165033', 'https://desk.zoho.com.cn/agent/acme-cn/support/tickets/details/10504000000165033'],
  ['zoho-desk', 'https://desk.zoho.in/support/simpliigence/ShowHomePage.do#Cases/dv/134512000007784002', '134512000007784002', 'https://desk.zoho.in/support/simpliigence/ShowHomePage.do#Cases/dv/134512000007784002'],
  ['gorgias', 'https://acme.gorgias.com/app/views/1384557/202493877', '202493877', 'https://acme.gorgias.com/app/ticket/202493877'],
  ['intercom', 'https://app.intercom.com/a/apps/lkqcyt9t/conversations/137324500000000', '137324500000000', 'https://app.intercom.com/a/inbox/lkqcyt9t/inbox/conversation/137324500000000'],
  ['intercom', 'https://app.eu.intercom.com/a/apps/eu9x8y7z/inbox/inbox/4821/conversations/137324500000001', '137324500000001', 'https://app.eu.intercom.com/a/inbox/eu9x8y7z/inbox/conversation/137324500000001'],
  ['front', 'https://app.frontapp.com/inboxes/teammates/8327613/inbox/open/0/conversations/1234567890', 'cnv_kf12oi', 'https://app.frontapp.com/open/cnv_kf12oi'],
  ['hubspot', 'https://app.hubspot.com/contacts/4411223/ticket/5103', '5103', 'https://app.hubspot.com/contacts/4411223/record/0-5/5103'],
  ['hubspot', 'https://app-ap1.hubspot.com/contacts/22617666/record/0-5/6601', '6601', 'https://app-ap1.hubspot.com/contacts/22617666/record/0-5/6601'],
  ['kustomer', 'https://acme.kustomerapp.com/app/conversations/65a1b2c3d4e5f60718293a04', '65a1b2c3d4e5f60718293a04', 'https://acme.kustomerapp.com/app/conversations/65a1b2c3d4e5f60718293a04'],
  ['salesforce', 'https://acme.lightning.force.com/one/one.app#/sObject/500Hs00001XyZ15AAF/view', '500Hs00001XyZ15AAF', 'https://acme.lightning.force.com/lightning/r/Case/500Hs00001XyZ15AAF/view'],
  ['salesforce', 'https://acme.lightning.force.com/lightning/r/500Hs00001XyZ14AAF/view', '500Hs00001XyZ14AAF', 'https://acme.lightning.force.com/lightning/r/Case/500Hs00001XyZ14AAF/view'],
  ['gmail', 'https://mail.google.com/mail/#inbox/FMfcgzQbfBhJkLNpRsTvWxZbCdFgHjKo', 'FMfcgzQbfBhJkLNpRsTvWxZbCdFgHjKo', 'https://mail.google.com/mail/u/0/#all/FMfcgzQbfBhJkLNpRsTvWxZbCdFgHjKo'],
  ['gmail', 'https://mail.google.com/mail/b/ALGkd0xabc123/u/0/#inbox/FMfcgzQbfBhJkLNpRsTvWxZbCdFgHjKr', 'FMfcgzQbfBhJkLNpRsTvWxZbCdFgHjKr', 'https://mail.google.com/mail/b/ALGkd0xabc123/u/0/#all/FMfcgzQbfBhJkLNpRsTvWxZbCdFgHjKr'],
])('%s: %s is ticket %s, linked as %s', (id, url, ticketId, canonical) => {
  expect(byId.get(id)?.ticketFromUrl(new URL(url))).toStrictEqual({ helpdesk: id, ticketId, url: canonical });
});

it('reads a Zoho Desk ticket opened by the older desk’s link through the API of the portal it names', async () => {
  const ref = zohoDesk.ticketFromUrl(new URL('https://desk.zoho.com/support/acme/ShowHomePage.do#Cases/dv/712000000300001'));
  if (!ref) throw new Error('not a ticket');
  const fixtures = fixtureFetch({ helpdesk: 'zoho-desk', origin: 'https://desk.zoho.com' });
  const ticket = await zohoDesk.readTicket(ref, { document, fetch: fixtures.fetch, signal: new AbortController().signal });
  expect(fixtures.requests[0]).toMatch(/^\/supportapi\/zd\/acme\/api\/v1\/tickets\/712000000300001\b/);
  expect(ticket).toMatchObject({ ticketId: '712000000300001', subject: 'Invoice shows the wrong VAT number', complete: true });
  expect(ticket.problem).toBeUndefined();
  expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
});
