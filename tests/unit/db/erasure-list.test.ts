import { erasePerson, readAllTables, restoreBackup } from '@/lib/db';
import { applyPulledPage } from '@/lib/db/apply-pulled';
import { backupEnvelope, readBackup } from '@/lib/imports/read-backup';
import { redactObservedTicket } from '@/lib/privacy';
import type { QaLensDatabase } from '@/lib/db';
import type { Backup, Change } from '@/lib/schemas';
import { danaTicket, NOW, otherTicket, reviewOfDana, seeded as seededTeam } from './person-factories';
import { queuedChanges } from './team-factories';

/** The seeded browser, less its sketch of a coaching plan (too bare to pass a backup's checks). */
async function seeded() {
  const db = await seededTeam();
  await db.coachingPlans.clear();
  return db;
}

/** A backup as the user downloads it and reads it back. */
async function backupOf(db: QaLensDatabase): Promise<Backup> {
  const result = readBackup(JSON.stringify(backupEnvelope(await readAllTables(db), NOW - 1, 'Rita')));
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.backup;
}

const everythingBut = async (db: QaLensDatabase, ...skip: string[]) => JSON.stringify(await Promise.all(db.tables.filter((t) => !skip.includes(t.name)).map((t) => t.toArray())));

/** The same value with every object's keys in reverse order. */
const reverseKeys = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(reverseKeys) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)])) : value;

let revision = 100;
const pulled = (kind: Change['kind'], key: string, record: unknown): Change => ({ revision: ++revision, kind, key, op: 'put', record });

describe('the erasure list: an erased person stays erased', () => {
  it('a backup from before the erasure brings back nothing of the person and everything else; the summary says how many rows were kept erased', async () => {
    const db = await seeded();
    const before = await backupOf(db);
    await erasePerson(db, { kind: 'customer', value: 'dana@example.com' }, NOW);
    const erased = await readAllTables(db);
    // Meanwhile someone deletes Sam's ticket (it mentioned Dana, so the erasure rewrote it): the
    // backup's copy of it still names her.
    await db.tickets.delete('zendesk:2002');
    await db.outbox.clear();

    const summary = await restoreBackup(db, before, NOW + 10);
    // Dana's two tickets, her KPI answer and the old copy of Sam's ticket are held back.
    expect(summary.tickets).toEqual({ added: 0, updated: 0, unchanged: 0, keptErased: 3 });
    expect(summary.kpis).toEqual({ added: 0, updated: 0, unchanged: 0, keptErased: 1 });
    // The rewritten review is newer than the backup's copy: it stays as the erasure left it.
    expect(summary.evaluations).toEqual({ added: 0, updated: 0, unchanged: 2, keptErased: 0 });
    expect(summary.acknowledgements).toMatchObject({ unchanged: 1, keptErased: 0 });
    expect(await everythingBut(db, 'erasures', 'auditLog')).not.toMatch(/Dana|Whitfield/);
    const after = await readAllTables(db);
    expect(after).toEqual({ ...erased, tickets: [] });
    // Nothing was held back that is not about her, and the restore shared nothing.
    expect(await queuedChanges(db)).toEqual([]);
  });

  it('everything else in the backup still comes back: a profile that lost the other records gets them, the person’s stay out', async () => {
    const db = await seeded();
    const before = await backupOf(db);
    await erasePerson(db, { kind: 'customer', value: 'Dana Whitfield' }, NOW);
    await db.evaluations.clear();
    await db.acknowledgements.clear();
    const summary = await restoreBackup(db, before, NOW + 10);
    // The review of Ben's ticket comes back whole; the old copy of the rewritten review of Dana's does not.
    expect(summary.evaluations).toEqual({ added: 1, updated: 0, unchanged: 0, keptErased: 1 });
    expect(summary.acknowledgements).toEqual({ added: 1, updated: 0, unchanged: 0, keptErased: 0 });
    expect(await db.evaluations.toCollection().primaryKeys()).toEqual(['ev-ben']);
  });

  it('a new copy of the customer, under a key this browser never held, is caught by their fingerprints: by email and by name', async () => {
    const db = await seeded();
    await erasePerson(db, { kind: 'customer', value: 'dana@example.com' }, NOW);
    // Another member's backup holds tickets of Dana's this browser never had: one from her address, one under her name only.
    const elsewhere = await seeded();
    const byEmail = await redactObservedTicket({ ...danaTicket, ticketId: '7001', customer: { name: 'D. W.', email: 'DANA@example.com' } });
    const byName = await redactObservedTicket({ ...danaTicket, ticketId: '7002', customer: { name: 'dana  whitfield' }, messages: [] });
    const lookAlike = await redactObservedTicket({ ...otherTicket, ticketId: '7003', customer: { name: 'Dana Whitfield-Jones' }, messages: [] });
    await elsewhere.tickets.bulkPut([byEmail, byName, lookAlike].map((t) => ({ ...t, key: `zendesk:${t.ticketId}`, capturedAt: 9 })));
    const summary = await restoreBackup(db, await backupOf(elsewhere), NOW + 10);
    expect(summary.tickets.keptErased).toBe(4);
    expect((await db.tickets.toCollection().primaryKeys()).sort()).toEqual(['zendesk:2002', 'zendesk:7003']);
  });

  it('an agent erased: a backup brings back none of their reviews, acknowledgements or KPIs, and the tickets they handled stay without them', async () => {
    const db = await seeded();
    const before = await backupOf(db);
    await erasePerson(db, { kind: 'agent', value: 'Ana Agent' }, NOW);
    await db.tickets.clear();
    const summary = await restoreBackup(db, before, NOW + 10);
    // Her review is kept out; Ben's, rewritten without her, is newer than the backup's copy.
    expect(summary.evaluations).toMatchObject({ added: 0, keptErased: 1, unchanged: 1 });
    expect(summary.acknowledgements).toMatchObject({ added: 0, keptErased: 1 });
    expect(summary.kpis).toMatchObject({ added: 0, keptErased: 1 });
    // The old copies of the tickets she handled name her: kept out; Sam's, which never named her, comes back.
    expect(summary.tickets).toMatchObject({ added: 1, keptErased: 2 });
    expect(await everythingBut(db, 'erasures', 'auditLog')).not.toMatch(/Ana Agent/);
  });

  it('a ticket whose only trace of the customer is an author that was their address is caught by that fingerprint', async () => {
    const db = await seeded();
    await erasePerson(db, { kind: 'customer', value: 'dana@example.com' }, NOW);
    await db.outbox.clear();
    const outlook = await redactObservedTicket({ ...danaTicket, ticketId: '9009', customer: null, messages: [{ id: 'o1', author: 'Dana@Example.com', role: 'customer', text: 'Any news?' }] });
    expect(outlook.messages[0]?.author).toBe('[email]');
    const applied = await applyPulledPage(db, [pulled('ticket', 'zendesk:9009', { ...outlook, key: 'zendesk:9009', capturedAt: NOW + 1 })], revision, NOW + 5);
    expect(applied).toMatchObject({ applied: 0, keptErased: 1 });
  });

  it('the erasure list is not backed up, and a restore neither shrinks nor rewrites it', async () => {
    const db = await seeded();
    await erasePerson(db, { kind: 'customer', value: 'dana@example.com' }, NOW);
    const list = await db.erasures.toArray();
    expect(list.length).toBeGreaterThan(0);
    const backup = await backupOf(db);
    expect(Object.keys(backup.tables)).not.toContain('erasures');
    await restoreBackup(db, backup, NOW + 10);
    expect(await db.erasures.toArray()).toEqual(list);
  });

  describe('changes pulled late from the team server', () => {
    it('a put of an erased ticket is refused and its delete sent again; a put of another record goes through', async () => {
      const db = await seeded();
      const lateCopy = (await db.tickets.get('zendesk:1001'))!;
      await erasePerson(db, { kind: 'customer', value: 'dana@example.com' }, NOW);
      await db.outbox.clear();
      const fresh = { ...(await redactObservedTicket({ ...otherTicket, ticketId: '3003', customer: { name: 'Kim Park' }, messages: [] })), key: 'zendesk:3003', capturedAt: NOW };
      const applied = await applyPulledPage(db, [pulled('ticket', 'zendesk:1001', lateCopy), pulled('ticket', 'zendesk:3003', fresh)], revision, NOW + 5);
      expect(applied).toMatchObject({ applied: 1, keptErased: 1 });
      expect(await db.tickets.get('zendesk:1001')).toBeUndefined();
      expect(await db.tickets.get('zendesk:3003')).toBeDefined();
      // The server's copy goes back to a tombstone, so other members' browsers drop it again.
      expect(await queuedChanges(db)).toEqual(['delete ticket zendesk:1001']);
    });

    it('an older copy of a rewritten review is refused and the rewritten one sent again; the rewritten one coming back is taken as itself', async () => {
      const db = await seeded();
      // Two answers: the team server's jsonb gives a record's keys back in its own order.
      const twoAnswers = { ...reviewOfDana, answers: { ...reviewOfDana.answers, tone: { optionId: '4', na: false, comment: 'Warm with Dana Whitfield', evidence: [], rootCauses: [] } } };
      await db.evaluations.put(twoAnswers);
      await erasePerson(db, { kind: 'customer', value: 'dana@example.com' }, NOW);
      const rewritten = (await db.evaluations.get('ev-dana'))!;
      await db.outbox.clear();
      expect(await applyPulledPage(db, [pulled('evaluation', 'ev-dana', twoAnswers)], revision, NOW + 5)).toMatchObject({ applied: 0, keptErased: 1 });
      expect(await db.evaluations.get('ev-dana')).toEqual(rewritten);
      expect(await queuedChanges(db)).toEqual(['put evaluation ev-dana']);
      await db.outbox.clear();
      // The server hands the rewritten review back, keys in its own order: applied, nothing sent again.
      const reordered = reverseKeys(rewritten);
      expect(await applyPulledPage(db, [pulled('evaluation', 'ev-dana', reordered)], revision, NOW + 6)).toMatchObject({ applied: 1, keptErased: 0 });
      expect(await db.outbox.count()).toBe(0);
      // A later edit of the review (newer than the rewrite) is the team's to make: it goes through.
      const edited = { ...rewritten, improvements: 'Check the order first.', updatedAt: NOW + 60_000 };
      expect(await applyPulledPage(db, [pulled('evaluation', 'ev-dana', edited)], revision, NOW + 7)).toMatchObject({ applied: 1, keptErased: 0 });
      expect((await db.evaluations.get('ev-dana'))?.improvements).toBe('Check the order first.');
    });

    it('a ticket of the customer this browser never held, pulled after the erasure, is caught by the email fingerprint', async () => {
      const db = await seeded();
      await erasePerson(db, { kind: 'customer', value: 'dana@example.com' }, NOW);
      await db.outbox.clear();
      const unseen = { ...(await redactObservedTicket({ ...danaTicket, ticketId: '8008', customer: { name: 'DW', email: 'dana@example.com' } })), key: 'zendesk:8008', capturedAt: NOW + 1 };
      expect(await applyPulledPage(db, [pulled('ticket', 'zendesk:8008', unseen)], revision, NOW + 5)).toMatchObject({ applied: 0, keptErased: 1 });
      expect(await db.tickets.get('zendesk:8008')).toBeUndefined();
      expect(await queuedChanges(db)).toEqual(['delete ticket zendesk:8008']);
    });
  });
});
