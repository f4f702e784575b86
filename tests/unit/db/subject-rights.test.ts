import { erasePerson, exportPersonData, findPerson, listAuditLog, saveTicketSnapshot } from '@/lib/db';
import { put, recordChanges, writeTransaction } from '@/lib/db/changes';
import { emailFingerprint, redactObservedTicket } from '@/lib/privacy';
import { SYNC_RECORD_SCHEMAS, type Evaluation, type KpiRecord, type TicketContext } from '@/lib/schemas';
import { makeReview, REVIEWER } from '../feedback/review-factories';
import { ticket } from './factories';
import { joinedTeam, queuedChanges } from './team-factories';

const NOW = Date.parse('2026-12-01T12:00:00Z');

// Tickets as the helpdesk page shows them; seeded() keeps them the way the product does, through
// the worker's redaction, so the customer's email is never stored as it is here.
const danaTicket: TicketContext = {
  ...ticket,
  customer: { name: 'Dana Whitfield', email: 'dana@example.com' },
  agent: { name: 'Ana Agent' },
  messages: [
    { id: 'm1', author: 'Dana Whitfield', role: 'customer', text: 'Where is my refund?' },
    { id: 'm2', author: 'Ana Agent', role: 'agent', text: 'Hi Dana Whitfield, it is on its way.' },
  ],
};
const danaAgain: TicketContext = {
  ...danaTicket,
  ticketId: '1003',
  url: 'https://acme.zendesk.com/agent/tickets/1003',
  customer: { name: 'Dana Whitfield', email: ' Dana@Example.com' },
  messages: [{ id: 'm5', author: 'Dana Whitfield', role: 'customer', text: 'Still nothing. Write to dana@example.com please.' }],
};
const otherTicket: TicketContext = { ...danaTicket, ticketId: '2002', customer: { name: 'Sam Lee' }, agent: { name: 'Ben Agent' }, messages: [{ id: 'm9', author: 'Sam Lee', role: 'customer', text: 'My neighbour Dana Whitfield had the same problem.' }] };

const reviewOfDana: Evaluation = {
  ...makeReview({ id: 'ev-dana' }),
  answers: { greeting: { optionId: 'yes', na: false, comment: 'Used Dana Whitfield’s name', evidence: [{ messageId: 'm2', quote: 'Hi Dana Whitfield', author: 'Ana Agent', role: 'agent' }], rootCauses: [] } },
};
const reviewOfBen: Evaluation = { ...makeReview({ id: 'ev-ben', agent: 'Ben Agent' }), ticket: { ...makeReview().ticket, key: 'zendesk:2002', ticketId: '2002', agent: { name: 'Ben Agent' } }, strengths: 'Calmer than Ana Agent was.' };

async function seeded() {
  const db = await joinedTeam('admin', REVIEWER.name, NOW);
  for (const read of [danaTicket, danaAgain, otherTicket]) await saveTicketSnapshot(db, await redactObservedTicket(read), 1);
  await db.evaluations.bulkAdd([reviewOfDana, reviewOfBen]);
  await db.acknowledgements.add({ id: 'ack-1', evaluationId: 'ev-dana', agent: { name: 'Ana Agent', role: 'agent' }, comment: 'Thanks', createdAt: 2 });
  await db.coachingPlans.add({ id: 'plan-ana', agent: { name: 'Ana Agent' }, followUpAt: 5 } as never);
  const kpi: KpiRecord = { id: 'kpi-1', scope: 'ticket', ticketKey: 'zendesk:1001', agent: 'Ana Agent', at: null, kpis: { csat: 2, nps: null, firstContactResolved: null, firstResponseSeconds: null, resolutionSeconds: null, reopens: null }, source: 'panel', createdAt: 1, updatedAt: 1 };
  await db.kpis.add(kpi);
  await db.outbox.clear();
  return db;
}

describe('Export a person’s data', () => {
  it('holds everything about a customer, and what mentions them, in one JSON document; the export is logged without the person', async () => {
    const db = await seeded();
    // Stored the way the product stores tickets, the email is gone: only its fingerprint is left to find the customer by.
    expect(JSON.stringify(await db.tickets.toArray())).not.toMatch(/dana@example\.com/i);
    const data = await exportPersonData(db, { kind: 'customer', value: 'DANA@example.com ' }, NOW, 'DSAR-17');
    expect(data.about.tickets.map((t) => t.key)).toEqual(['zendesk:1001', 'zendesk:1003']);
    const fingerprint = await emailFingerprint('dana@example.com');
    expect(data.about.tickets.map((t) => t.customer?.emailSha256)).toEqual([fingerprint, fingerprint]);
    expect(data.about.kpis.map((k) => k.id)).toEqual(['kpi-1']);
    // Found by email, the customer is also found by the name their tickets give them.
    expect(data.mentioning.tickets.map((t) => t.key)).toEqual(['zendesk:2002']);
    expect(data.mentioning.evaluations.map((e) => e.id)).toEqual(['ev-dana']);
    const [entry] = await listAuditLog(db);
    // In a team the actor is the member as the server knows them, not the local profile's name.
    expect(entry).toMatchObject({ action: 'subject.export', actor: { name: REVIEWER.name }, summary: 'Data held about a customer exported on request (request DSAR-17): 5 records.' });
    expect(JSON.stringify(entry)).not.toMatch(/dana/i);
  });
});

describe('Erase a person', () => {
  it('a customer by email: their tickets go with the fingerprint, and their name goes from every quote, comment and transcript', async () => {
    const db = await seeded();
    expect(await findPerson(db, { kind: 'customer', value: 'dana@example.com' })).toMatchObject({
      tickets: { about: 2, mentioning: 1 },
      evaluations: { about: 0, mentioning: 1 },
      kpis: { about: 1, mentioning: 0 },
    });
    const untouched = await db.evaluations.get('ev-ben');
    const summary = await erasePerson(db, { kind: 'customer', value: ' Dana@Example.COM' }, NOW, 'DSAR-18');
    expect(summary).toMatchObject({ removed: 3, rewritten: 2 });

    expect(await db.tickets.toCollection().primaryKeys()).toEqual(['zendesk:2002']);
    expect((await db.tickets.get('zendesk:2002'))?.messages[0]?.text).toBe('My neighbour [erased] had the same problem.');
    expect((await db.evaluations.get('ev-dana'))?.answers.greeting).toMatchObject({ comment: 'Used [erased]’s name', evidence: [{ quote: 'Hi [erased]' }] });
    expect(await db.evaluations.get('ev-ben')).toEqual(untouched);
    const everything = JSON.stringify(await Promise.all(db.tables.map((t) => t.toArray())));
    expect(everything).not.toMatch(/Dana Whitfield|dana@example\.com/i);
    expect(everything).not.toContain(await emailFingerprint('dana@example.com'));
    expect(await findPerson(db, { kind: 'customer', value: 'dana@example.com' })).toMatchObject({ tickets: { about: 0, mentioning: 0 }, evaluations: { about: 0, mentioning: 0 } });
    expect((await queuedChanges(db)).sort()).toEqual(['delete kpi kpi-1', 'delete ticket zendesk:1001', 'delete ticket zendesk:1003', 'put evaluation ev-dana', 'put ticket zendesk:2002']);
  });

  it('changes still waiting to be pushed lose the customer too: a pending put of an erased ticket becomes its delete', async () => {
    const db = await seeded();
    const pending = (await db.tickets.get('zendesk:1001'))!;
    const mentioning = (await db.tickets.get('zendesk:2002'))!;
    await writeTransaction(db, [db.tickets], async () => {
      await db.tickets.bulkPut([pending, mentioning]);
      await recordChanges(db, [put('ticket', pending), put('ticket', mentioning)], 'own', NOW - 1);
    });
    expect(await queuedChanges(db)).toEqual(['put ticket zendesk:1001', 'put ticket zendesk:2002']);
    await erasePerson(db, { kind: 'customer', value: 'dana@example.com' }, NOW);
    const outbox = await db.outbox.toArray();
    expect(outbox.slice(0, 2).map((e) => `${e.op} ${e.key}`)).toEqual(['delete zendesk:1001', 'put zendesk:2002']);
    expect(JSON.stringify(outbox)).not.toMatch(/Dana Whitfield/);
    expect(JSON.stringify(outbox)).not.toContain(await emailFingerprint('dana@example.com'));
  });

  it('a customer by email quoted in a review of their conversation: their words and name go from the evidence, the review stays', async () => {
    const db = await seeded();
    const quoted: Evaluation = {
      ...reviewOfDana,
      answers: { greeting: { optionId: 'yes', na: false, comment: '', evidence: [{ messageId: 'm1', quote: 'Where is my refund?', author: 'Dana Whitfield', role: 'customer' }], rootCauses: [] } },
    };
    await db.evaluations.put(quoted);
    await erasePerson(db, { kind: 'customer', value: 'dana@example.com' }, NOW);
    expect((await db.evaluations.get('ev-dana'))?.answers.greeting?.evidence).toEqual([{ messageId: 'm1', quote: '[erased]', author: '[erased]', role: 'customer' }]);
  });

  it('the fingerprint travels with the ticket: the team server’s schema keeps it, so another member can find the customer too', async () => {
    const db = await seeded();
    const stored = await db.tickets.get('zendesk:1001');
    expect(SYNC_RECORD_SCHEMAS.ticket.parse(JSON.parse(JSON.stringify(stored))).customer?.emailSha256).toBe(await emailFingerprint('dana@example.com'));
  });

  it('a fingerprint the helpdesk page sends along is not trusted: only one worked out from the email is kept', async () => {
    const forged = await redactObservedTicket({ ...otherTicket, customer: { name: 'Sam Lee', emailSha256: 'f'.repeat(64) } });
    expect(forged.customer).toEqual({ name: 'Sam Lee' });
  });

  it('a customer: their snapshots and KPI answers go, reviews of their conversation stay without their name, other mentions become [erased]', async () => {
    const db = await seeded();
    expect(await findPerson(db, { kind: 'customer', value: 'Dana Whitfield' })).toMatchObject({ tickets: { about: 2, mentioning: 1 }, evaluations: { about: 0, mentioning: 1 }, kpis: { about: 1, mentioning: 0 } });
    const summary = await erasePerson(db, { kind: 'customer', value: 'Dana Whitfield' }, NOW);
    expect(summary).toMatchObject({ removed: 3, rewritten: 2 });

    expect(await db.tickets.get('zendesk:1001')).toBeUndefined();
    expect(await db.kpis.count()).toBe(0);
    expect((await db.tickets.get('zendesk:2002'))?.messages[0]?.text).toBe('My neighbour [erased] had the same problem.');
    const review = await db.evaluations.get('ev-dana');
    expect(review?.answers.greeting).toMatchObject({ comment: 'Used [erased]’s name', evidence: [{ quote: 'Hi [erased]' }] });
    expect(JSON.stringify(await Promise.all([db.tickets.toArray(), db.evaluations.toArray(), db.kpis.toArray()]))).not.toContain('Dana Whitfield');
    // The team server is told: tombstones for what went, new versions of what was rewritten.
    expect((await queuedChanges(db)).sort()).toEqual(['delete kpi kpi-1', 'delete ticket zendesk:1001', 'delete ticket zendesk:1003', 'put evaluation ev-dana', 'put ticket zendesk:2002']);
    const [entry] = await listAuditLog(db, { action: 'erasure' });
    expect(entry?.summary).toBe('A customer erased on request: 3 records deleted, 2 rewritten without them.');
  });

  it('an agent: their reviews, acknowledgements, coaching plans and KPIs go; tickets they handled stay without them', async () => {
    const db = await seeded();
    await erasePerson(db, { kind: 'agent', value: 'ana agent' }, NOW);
    expect(await db.evaluations.toCollection().primaryKeys()).toEqual(['ev-ben']);
    expect([await db.acknowledgements.count(), await db.coachingPlans.count(), await db.kpis.count()]).toEqual([0, 0, 0]);
    const handled = await db.tickets.get('zendesk:1001');
    expect(handled?.agent).toBeNull();
    expect(handled?.messages[1]).toMatchObject({ author: '[erased]', role: 'agent' });
    expect((await db.evaluations.get('ev-ben'))?.strengths).toBe('Calmer than [erased] was.');
    expect(JSON.stringify(await Promise.all([db.tickets.toArray(), db.evaluations.toArray()]))).not.toMatch(/Ana Agent/i);
  });

  it('a person QA Lens holds nothing about: nothing changes', async () => {
    const db = await seeded();
    expect(await erasePerson(db, { kind: 'customer', value: 'nobody@example.com' }, NOW)).toMatchObject({ removed: 0, rewritten: 0 });
    expect([await db.tickets.count(), await db.evaluations.count()]).toEqual([3, 2]);
  });
});
