/**
 * Backup and restore of the whole database. A backup is read in one transaction, so it is one
 * consistent moment; a restore merges in one transaction: rows the profile lacks are added, rows it
 * has are replaced only by a newer version of themselves (later `updatedAt`), nothing is duplicated,
 * and any failure leaves the profile as it was.
 *
 * Both stream, so a year of a big team's data never sits in memory whole: a backup is written row by
 * row from a cursor (`writeBackup`) as pieces of JSON text; a restore reads the file piece by piece,
 * checks each row as it completes (lib/imports/read-backup.ts) and stages it (`stageBackup`, a batch
 * per transaction, into `restoreStage`), then merges the stage in pages inside one transaction
 * (`restoreStaged`), which empties it as it commits.
 */
import { Dexie, type Table } from 'dexie';
import { BackupReader, type BackupCheck, type BackupHeader, type CheckedRow } from '../imports/read-backup';
import { BACKUP_FORMAT, BACKUP_SCHEMA_VERSION, BACKUP_TABLES, TEAM_SETTINGS_KEY, TeamSettingsSchema, type Backup, type BackupTable, type BackupTables, type SyncKind } from '../schemas';
import { redactAcknowledgement, redactDispute, redactEvaluation, redactTicket, type RedactionRules } from '../privacy';
import type { ErasureCheck } from '../privacy/erasure-list';
import { PERSON_TABLES, type PersonTable } from '../privacy/person';
import { audit } from './audit';
import { put, recordChanges, writeTransaction, type RecordChange } from './changes';
import type { QaLensDatabase } from './database';
import { readErasureCheck } from './erasures';
import { rebuildReportRows } from './report-rows';
import { getRedactionRules } from './privacy';

/** Every backed-up table, redacted (a backup is an export: nothing leaves unredacted, even rows stored before redaction). */
export async function readAllTables(db: QaLensDatabase): Promise<BackupTables> {
  const rules = await getRedactionRules(db);
  const tables = BACKUP_TABLES.map((name) => db.table(name));
  const read = await db.transaction('r', tables, async () => {
    const rows = await Promise.all(tables.map((table) => table.toArray()));
    return Object.fromEntries(BACKUP_TABLES.map((name, i) => [name, rows[i]])) as BackupTables;
  });
  return redactTables(read, rules);
}

/** One row of a backed-up table with its free text redacted (tables without free text pass as they are). */
function redactRow(table: BackupTable, row: unknown, rules: RedactionRules): unknown {
  switch (table) {
    case 'tickets':
      return redactTicket(row as BackupTables['tickets'][number], rules);
    case 'evaluations':
      return redactEvaluation(row as BackupTables['evaluations'][number], rules);
    case 'acknowledgements':
      return redactAcknowledgement(row as BackupTables['acknowledgements'][number], rules);
    case 'disputes':
      return redactDispute(row as BackupTables['disputes'][number], rules);
    default:
      return row;
  }
}

/** The tables with every row's free text redacted. */
export function redactTables(tables: BackupTables, rules: RedactionRules): BackupTables {
  return Object.fromEntries(BACKUP_TABLES.map((name) => [name, tables[name].map((row) => redactRow(name, row, rules))])) as BackupTables;
}

export interface BackupProgress {
  done: number;
  total: number;
}

/** About this much text goes to `write` at a time. */
const PIECE_CHARS = 1 << 20;

/**
 * Writes a backup of every table, redacted, as JSON text handed to `write` a piece at a time (the
 * caller keeps the pieces as parts of a file, outside script memory). The same text as
 * `JSON.stringify(backupEnvelope(await readAllTables(db), …))`, read in one transaction as that is,
 * but through a cursor: memory holds a piece, never the database.
 */
export async function writeBackup(
  db: QaLensDatabase,
  write: (text: string) => void,
  about: { exportedAt: number; exportedBy: string },
  onProgress?: (progress: BackupProgress) => void,
): Promise<Record<BackupTable, number>> {
  const rules = await getRedactionRules(db);
  return db.transaction('r', BACKUP_TABLES.map((name) => db.table(name)), async () => {
    const sizes = await Promise.all(BACKUP_TABLES.map((name) => db.table(name).count()));
    const counts = Object.fromEntries(BACKUP_TABLES.map((name, i) => [name, sizes[i]!])) as Record<BackupTable, number>;
    const total = sizes.reduce((n, c) => n + c, 0);
    const envelope = { format: BACKUP_FORMAT, schemaVersion: BACKUP_SCHEMA_VERSION, exportedAt: about.exportedAt, exportedBy: about.exportedBy, counts };
    let piece = [`${JSON.stringify(envelope).slice(0, -1)},"tables":{`];
    let chars = 0;
    let done = 0;
    const flush = () => {
      write(piece.join(''));
      piece = [];
      chars = 0;
      onProgress?.({ done, total });
    };
    for (const [t, name] of BACKUP_TABLES.entries()) {
      piece.push(`${t === 0 ? '' : ','}${JSON.stringify(name)}:[`);
      let first = true;
      // A cursor: one row at a time, each turned to text at once.
      await db.table(name).each((row: unknown) => {
        const text = JSON.stringify(redactRow(name, row, rules));
        piece.push(first ? text : `,${text}`);
        first = false;
        chars += text.length;
        done++;
        if (chars >= PIECE_CHARS) flush();
      });
      piece.push(']');
    }
    piece.push('}}');
    flush();
    return counts;
  });
}

export interface RestoreCounts {
  added: number;
  updated: number;
  /** Rows the profile already had in the same or a newer version. */
  unchanged: number;
  /** Rows left out because they would bring back a person erased on request (lib/privacy/erasure-list.ts). */
  keptErased: number;
}

export type RestoreSummary = Record<BackupTable, RestoreCounts>;

const updatedAt = (row: unknown): number | undefined => {
  const value = (row as { updatedAt?: unknown }).updatedAt;
  return typeof value === 'number' ? value : undefined;
};

/** Whether the backup's row should replace the stored one: only a strictly newer version does. */
const isNewer = (incoming: unknown, stored: unknown) => {
  const a = updatedAt(incoming);
  const b = updatedAt(stored);
  return a !== undefined && b !== undefined && a > b;
};

/**
 * The kind each restored table's rows share as. Ticket snapshots travel only with the evaluations
 * that cite them, and of the settings only the team's rules are shared.
 */
const SHARED_AS: Partial<Record<BackupTable, SyncKind>> = {
  scorecards: 'scorecard',
  evaluations: 'evaluation',
  acknowledgements: 'acknowledgement',
  disputes: 'dispute',
  coachingPlans: 'coaching-plan',
  kpis: 'kpi',
  monitoringPlans: 'monitoring-plan',
  samples: 'sample',
  calibrationSessions: 'calibration-session',
};

function sharedChanges(name: BackupTable, written: readonly unknown[]): RecordChange[] {
  const kind = SHARED_AS[name];
  if (kind) return written.map((row) => put(kind, row as never));
  if (name !== 'settings') return [];
  const team = written.find((row) => (row as { key?: unknown }).key === TEAM_SETTINGS_KEY) as { value: unknown } | undefined;
  const settings = team && TeamSettingsSchema.safeParse(team.value);
  return settings?.success ? [put('team-settings', settings.data)] : [];
}

const isPersonTable = (name: BackupTable): name is PersonTable => (PERSON_TABLES as readonly string[]).includes(name);

/**
 * Merges one table's rows; returns the rows it wrote. A row that would be written is held back
 * instead when the erasure list says it brings an erased person back.
 */
async function mergeTable(table: Table, rows: readonly unknown[], erased: (row: unknown, stored: unknown) => boolean): Promise<{ counts: RestoreCounts; written: unknown[] }> {
  const keyPath = table.schema.primKey.keyPath!;
  const keys = rows.map((row) => Dexie.getByKeyPath(row as object, keyPath as string) as never);
  const stored = await table.bulkGet(keys);
  const counts: RestoreCounts = { added: 0, updated: 0, unchanged: 0, keptErased: 0 };
  const write: unknown[] = [];
  for (const [i, row] of rows.entries()) {
    const isNew = stored[i] === undefined;
    if (!isNew && !isNewer(row, stored[i])) counts.unchanged++;
    else if (erased(row, stored[i])) counts.keptErased++;
    else {
      counts[isNew ? 'added' : 'updated']++;
      write.push(row);
    }
  }
  await table.bulkPut(write);
  return { counts, written: write };
}

/** The erasure check of one restored table; tables nobody can be erased from pass whole. */
const erasedIn = (check: ErasureCheck, name: BackupTable) => (isPersonTable(name) ? (row: unknown, stored: unknown) => check.erased(name, row, stored) : () => false);

export interface StagedRow {
  table: BackupTable;
  /** The row's place among the file's checked rows. */
  seq: number;
  row: unknown;
}

/** A restore of more evaluations than this has their report rows built afresh after it (lib/db/report-rows.ts). */
export const REBUILD_REPORT_ROWS_ABOVE = 5_000;

/** Rows staged per transaction, and merged per page. */
const STAGE_BATCH = 1_000;
const MERGE_PAGE = 500;

/**
 * Reads a backup file as it arrives (`pieces`), checks it all as `BackupReader` does, and stages
 * its rows, redacted, a batch per transaction: nothing the profile holds is touched. Any stage
 * left by an earlier read is dropped first (one restore at a time per profile); a refused file
 * leaves the stage empty.
 */
export async function stageBackup(db: QaLensDatabase, pieces: AsyncIterable<string> | Iterable<string>): Promise<BackupCheck> {
  await db.restoreStage.clear();
  const rules = await getRedactionRules(db);
  const reader = new BackupReader();
  let batch: CheckedRow[] = [];
  let staged = 0;
  const stage = async (rows: CheckedRow[], last = false) => {
    batch.push(...rows);
    if (batch.length < STAGE_BATCH && !(last && batch.length > 0)) return;
    await putStage(db, batch, staged, rules);
    staged += batch.length;
    batch = [];
  };
  try {
    for await (const piece of pieces) await stage(reader.push(piece));
    const { check, rows } = reader.end();
    if (!check.ok) await db.restoreStage.clear();
    else await stage(rows, true);
    return check;
  } catch (error) {
    await db.restoreStage.clear();
    throw error;
  }
}

/** Stages checked rows, redacted, numbered on from `from`, in one transaction. */
function putStage(db: QaLensDatabase, rows: readonly CheckedRow[], from: number, rules: RedactionRules) {
  return db.restoreStage.bulkAdd(rows.map(({ table, row }, n): StagedRow => ({ table, seq: from + n, row: redactRow(table, row, rules) })));
}

/** Drops a staged backup the user decided not to restore. */
export async function discardStagedBackup(db: QaLensDatabase): Promise<void> {
  await db.restoreStage.clear();
}

/**
 * Merges the staged backup into the profile in one transaction, a page of rows at a time, and
 * empties the stage as it commits; in a team, what it added or updated is shared like any other
 * write of this user's. Any failure leaves the profile as it was (and the stage empty).
 */
export async function restoreStaged(
  db: QaLensDatabase,
  header: BackupHeader,
  now = Date.now(),
  onProgress?: (progress: BackupProgress) => void,
  { rebuildReportRowsAbove = REBUILD_REPORT_ROWS_ABOVE } = {},
): Promise<RestoreSummary> {
  const total = Object.values(header.counts).reduce((n, c) => n + c, 0);
  // Keeping report rows page by page rewrites every day a page touches (a year's worth each page):
  // past this many evaluations, building them all again afterwards is far cheaper.
  const rebuild = header.counts.evaluations > rebuildReportRowsAbove;
  try {
    return await writeTransaction(db, [...BACKUP_TABLES.map((name) => db.table(name)), db.restoreStage, db.reportState, db.erasures], async () => {
      const summary = {} as RestoreSummary;
      const check = await readErasureCheck(db);
      let done = 0;
      for (const name of BACKUP_TABLES) {
        const counts: RestoreCounts = { added: 0, updated: 0, unchanged: 0, keptErased: 0 };
        for (let after = -1; ; ) {
          const page = await db.restoreStage.where('[table+seq]').between([name, after], [name, Infinity], false, true).limit(MERGE_PAGE).toArray();
          if (page.length === 0) break;
          after = page.at(-1)!.seq;
          const merged = await mergeTable(db.table(name), page.map((staged) => staged.row), erasedIn(check, name));
          for (const key of ['added', 'updated', 'unchanged', 'keptErased'] as const) counts[key] += merged.counts[key];
          await recordChanges(db, sharedChanges(name, merged.written), 'own', now, { reportRows: !rebuild });
          done += page.length;
          onProgress?.({ done, total });
        }
        summary[name] = counts;
      }
      // Another page reading a file meanwhile replaces the stage: restore nothing rather than a mix.
      if (done !== total) throw new Error('the checked backup is no longer waiting to be restored (another file was read since); choose it again');
      await db.restoreStage.clear();
      if (rebuild) await rebuildReportRows(db);
      const sum = (key: keyof RestoreCounts) => Object.values(summary).reduce((n, c) => n + c[key], 0);
      await audit(
        db,
        {
          action: 'backup.restore',
          summary: `Backup of ${new Date(header.exportedAt).toISOString().slice(0, 10)}${header.exportedBy ? ` by ${header.exportedBy}` : ''} restored: ${sum('added')} rows added, ${sum('updated')} updated, ${sum('unchanged')} unchanged${sum('keptErased') ? `, ${sum('keptErased')} kept erased` : ''}.`,
        },
        now,
      );
      return summary;
    });
  } catch (error) {
    await db.restoreStage.clear();
    throw error;
  }
}

/** Merges a backup held in memory (checked by `readBackup`): staged, then merged as a streamed one is. */
export async function restoreBackup(db: QaLensDatabase, backup: Backup, now = Date.now()): Promise<RestoreSummary> {
  const rows: CheckedRow[] = BACKUP_TABLES.flatMap((table) => backup.tables[table].map((row) => ({ table, row })));
  const { exportedAt, exportedBy, migratedFrom } = backup;
  const counts = Object.fromEntries(BACKUP_TABLES.map((table) => [table, backup.tables[table].length])) as Record<BackupTable, number>;
  await db.restoreStage.clear();
  const rules = await getRedactionRules(db);
  for (let i = 0; i < rows.length; i += STAGE_BATCH) await putStage(db, rows.slice(i, i + STAGE_BATCH), i, rules);
  return restoreStaged(db, { schemaVersion: BACKUP_SCHEMA_VERSION, exportedAt, exportedBy, migratedFrom, counts }, now);
}
