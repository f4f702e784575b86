import { describe, expect, it } from 'vitest';
import { readAllTables, restoreStaged, stageBackup, writeBackup, type BackupProgress } from '../../../lib/db';
import { buildReportRows, readReportRows } from '../../../lib/db/report-rows';
import { reportRows } from '../../../lib/reports/report-row';
import { backupEnvelope, type BackupCheck } from '../../../lib/imports/read-backup';
import type { KpiRecord } from '../../../lib/schemas';
import { makeEvaluation, makeScorecard } from '../dashboard/factories';
import { freshDatabase, ticket } from './factories';

const kpi = (n: number): KpiRecord => ({
  id: `k-${n}`,
  scope: 'agent-period',
  agent: 'Ana',
  periodStart: 0,
  periodEnd: 10,
  kpis: { csatPercent: 90, fcrPercent: null, nps: null, ahtSeconds: null },
  source: 'import',
  createdAt: 1,
  updatedAt: 1,
});

/** A profile with more KPI records than one staging batch holds. */
async function seeded(kpis = 1_200) {
  const db = freshDatabase();
  await db.scorecards.add(makeScorecard());
  await db.evaluations.bulkAdd([makeEvaluation({ id: 'ev-1', ticketId: '1' }), makeEvaluation({ id: 'ev-2', ticketId: '2' })]);
  await db.tickets.add({ ...ticket, key: 'zendesk:1001', capturedAt: 5 });
  await db.settings.put({ key: 'profile', value: { name: 'Rita', role: 'supervisor' } });
  await db.kpis.bulkAdd(Array.from({ length: kpis }, (_, n) => kpi(n)));
  return db;
}

async function written(db: Awaited<ReturnType<typeof seeded>>, onProgress?: (progress: BackupProgress) => void) {
  const pieces: string[] = [];
  const counts = await writeBackup(db, (text) => pieces.push(text), { exportedAt: 1000, exportedBy: 'Rita' }, onProgress);
  return { text: pieces.join(''), counts };
}

/** The text cut into pieces of `size` characters, as a file is read. */
async function* piecesOf(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

const header = (check: BackupCheck) => {
  if (!check.ok) throw new Error(check.errors.join('; '));
  return check.header;
};

describe('streamed backup and restore', () => {
  it('writes, piece by piece, exactly the backup the whole tables make', async () => {
    const source = await seeded();
    const seen: BackupProgress[] = [];
    const { text, counts } = await written(source, (p) => seen.push(p));
    expect(text).toBe(JSON.stringify(backupEnvelope(await readAllTables(source), 1000, 'Rita')));
    expect(counts).toMatchObject({ evaluations: 2, kpis: 1_200, scorecards: 1 });
    expect(seen.at(-1)).toEqual({ done: 1_205, total: 1_205 });
  });

  it('stages a file read in small pieces, then restores it whole, and leaves no stage behind', async () => {
    const source = await seeded();
    const { text } = await written(source);
    const target = freshDatabase();
    const check = await stageBackup(target, piecesOf(text, 7_777));
    expect(header(check).counts).toMatchObject({ evaluations: 2, kpis: 1_200 });
    // Checked and set aside: the profile itself has nothing yet.
    expect([await target.evaluations.count(), await target.kpis.count(), await target.restoreStage.count()]).toEqual([0, 0, 1_205]);

    const seen: BackupProgress[] = [];
    const summary = await restoreStaged(target, header(check), 2000, (p) => seen.push(p));
    expect(summary.kpis).toEqual({ added: 1_200, updated: 0, unchanged: 0, keptErased: 0 });
    expect(seen.at(-1)).toEqual({ done: 1_205, total: 1_205 });
    expect(await readAllTables(target)).toEqual(await readAllTables(source));
    expect(await target.restoreStage.count()).toBe(0);
  });

  it('keeps report rows in step with a small restore, and has them built afresh after a big one', async () => {
    const { text } = await written(await seeded(3));
    const small = freshDatabase();
    await buildReportRows(small);
    await restoreStaged(small, header(await stageBackup(small, piecesOf(text, 5_000))), 2000);
    expect((await readReportRows(small))?.map((row) => row.id)).toEqual(['ev-1', 'ev-2']);

    const big = freshDatabase();
    await buildReportRows(big);
    await restoreStaged(big, header(await stageBackup(big, piecesOf(text, 5_000))), 2000, undefined, { rebuildReportRowsAbove: 1 });
    // Marked for rebuilding in the restore's own transaction: the dashboard builds them on its next open.
    expect(await readReportRows(big)).toBeUndefined();
    await buildReportRows(big);
    const rows = (await readReportRows(big))!;
    expect(rows.map((row) => row.id)).toEqual(reportRows(await big.evaluations.toArray()).map((row) => row.id));
  });

  it('sets nothing aside from a file with a bad row after a whole batch of good ones', async () => {
    const source = await seeded();
    // Its id sorts last: the backup holds it after the 1,200 good ones.
    await source.kpis.put({ ...kpi(0), id: 'z-bad', scope: 'nonsense' } as never);
    const { text } = await written(source);
    const target = freshDatabase();
    const check = await stageBackup(target, piecesOf(text, 4_096));
    expect(check).toEqual({ ok: false, errors: [expect.stringMatching(/^kpis row 1201 \(scope\): /)] });
    expect([await target.restoreStage.count(), await target.kpis.count()]).toEqual([0, 0]);
  });

  it('sets nothing aside from a file cut off while saving', async () => {
    const { text } = await written(await seeded());
    const target = freshDatabase();
    const check = await stageBackup(target, piecesOf(text.slice(0, text.length - 100), 10_000));
    expect(check).toEqual({ ok: false, errors: [expect.stringMatching(/not complete JSON/)] });
    expect(await target.restoreStage.count()).toBe(0);
  });

  it('restores nothing when another file was read after the one confirmed', async () => {
    const { text } = await written(await seeded());
    const small = await written(await seeded(3));
    const target = freshDatabase();
    const first = header(await stageBackup(target, piecesOf(text, 50_000)));
    header(await stageBackup(target, piecesOf(small.text, 50_000)));
    await expect(restoreStaged(target, first, 2000)).rejects.toThrow(/no longer waiting/);
    expect([await target.evaluations.count(), await target.kpis.count()]).toEqual([0, 0]);
  });
});
