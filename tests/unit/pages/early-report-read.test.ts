/**
 * The dashboard entry's early read of the report days (lib/pages/early-report-read.ts): it hands
 * the page the same days the Dexie read would, and nothing (so the page reads the usual way)
 * whenever it cannot, without ever creating or holding up the database.
 */
import { put, recordChanges, writeTransaction } from '@/lib/db/changes';
import { readReportRows, rowsOfDays } from '@/lib/db/report-rows';
import { readReportDaysEarly } from '@/lib/pages/early-report-read';
import { REPORT_ROWS_VERSION } from '@/lib/reports/report-days';
import { copyRow } from '@/lib/reports/report-row';
import { freshDatabase } from '../db/factories';
import { day, reportEvaluation } from '../reports/report-factories';

const evaluations = [
  reportEvaluation({ id: 'a', ticketId: '1', agent: 'Ana', submittedAt: day(3, 3) }),
  reportEvaluation({ id: 'b', ticketId: '2', agent: 'Ben', submittedAt: day(3, 4) }),
  reportEvaluation({ id: 'c', ticketId: '3', agent: 'Ana', submittedAt: day(3, 4) + 1 }),
];

async function databaseWithRows() {
  const db = freshDatabase();
  await writeTransaction(db, [db.evaluations], async () => {
    await db.evaluations.bulkPut(evaluations);
    await recordChanges(db, evaluations.map((e) => put('evaluation', e)), 'own', 1);
  });
  // A database whose rows were all written with their evaluations is built: mark it so, as the build does.
  await db.reportState.put({ key: 'rows', version: REPORT_ROWS_VERSION, upTo: null, built: evaluations.length });
  return db;
}

describe('readReportDaysEarly', () => {
  it('reads the same rows as the Dexie read, oldest first', async () => {
    const db = await databaseWithRows();
    const usual = await readReportRows(db);
    db.close();
    const early = readReportDaysEarly(db.name);
    const days = await early.days;
    expect(days).toBeDefined();
    const rows = rowsOfDays(days!).map(copyRow);
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(rows).toEqual(usual!.map(copyRow));
    expect(early.start).toBeLessThanOrEqual(performance.now());
  });

  it('has nothing while the rows are not built, so the page builds them with its progress bar', async () => {
    const db = await databaseWithRows();
    await db.reportState.delete('rows');
    db.close();
    expect(await readReportDaysEarly(db.name).days).toBeUndefined();
  });

  it('never creates a database that does not exist', async () => {
    const name = `absent-${crypto.randomUUID()}`;
    expect(await readReportDaysEarly(name).days).toBeUndefined();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(name);
  });

  it('lets Dexie open and upgrade the database while it reads', async () => {
    const db = await databaseWithRows();
    db.close();
    const early = readReportDaysEarly(db.name);
    await db.open();
    await early.days;
    expect(await db.evaluations.count()).toBe(3);
    db.close();
  });
});
