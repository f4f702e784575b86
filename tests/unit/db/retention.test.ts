import { listAuditLog, purgeExpired, savePrivacySettings } from '@/lib/db';
import { DAY_MS } from '@/lib/privacy/retention';
import { DEFAULT_PRIVACY_SETTINGS } from '@/lib/schemas';
import { makeReview, REVIEWER } from '../feedback/review-factories';
import { ticket } from './factories';
import { joinedTeam, queuedChanges } from './team-factories';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const daysAgo = (n: number) => NOW - n * DAY_MS;

async function seeded() {
  const db = await joinedTeam('admin', REVIEWER.name, NOW);
  await savePrivacySettings(db, { ...DEFAULT_PRIVACY_SETTINGS, retention: { ticketDays: 30, evaluationDays: 365 } }, NOW);
  await db.outbox.clear();
  await db.tickets.bulkAdd([
    { ...ticket, ticketId: 'old', key: 'zendesk:old', capturedAt: daysAgo(31) },
    { ...ticket, ticketId: 'new', key: 'zendesk:new', capturedAt: daysAgo(29) },
  ]);
  await db.evaluations.bulkAdd([
    makeReview({ id: 'ev-old-1', submittedAt: daysAgo(400) }),
    makeReview({ id: 'ev-old-2', submittedAt: daysAgo(366) }),
    makeReview({ id: 'ev-new', submittedAt: daysAgo(364) }),
  ]);
  await db.acknowledgements.add({ id: 'ack-old', evaluationId: 'ev-old-1', agent: { name: 'Ana', role: 'agent' }, comment: '', createdAt: daysAgo(399) });
  return db;
}

describe('the retention purge', () => {
  it('deletes what is past the retention period, keeps the rest, and tells the team server what this member may write', async () => {
    const db = await seeded();
    const result = await purgeExpired(db, NOW);
    expect(result).toMatchObject({ tickets: 1, evaluations: 2, acknowledgements: 1, disputes: 0, done: true });
    expect(await db.tickets.toCollection().primaryKeys()).toEqual(['zendesk:new']);
    expect(await db.evaluations.toCollection().primaryKeys()).toEqual(['ev-new']);
    expect(await db.acknowledgements.count()).toBe(0);
    // The acknowledgement is the agent's record: the agent's own browser sends its tombstone.
    expect((await queuedChanges(db)).sort()).toEqual(['delete evaluation ev-old-1', 'delete evaluation ev-old-2', 'delete ticket zendesk:old']);
    const [entry] = await listAuditLog(db, { action: 'retention.purge' });
    expect(entry).toMatchObject({ actor: { name: 'QA Lens', role: 'system' }, summary: expect.stringContaining('1 ticket snapshots, 2 evaluations, 1 acknowledgements') });
  });

  it('resumes after being stopped between batches, and logs the whole run once', async () => {
    const db = await seeded();
    // The worker is stopped after one batch of one record: what it deleted stays deleted.
    expect(await purgeExpired(db, NOW, { batch: 1, maxBatches: 1 })).toMatchObject({ tickets: 1, evaluations: 1, done: false });
    expect(await db.evaluations.count()).toBe(2);
    expect(await listAuditLog(db, { action: 'retention.purge' })).toEqual([]);
    // The next wake-up carries on from there.
    expect(await purgeExpired(db, NOW + 60_000, { batch: 1 })).toMatchObject({ tickets: 1, evaluations: 2, acknowledgements: 1, done: true });
    expect(await db.evaluations.toCollection().primaryKeys()).toEqual(['ev-new']);
    expect((await listAuditLog(db, { action: 'retention.purge' })).length).toBe(1);
  });

  it('deletes nothing, and logs nothing, while no retention period is set', async () => {
    const db = await seeded();
    await savePrivacySettings(db, DEFAULT_PRIVACY_SETTINGS, NOW);
    expect(await purgeExpired(db, NOW)).toMatchObject({ tickets: 0, evaluations: 0, done: true });
    expect([await db.tickets.count(), await db.evaluations.count()]).toEqual([2, 3]);
    expect(await listAuditLog(db, { action: 'retention.purge' })).toEqual([]);
  });
});
