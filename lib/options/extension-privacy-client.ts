import type { PrivacyClient } from '@/components/options/privacy-client';
import { auditCsv } from '../csv/audit-csv';
import { erasePerson, exportPersonData, findPerson, getTeamSettings, listAuditLog, savePrivacySettings, type QaLensDatabase } from '../db';
import { auditAlone } from '../db/audit';
import { downloadText } from '../pages/download-text';

const today = () => new Date().toISOString().slice(0, 10);

export function createPrivacyClient(db: QaLensDatabase): PrivacyClient {
  return {
    getPrivacySettings: async () => (await getTeamSettings(db)).privacy,
    savePrivacySettings: async (privacy) => (await savePrivacySettings(db, privacy)).privacy,
    findPerson: (query) => findPerson(db, query),
    async exportPerson(query, reference) {
      const data = await exportPersonData(db, query, Date.now(), reference);
      const filename = `qa-lens-${query.kind}-data-${today()}.json`;
      downloadText(filename, JSON.stringify(data, null, 2), 'application/json;charset=utf-8');
      return filename;
    },
    erasePerson: (query, reference) => erasePerson(db, query, Date.now(), reference),
    listAuditLog: (query) => listAuditLog(db, query),
    async exportAuditLog(entries) {
      const filename = `qa-lens-audit-log-${today()}.csv`;
      downloadText(filename, auditCsv(entries, { bom: true }), 'text/csv;charset=utf-8');
      await auditAlone(db, { action: 'export', summary: `Audit log exported: ${entries.length} entries as ${filename}.` }, Date.now());
      return filename;
    },
  };
}
