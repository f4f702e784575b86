import { z } from 'zod';
import { RecordId, RoleSchema, Timestamp } from './common';

/**
 * What the audit log records: every action that changes or moves the team's records. An entry
 * names records by kind and id and says what happened in words; it never copies a customer's data.
 */
export const AUDIT_ACTIONS = [
  'evaluation.submit',
  'evaluation.edit',
  'evaluation.acknowledge',
  'evaluation.dispute',
  'dispute.resolve',
  'scorecard.change',
  'coaching.change',
  'kpi.change',
  'import',
  'export',
  'backup.restore',
  'erasure',
  'subject.export',
  'retention.purge',
  'settings.change',
  'redaction',
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'evaluation.submit': 'Evaluation submitted',
  'evaluation.edit': 'Evaluation changed after submission',
  'evaluation.acknowledge': 'Review acknowledged',
  'evaluation.dispute': 'Review disputed',
  'dispute.resolve': 'Dispute resolved',
  'scorecard.change': 'Scorecard changed',
  'coaching.change': 'Coaching plan changed',
  'kpi.change': 'Ticket KPIs entered',
  import: 'Import',
  export: 'Export',
  'backup.restore': 'Backup restored',
  erasure: 'Person erased',
  'subject.export': 'Person’s data exported',
  'retention.purge': 'Retention purge',
  'settings.change': 'Settings changed',
  redaction: 'Stored data redacted',
};

export const AuditEntrySchema = z.object({
  id: RecordId,
  at: Timestamp,
  /** Who did it: the profile of this browser, or "QA Lens" for what the extension did on its own (a purge). */
  actor: z.object({ name: z.string().max(200), role: z.union([RoleSchema, z.literal('system')]) }),
  action: AuditActionSchema,
  /** The records acted on, as `<kind>:<id>`; empty for actions on many records (a purge, an import). */
  target: z.string().max(400).default(''),
  /** What happened, in words, with counts where there are many records. */
  summary: z.string().max(2000),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
