import { z } from 'zod';
import { CoachingPlanSchema } from './coaching';
import { Timestamp } from './common';
import { EvaluationSchema } from './evaluation';
import { AcknowledgementSchema, DisputeSchema } from './feedback';
import { CalibrationSessionSchema } from './calibration';
import { ImportedTicketSchema, SeenTicketSchema } from './imported-ticket';
import { KpiRecordSchema } from './kpi';
import { MonitoringPlanSchema, SampleSchema } from './monitoring';
import { ReminderSchema } from './reminder';
import { ScorecardSchema } from './scorecard';
import { TicketSnapshotSchema } from './ticket';

export const BACKUP_FORMAT = 'qa-lens-backup';

/** The database schema version this build writes and restores (see lib/db/migrations). */
export const BACKUP_SCHEMA_VERSION = 10;

/** Each table's rows as the current schema stores them. */
export const BackupTablesSchema = z.object({
  scorecards: z.array(ScorecardSchema),
  tickets: z.array(TicketSnapshotSchema),
  evaluations: z.array(EvaluationSchema),
  settings: z.array(z.object({ key: z.string().min(1), value: z.unknown() })),
  acknowledgements: z.array(AcknowledgementSchema),
  disputes: z.array(DisputeSchema),
  coachingPlans: z.array(CoachingPlanSchema),
  kpis: z.array(KpiRecordSchema),
  importedTickets: z.array(ImportedTicketSchema),
  reminders: z.array(ReminderSchema),
  monitoringPlans: z.array(MonitoringPlanSchema),
  samples: z.array(SampleSchema),
  calibrationSessions: z.array(CalibrationSessionSchema),
  seenTickets: z.array(SeenTicketSchema),
});
export type BackupTables = z.infer<typeof BackupTablesSchema>;
export type BackupTable = keyof BackupTables;
export const BACKUP_TABLES = Object.keys(BackupTablesSchema.shape) as BackupTable[];

/**
 * The envelope around a backup: what wrote it, for which schema version, and how many rows each
 * table holds, so a restore can tell a cut-off file from a complete one before writing anything.
 */
export const BackupEnvelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().min(1),
  exportedAt: Timestamp,
  /** The profile that wrote it, for the restore summary. */
  exportedBy: z.string().max(200).default(''),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  tables: z.record(z.string(), z.array(z.unknown())),
});
export type BackupEnvelope = z.infer<typeof BackupEnvelopeSchema>;

/** A backup of the current schema version, every row checked. */
export interface Backup {
  schemaVersion: typeof BACKUP_SCHEMA_VERSION;
  exportedAt: number;
  exportedBy: string;
  /** The version the file was written with; lower than the current one when it was migrated. */
  migratedFrom: number;
  tables: BackupTables;
}

