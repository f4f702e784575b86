import type { RestoreSummary } from '../../lib/db/backup';
import type { BackupReadResult } from '../../lib/imports/read-backup';
import type { Backup } from '../../lib/schemas';

/** Backup and restore for the settings page; the entrypoint backs it with the database. */
export interface BackupClient {
  /** Saves a JSON backup of the whole database; resolves with how many rows each table gave. */
  downloadBackup(filename: string): Promise<Record<string, number>>;
  /** Reads and checks a backup file (migrating an older one); writes nothing. */
  readBackup(file: File): Promise<BackupReadResult>;
  /** Merges a checked backup into the database, all or nothing. */
  restore(backup: Backup): Promise<RestoreSummary>;
}
