import type { ErasureSummary, PersonCounts } from '../../lib/db/subject-rights';
import type { AuditQuery } from '../../lib/db/audit';
import type { PersonQuery } from '../../lib/privacy/person';
import type { AuditEntry, PrivacySettings } from '../../lib/schemas';

/** Settings → Privacy and the audit log; the entrypoint backs it with the database. */
export interface PrivacyClient {
  getPrivacySettings(): Promise<PrivacySettings>;
  savePrivacySettings(settings: PrivacySettings): Promise<PrivacySettings>;
  /** How many rows of each table are about the person or mention them; changes nothing. */
  findPerson(query: PersonQuery): Promise<PersonCounts>;
  /** Saves the person's data as a JSON file; resolves with its name. */
  exportPerson(query: PersonQuery, reference: string): Promise<string>;
  erasePerson(query: PersonQuery, reference: string): Promise<ErasureSummary>;
  listAuditLog(query: AuditQuery): Promise<AuditEntry[]>;
  /** Saves the entries as CSV; resolves with the file name. */
  exportAuditLog(entries: AuditEntry[]): Promise<string>;
}
