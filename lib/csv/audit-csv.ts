import { AUDIT_ACTION_LABELS, type AuditEntry } from '../schemas/audit';
import { toCsv } from './csv-text';

export const AUDIT_COLUMNS = ['at', 'actor', 'actor_role', 'action', 'action_label', 'target', 'summary'] as const;

/** The audit log as CSV: one row per entry, times in ISO 8601 UTC, every cell formula-escaped by `toCsv`. */
export function auditCsv(entries: readonly AuditEntry[], options: { bom?: boolean } = {}): string {
  const rows = entries.map((e) => [new Date(e.at).toISOString(), e.actor.name, e.actor.role, e.action, AUDIT_ACTION_LABELS[e.action], e.target, e.summary]);
  return toCsv([[...AUDIT_COLUMNS], ...rows], options);
}
