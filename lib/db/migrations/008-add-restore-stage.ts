import type { Dexie } from 'dexie';

/**
 * Version 8: a staging table for restores (lib/db/backup.ts). A backup file is read and checked
 * row by row into `restoreStage`, a batch per transaction, so a file of any size is never held
 * whole; the merge then reads the stage back in one transaction, all or nothing, and empties it.
 * Keyed by table and the row's place in the file, so each table is merged in file order. No
 * existing rows change.
 */
export function addRestoreStage(db: Dexie): void {
  db.version(8).stores({ restoreStage: '[table+seq]' });
}
