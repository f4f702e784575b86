import { erasePerson, exportPersonData, findPerson, listAuditLog } from '@/lib/db';
import type { Evaluation, KpiRecord, TicketSnapshot } from '@/lib/schemas';
import { makeReview, REVIEWER } from '../feedback/review-factories';
import { ticket } from './factories';
import { joinedTeam, queuedChanges } from './team-factories';

const NOW = Date.parse('2026-12-01T12:00:00Z');

const danaTicket: TicketSnapshot = {
  ...ticket,
  key: 'zendesk:1001',
  capturedAt: 1,
  customer: { name: 'Dana Whitfield', email: 'dana@example.com' },
  agent: { name: 'Ana Agent' },
  messages: [
    { id: 'm1', author: 'Dana Whitfield', role: 'customer', text: 'Where is my refund?' },
    { id: 'm2', author: 'Ana Agent', role: 'agent', text: 'Hi Dana Whitfield, it is on its way.' },
  ],
};
const otherTicket: TicketSnapshot = { ...danaTicket, ticketId: '2002', key: 'zendesk:2002', customer: { name: 'Sam Lee' }, agent: { name: 'Ben Agent' }, messages: [{ id: 'm9', author: 'Sam Lee', role: 'customer', text: 'My neighbour Dana Whitfield had the same problem.' }] };

const reviewOfDana: Evaluation = {
  ...makeReview({ id: 'ev-dana' }),
  answers: { greeting: { optionId: 'yes', na: false, comment: 'Used Dana Whitfield’s name', evidence: [{ messageId: 'm2', quote: 'Hi Dana Whitfield', author: 'Ana Agent', role: 'agent' }], rootCauses: [] } },
};
const reviewOfBen: Evaluation = { ...makeReview({ id: 'ev-ben', agent: 'Ben Agent' }), ticket: { ...makeReview().ticket, key: 'zendesk:2002', ticketId: '2002', agent: { name: 'Ben Agent' } }, strengths: 'Calmer than Ana Agent was.' };

async function seeded() {
  const db = await joinedTeam('admin', REVIEWER.name, NOW);
  await db.tickets.bulkAdd([danaTicket, otherTicket]);
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
    const data = await exportPersonData(db, { kind: 'customer', value: 'DANA@example.com ' }, NOW, 'DSAR-17');
    expect(data.about.tickets.map((t) => t.key)).toEqual(['zendesk:1001']);
    expect(data.about.kpis.map((k) => k.id)).toEqual(['kpi-1']);
    expect(data.mentioning.tickets.map((t) => t.key)).toEqual([]);
    const [entry] = await listAuditLog(db);
    // In a team the actor is the member as the server knows them, not the local profile's name.
    expect(entry).toMatchObject({ action: 'subject.export', actor: { name: REVIEWER.name }, summary: 'Data held about a customer exported on request (request DSAR-17): 2 records.' });
    expect(JSON.stringify(entry)).not.toMatch(/dana/i);
  });
});

describe('Erase a person', () => {
  it('a customer: their snapshots and KPI answers go, reviews of their conversation stay without their name, other mentions become [erased]', async () => {
    const db = await seeded();
    expect(await findPerson(db, { kind: 'customer', value: 'Dana Whitfield' })).toMatchObject({ tickets: { about: 1, mentioning: 1 }, evaluations: { about: 0, mentioning: 1 }, kpis: { about: 1, mentioning: 0 } });
    const summary = await erasePerson(db, { kind: 'customer', value: 'Dana Whitfield' }, NOW);
    expect(summary).toMatchObject({ removed: 2, rewritten: 2 });

    expect(await db.tickets.get('zendesk:1001')).toBeUndefined();
    expect(await db.kpis.count()).toBe(0);
    expect((await db.tickets.get('zendesk:2002'))?.messages[0]?.text).toBe('My neighbour [erased] had the same problem.');
    const review = await db.evaluations.get('ev-dana');
    expect(review?.answers.greeting).toMatchObject({ comment: 'Used [erased]’s name', evidence: [{ quote: 'Hi [erased]' }] });
    expect(JSON.stringify(await Promise.all([db.tickets.toArray(), db.evaluations.toArray(), db.kpis.toArray()]))).not.toContain('Dana Whitfield');
    // The team server is told: tombstones for what went, new versions of what was rewritten.
    expect((await queuedChanges(db)).sort()).toEqual(['delete kpi kpi-1', 'delete ticket zendesk:1001', 'put evaluation ev-dana', 'put ticket zendesk:2002']);
    const [entry] = await listAuditLog(db, { action: 'erasure' });
    expect(entry?.summary).toBe('A customer erased on request: 2 records deleted, 2 rewritten without them.');
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
    expect([await db.tickets.count(), await db.evaluations.count()]).toEqual([2, 2]);
  });
});
