import { describe, expect, it } from 'vitest';
import { readAllTables, restoreBackup } from '../../../lib/db';
import { backupEnvelope, readBackup } from '../../../lib/imports/read-backup';
import type { Backup, KpiRecord } from '../../../lib/schemas';
import { makeEvaluation, makeScorecard } from '../dashboard/factories';
import { freshDatabase, ticket } from './factories';

async function seeded() {
  const db = freshDatabase();
  await db.scorecards.add(makeScorecard());
  await db.evaluations.bulkAdd([makeEvaluation({ id: 'ev-1', ticketId: '1' }), makeEvaluation({ id: 'ev-2', ticketId: '2' })]);
  await db.tickets.add({ ...ticket, key: 'zendesk:1001', capturedAt: 5 });
  await db.settings.put({ key: 'profile', value: { name: 'Rita', role: 'supervisor' } });
  const kpi: KpiRecord = { id: 'k-1', scope: 'agent-period', agent: 'Ana', periodStart: 0, periodEnd: 10, kpis: { csatPercent: 90, fcrPercent: null, nps: null, ahtSeconds: null }, source: 'import', createdAt: 1, updatedAt: 1 };
  await db.kpis.add(kpi);
  return db;
}

/** A backup as the user downloads it and reads it back. */
async function backupOf(db: Awaited<ReturnType<typeof seeded>>): Promise<Backup> {
  const result = readBackup(JSON.stringify(backupEnvelope(await readAllTables(db), 1000, 'Rita')));
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.backup;
}

describe('backup and restore', () => {
  it('restores everything into a fresh profile', async () => {
    const source = await seeded();
    const target = freshDatabase();
    const summary = await restoreBackup(target, await backupOf(source));
    expect(summary.evaluations).toEqual({ added: 2, updated: 0, unchanged: 0, keptErased: 0 });
    expect(summary.scorecards.added).toBe(1);
    expect(await readAllTables(target)).toEqual(await readAllTables(source));
  });

  it('restoring the same backup twice duplicates nothing', async () => {
    const source = await seeded();
    const backup = await backupOf(source);
    const target = freshDatabase();
    await restoreBackup(target, backup);
    const again = await restoreBackup(target, backup);
    expect(again.evaluations).toEqual({ added: 0, updated: 0, unchanged: 2, keptErased: 0 });
    expect(await target.evaluations.count()).toBe(2);
  });

  it('merges: keeps local records the backup lacks, replaces only older copies', async () => {
    const source = await seeded();
    const backup = await backupOf(source);
    const target = freshDatabase();
    const newer = { ...makeEvaluation({ id: 'ev-1', ticketId: '1', strengths: 'edited later' }), updatedAt: Date.UTC(2026, 0, 1) };
    const older = { ...makeEvaluation({ id: 'ev-2', ticketId: '2', strengths: 'stale' }), updatedAt: 1 };
    await target.evaluations.bulkAdd([newer, older, makeEvaluation({ id: 'ev-3', ticketId: '3' })]);
    const summary = await restoreBackup(target, backup);
    expect(summary.evaluations).toEqual({ added: 0, updated: 1, unchanged: 1, keptErased: 0 });
    expect((await target.evaluations.get('ev-1'))?.strengths).toBe('edited later');
    expect((await target.evaluations.get('ev-2'))?.strengths).toBe('');
    expect(await target.evaluations.count()).toBe(3);
  });

  it('writes nothing when any row fails to store', async () => {
    const backup = await backupOf(await seeded());
    const target = freshDatabase();
    // A row the database refuses (no primary key) after valid ones: the whole restore rolls back.
    backup.tables.kpis.push({ ...backup.tables.kpis[0]!, id: undefined as unknown as string });
    await expect(restoreBackup(target, backup)).rejects.toThrow();
    expect(await target.evaluations.count()).toBe(0);
  });
});
