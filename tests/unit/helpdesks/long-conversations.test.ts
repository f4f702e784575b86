// Every helpdesk with a long-conversation fixture (`tests/fixtures/helpdesks/<id>/bench.json`, the
// one `npm run bench` times) reads all of it: the right number of messages, the URL's ticket, every
// role the conversation holds, and a ticket the background accepts. The fixtures come from
// scripts/make-long-fixtures.mjs (Zendesk's from make-long-zendesk-fixture.mjs); their message-by-
// message expectations are left to the per-helpdesk tests on the short fixtures.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageRole } from '../../../lib/schemas/ticket';
import { TicketContextSchema } from '../../../lib/schemas/ticket';
import { HELPDESKS } from '../../../lib/helpdesks/registry';
import { fixtureFetch, FIXTURES } from './fixture-fetch';

interface BenchFixture {
  origin: string;
  url: string;
  page?: string;
}

interface Expectation {
  messages: number;
  roles: MessageRole[];
  /** The `problem` the adapter must give (its documented cap); none when undefined. */
  problem?: RegExp;
}

const DEFAULT: Expectation = { messages: 500, roles: ['customer', 'agent', 'internal'] };
/** Where a helpdesk's long conversation differs from 500 messages with notes, and why. */
const EXPECTATIONS: Record<string, Partial<Expectation>> = {
  // make-long-zendesk-fixture.mjs: ticket 1004 has 320 comments.
  zendesk: { messages: 320 },
  // Mail has no internal notes.
  gmail: { roles: ['customer', 'agent'] },
  outlook: { roles: ['customer', 'agent'] },
  // The adapter fetches the full text of the first 100 threads only; the other 394 keep their summary.
  'zoho-desk': { problem: /^394 later threads show their summary only\.$/ },
};

const cases = HELPDESKS.filter((helpdesk) => existsSync(join(FIXTURES, helpdesk.id, 'bench.json'))).map((helpdesk) => ({
  id: helpdesk.id,
  helpdesk,
  fixture: JSON.parse(readFileSync(join(FIXTURES, helpdesk.id, 'bench.json'), 'utf8')) as BenchFixture,
  expected: { ...DEFAULT, ...EXPECTATIONS[helpdesk.id] },
}));

afterEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
});

it('has a long-conversation fixture for every helpdesk', () => {
  expect(cases.map((c) => c.id)).toEqual(HELPDESKS.map((helpdesk) => helpdesk.id));
});

describe.each(cases)('$id reads its long conversation', ({ id, helpdesk, fixture, expected }) => {
  it(`reads ${expected.messages} messages of the URL's ticket, with roles ${expected.roles.join(', ')}`, async () => {
    document.documentElement.innerHTML = fixture.page ? readFileSync(join(FIXTURES, id, fixture.page), 'utf8') : '<head></head><body></body>';
    const ref = helpdesk.ticketFromUrl(new URL(fixture.url));
    if (!ref) throw new Error(`${id}: bench.json url is not a ticket URL`);
    const { fetch } = fixtureFetch({ helpdesk: id, origin: fixture.origin });

    const ticket = await helpdesk.readTicket(ref, { document, fetch, signal: new AbortController().signal });

    expect(ticket.helpdesk).toBe(id);
    expect(ticket.ticketId).toBe(ref.ticketId);
    expect(fixture.url).toContain(ticket.ticketId);
    expect(ticket.url).toBe(ref.url);
    expect(ticket.complete).toBe(true);
    expect(ticket.messages).toHaveLength(expected.messages);
    if (expected.problem) expect(ticket.problem).toMatch(expected.problem);
    else expect(ticket.problem).toBeUndefined();
    expect([...new Set(ticket.messages.map((m) => m.role))].sort()).toEqual([...expected.roles].sort());
    expect(ticket.messages[0]?.role).toBe('customer');
    expect(new Set(ticket.messages.map((m) => m.id)).size).toBe(ticket.messages.length);
    expect(ticket.messages.filter((m) => !m.text)).toEqual([]);
    expect(TicketContextSchema.parse(ticket)).toStrictEqual(ticket);
  });
});
