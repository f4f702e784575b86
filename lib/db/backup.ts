/**
 * Backup and restore of the whole database. A backup is read in one transaction, so it is one
 * consistent moment; a restore merges in one transaction: rows the profile lacks are added, rows it
 * has are replaced only by a newer version of themselves (later `updatedAt`), nothing is duplicated,
 * and any failure leaves the profile as it was.
 */
import { Dexie, type Table } from 'dexie';
import { BACKUP_TABLES, type Backup, type BackupTable, type BackupTables } from '../schemas';
import type { QaLensDatabase } from './database';

export async function readAllTables(db: QaLensDatabase): Promise<BackupTables> {
  const tables = BACKUP_TABLES.map((name) => db.table(name));
  return db.transaction('r', tables, async () => {
    const rows = await Promise.all(tables.map((table) => table.toArray()));
    return Object.fromEntries(BACKUP_TABLES.map((name, i) => [name, rows[i]])) as BackupTables;
  });
}

export interface RestoreCounts {
  added: number;
  updated: number;
  /** Rows the profile already had in the same or a newer version. */
  unchanged: number;
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

async function mergeTable(table: Table, rows: readonly unknown[]): Promise<RestoreCounts> {
  const keyPath = table.schema.primKey.keyPath!;
  const keys = rows.map((row) => Dexie.getByKeyPath(row as object, keyPath as string) as never);
  const stored = await table.bulkGet(keys);
  const write = rows.filter((row, i) => stored[i] === undefined || isNewer(row, stored[i]));
  await table.bulkPut(write);
  const added = stored.filter((row) => row === undefined).length;
  return { added, updated: write.length - added, unchanged: rows.length - write.length };
}

export async function restoreBackup(db: QaLensDatabase, backup: Backup): Promise<RestoreSummary> {
  const tables = BACKUP_TABLES.map((name) => db.table(name));
  return db.transaction('rw', tables, async () => {
    const summary = {} as RestoreSummary;
    for (const name of BACKUP_TABLES) summary[name] = await mergeTable(db.table(name), backup.tables[name]);
    return summary;
  });
}
