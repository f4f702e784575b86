import { erasePerson, exportPersonData, findPerson, listAuditLog } from '@/lib/db';
import { put, recordChanges, writeTransaction } from '@/lib/db/changes';
import { emailFingerprint, redactObservedTicket } from '@/lib/privacy';
import { SYNC_RECORD_SCHEMAS, type Evaluation } from '@/lib/schemas';
import { REVIEWER } from '../feedback/review-factories';
import { NOW, otherTicket, reviewOfDana, seeded } from './person-factories';
import { queuedChanges } from './team-factories';

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
    // Everywhere but the erasure list, which keeps the fingerprint to hold the erasure (lib/privacy/erasure-list.ts).
    const everything = JSON.stringify(await Promise.all(db.tables.filter((t) => t.name !== 'erasures').map((t) => t.toArray())));
    expect(everything).not.toMatch(/Dana Whitfield|dana@example\.com/i);
    expect(everything).not.toContain(await emailFingerprint('dana@example.com'));
    const list = JSON.stringify(await db.erasures.toArray());
    expect(list).toContain(await emailFingerprint('dana@example.com'));
    expect(list).not.toMatch(/Whitfield|dana@example/i);
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
