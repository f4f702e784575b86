import type { Channel } from '../../../lib/schemas/common';
import { TicketContextSchema, type TicketContext } from '../../../lib/schemas/ticket';
import servicenow, { pageToken, servicenowChannel } from '../../../lib/helpdesks/servicenow';
import { fixtureFetch, readFixture, showFixturePage, type FixtureFetchOptions } from './fixture-fetch';

const ORIGIN = 'https://acme.service-now.com';
const CASE = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const INCIDENT = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const TOKEN = '4f2a9c1e7b3d5a6f8e0c2b4d6a8f1e3c5b7d9a0c2e4f6a8b';
const URLS = {
  case: `${ORIGIN}/now/cwf/agent/record/sn_customerservice_case/${CASE}`,
  incident: `${ORIGIN}/now/sow/record/incident/${INCIDENT}/params/selected-tab-index/1`,
};

async function read(url: string, options: FixtureFetchOptions = {}) {
  const ref = servicenow.ticketFromUrl(new URL(url));
  if (!ref) throw new Error(`servicenow does not recognise ${url}`);
  const fixtures = fixtureFetch({ helpdesk: 'servicenow', origin: ORIGIN, ...options });
  const ticket = await servicenow.readTicket(ref, { document, fetch: fixtures.fetch, signal: options.signal ?? new AbortController().signal });
  return { ticket, sent: fixtures.sent };
}

const expected = (name: string) => readFixture<TicketContext>('servicenow', `expected/${name}.json`);

beforeEach(() => showFixturePage('servicenow', 'page-workspace.html'));
afterEach(() => {
  document.body.innerHTML = '';
});

describe('servicenow.readTicket, through the Table API', () => {
  it.each([
    ['case', URLS.case, `case-${CASE}`],
    ['incident', URLS.incident, `incident-${INCIDENT}`],
  ])('reads the %s as expected', async (_, url, name) => {
    const { ticket } = await read(url);
    expect(ticket).toStrictEqual(expected(name));
    expect(TicketContextSchema.parse(ticket)).toStrictEqual(ticket);
  });

  it('sends the page’s token as X-UserToken with every request, to paths on the instance only', async () => {
    const { sent } = await read(URLS.case);
    expect(sent.map((s) => s.path.split('?')[0])).toEqual([`/api/now/table/sn_customerservice_case/${CASE}`, '/api/now/table/sys_journal_field', '/api/now/table/sys_user']);
    expect(sent.every((s) => s.headers['x-usertoken'] === TOKEN)).toBe(true);
  });

  it('calls work notes internal, the contact’s comments the customer’s, and the system user’s a bot’s', async () => {
    const { ticket } = await read(URLS.case);
    expect(ticket.messages.map((m) => [m.author, m.role])).toEqual([
      ['Hanna Keller', 'customer'],
      ['system', 'bot'],
      ['Jonas Weber', 'internal'],
      ['Jonas Weber', 'agent'],
      ['Hanna Keller', 'customer'],
    ]);
  });

  it('pages the journal by 100 and reads every entry of a long case', async () => {
    const { ticket, sent } = await read(`${ORIGIN}/sn_customerservice_case.do?sys_id=a1b2c3d4e5f60718293a4b5c6d7e8f99`);
    expect(ticket.messages).toHaveLength(500);
    expect(sent.filter((s) => s.path.includes('sys_journal_field')).map((s) => new URLSearchParams(s.path.split('?')[1]).get('sysparm_offset'))).toEqual(['0', '100', '200', '300', '400']);
    expect(ticket.problem).toBeUndefined();
  });

  it('reads the page token of a classic form (var g_ck) and of a workspace (window.g_ck)', () => {
    expect(pageToken(document)).toBe(TOKEN);
    showFixturePage('servicenow', 'page-classic.html');
    expect(pageToken(document)).toBe(TOKEN);
    document.body.innerHTML = '<p>No token here</p>';
    expect(pageToken(document)).toBeNull();
  });
});

describe('servicenow.readTicket, when the Table API fails', () => {
  it('says why, and reads nothing more from a workspace, whose record is out of reach in shadow roots', async () => {
    document.body.innerHTML = '<main><now-record-form-connected></now-record-form-connected></main>';
    const { ticket } = await read(URLS.incident);
    expect(ticket).toMatchObject({ ticketId: INCIDENT, messages: [], complete: false, subject: '' });
    expect(ticket.problem).toMatch(/Table API failed \(ServiceNow answered 401 for \/api\/now\/table\/incident\/0f1e2d3c4b5a69788796a5b4c3d2e1f0\)/);
    expect(TicketContextSchema.safeParse(ticket).success).toBe(true);
  });

  it('reads the classic form’s fields, and says the comments and work notes were not read', async () => {
    showFixturePage('servicenow', 'page-classic.html');
    const { ticket } = await read(`${ORIGIN}/incident.do?sys_id=${INCIDENT}`, { failing: [INCIDENT] });
    expect(ticket).toMatchObject({
      channel: 'chat',
      subject: 'Cannot sign in to the portal',
      status: 'Resolved',
      customer: { name: 'Lee Park' },
      agent: { name: 'Sam Okafor' },
      messages: [{ author: 'Lee Park', role: 'customer', text: 'The portal says my password expired.' }],
      complete: false,
    });
    expect(ticket.problem).toMatch(/answered 503.*Comments and work notes were not read\./);
  });

  it('rejects, without falling back, once the user has left', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(read(URLS.case, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('servicenow.ticketFromUrl', () => {
  it.each([
    [URLS.case, 'sn_customerservice_case', CASE],
    [`${ORIGIN}/now/workspace/agent/record/sn_customerservice_case/${CASE.toUpperCase()}`, 'sn_customerservice_case', CASE],
    [URLS.incident, 'incident', INCIDENT],
    [`${ORIGIN}/nav_to.do?uri=%2Fincident.do%3Fsys_id%3D${INCIDENT}`, 'incident', INCIDENT],
    [`${ORIGIN}/now/nav/ui/classic/params/target/sn_customerservice_case.do%3Fsys_id%3D${CASE}%26sysparm_view%3Dcase`, 'sn_customerservice_case', CASE],
  ])('opens %s as the classic form of its %s', (url, table, sysId) => {
    expect(servicenow.ticketFromUrl(new URL(url))).toStrictEqual({ helpdesk: 'servicenow', ticketId: sysId, url: `${ORIGIN}/${table}.do?sys_id=${sysId}` });
  });
});

describe('servicenowChannel', () => {
  it.each<[string | null, Channel]>([
    ['email', 'email'],
    ['web', 'email'],
    ['self-service', 'email'],
    ['chat', 'chat'],
    ['virtual_agent', 'chat'],
    ['phone', 'voice'],
    ['social', 'social'],
    ['walk-in', 'other'],
    ['valueOf', 'other'],
    [null, 'other'],
  ])('contact type %j is %s', (type, channel) => {
    expect(servicenowChannel(type)).toBe(channel);
  });
});
