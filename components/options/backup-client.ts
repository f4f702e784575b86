import type { BackupProgress, RestoreSummary } from '../../lib/db/backup';
import type { BackupCheck, BackupHeader } from '../../lib/imports/read-backup';

export type { BackupProgress };

/** Backup and restore for the settings page; the entrypoint backs it with the database. */
export interface BackupClient {
  /** Saves a JSON backup of the whole database; resolves with how many rows each table gave. */
  downloadBackup(filename: string, onProgress?: (progress: BackupProgress) => void): Promise<Record<string, number>>;
  /**
   * Reads and checks a backup file (migrating an older one), setting its rows aside to restore;
   * writes nothing the profile holds. `onProgress` counts the file's bytes.
   */
  readBackup(file: File, onProgress?: (progress: BackupProgress) => void): Promise<BackupCheck>;
  /** Merges the backup read last into the database, all or nothing. */
  restore(backup: BackupHeader, onProgress?: (progress: BackupProgress) => void): Promise<RestoreSummary>;
  /** Forgets the backup read last, without restoring it. */
  discard(): Promise<void>;
}
