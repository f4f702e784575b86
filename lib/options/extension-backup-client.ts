import type { BackupClient } from '@/components/options/backup-client';
import { discardStagedBackup, getProfile, restoreStaged, stageBackup, writeBackup, type QaLensDatabase } from '../db';
import { auditAlone } from '../db/audit';
import { filePieces } from '../imports/file-pieces';
import { afterWrite } from '../pages/after-write';
import { downloadBlob } from '../pages/download-text';

export function createBackupClient(db: QaLensDatabase): BackupClient {
  return {
    async downloadBackup(filename, onProgress) {
      const profile = await getProfile(db);
      // Each piece becomes a Blob at once: the browser keeps the file's parts, not this page's memory.
      const parts: Blob[] = [];
      const counts = await writeBackup(db, (text) => parts.push(new Blob([text])), { exportedAt: Date.now(), exportedBy: profile.name }, onProgress);
      downloadBlob(filename, new Blob(parts, { type: 'application/json;charset=utf-8' }));
      const rows = Object.values(counts).reduce((n, c) => n + c, 0);
      await auditAlone(db, { action: 'export', summary: `Backup downloaded: ${rows} rows as ${filename}.` }, Date.now());
      return counts;
    },
    readBackup: (file, onProgress) => stageBackup(db, filePieces(file, (done, total) => onProgress?.({ done, total }))),
    restore: (backup, onProgress) => afterWrite(restoreStaged(db, backup, Date.now(), onProgress)),
    discard: () => discardStagedBackup(db),
  };
}
