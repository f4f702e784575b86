import type { BackupClient } from '@/components/options/backup-client';
import { getProfile, readAllTables, restoreBackup, type QaLensDatabase } from '../db';
import { backupEnvelope, readBackup } from '../imports/read-backup';
import { afterWrite } from '../pages/after-write';
import { downloadText } from '../pages/download-text';

export function createBackupClient(db: QaLensDatabase): BackupClient {
  return {
    async downloadBackup(filename) {
      const [tables, profile] = await Promise.all([readAllTables(db), getProfile(db)]);
      const envelope = backupEnvelope(tables, Date.now(), profile.name);
      downloadText(filename, JSON.stringify(envelope), 'application/json;charset=utf-8');
      return envelope.counts;
    },
    readBackup: async (file) => readBackup(await file.text()),
    restore: (backup) => afterWrite(restoreBackup(db, backup)),
  };
}
