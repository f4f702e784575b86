/**
 * Backup and restore of the whole database. A backup is read in one transaction, so it is one
 * consistent moment; a restore merges in one transaction: rows the profile lacks are added, rows it
 * has are replaced only by a newer version of themselves (later `updatedAt`), nothing is duplicated,
 * and any failure leaves the profile as it was.
 */
import { Dexie, type Table } from 'dexie';
import { BACKUP_TABLES, TEAM_SETTINGS_KEY, TeamSettingsSchema, type Backup, type BackupTable, type BackupTables, type SyncKind } from '../schemas';
import { redactAcknowledgement, redactDispute, redactEvaluation, redactTicket, type RedactionRules } from '../privacy';
import { audit } from './audit';
import { put, recordChanges, writeTransaction, type RecordChange } from './changes';
import type { QaLensDatabase } from './database';
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

/** The tables with every row's free text redacted. */
export function redactTables(tables: BackupTables, rules: RedactionRules): BackupTables {
  return {
    ...tables,
    tickets: tables.tickets.map((t) => redactTicket(t, rules)),
    evaluations: tables.evaluations.map((e) => redactEvaluation(e, rules)),
    acknowledgements: tables.acknowledgements.map((a) => redactAcknowledgement(a, rules)),
    disputes: tables.disputes.map((d) => redactDispute(d, rules)),
  };
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

/** Merges one table's rows; returns the rows it wrote. */
async function mergeTable(table: Table, rows: readonly unknown[]): Promise<{ counts: RestoreCounts; written: unknown[] }> {
  const keyPath = table.schema.primKey.keyPath!;
  const keys = rows.map((row) => Dexie.getByKeyPath(row as object, keyPath as string) as never);
  const stored = await table.bulkGet(keys);
  const write = rows.filter((row, i) => stored[i] === undefined || isNewer(row, stored[i]));
  await table.bulkPut(write);
  const added = stored.filter((row) => row === undefined).length;
  return { counts: { added, updated: write.length - added, unchanged: rows.length - write.length }, written: write };
}

/** Merges a backup into the profile; in a team, what it added or updated is shared like any other write of this user's. */
export async function restoreBackup(db: QaLensDatabase, backup: Backup, now = Date.now()): Promise<RestoreSummary> {
  const tables = BACKUP_TABLES.map((name) => db.table(name));
  const rows = redactTables(backup.tables, await getRedactionRules(db));
  return writeTransaction(db, tables, async () => {
    const summary = {} as RestoreSummary;
    for (const name of BACKUP_TABLES) {
      const { counts, written } = await mergeTable(db.table(name), rows[name]);
      summary[name] = counts;
      await recordChanges(db, sharedChanges(name, written), 'own', now);
    }
    const total = (key: keyof RestoreCounts) => Object.values(summary).reduce((n, c) => n + c[key], 0);
    await audit(
      db,
      {
        action: 'backup.restore',
        summary: `Backup of ${new Date(backup.exportedAt).toISOString().slice(0, 10)}${backup.exportedBy ? ` by ${backup.exportedBy}` : ''} restored: ${total('added')} rows added, ${total('updated')} updated, ${total('unchanged')} unchanged.`,
      },
      now,
    );
    return summary;
  });
}
