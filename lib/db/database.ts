import { Dexie, type EntityTable, type Table } from 'dexie';
import type {
  Acknowledgement,
  AuditEntry,
  CalibrationSession,
  CoachingPlan,
  Dispute,
  Evaluation,
  ImportedTicket,
  KpiRecord,
  Member,
  MonitoringPlan,
  Reminder,
  Sample,
  Scorecard,
  SeenTicket,
  TicketSnapshot,
} from '../schemas';
import { createTables } from './migrations/001-create-tables';
import { indexEvaluationsBySubmission } from './migrations/002-index-evaluations-by-submission';
import { addFeedbackCoachingAndKpis } from './migrations/003-add-feedback-coaching-and-kpis';
import { addSyncOutbox } from './migrations/004-add-sync-outbox';
import { addAuditLogAndRedactStored } from './migrations/005-add-audit-log-and-redact-stored';
import { addMonitoringAndCalibration } from './migrations/006-add-monitoring-and-calibration';
import { addReportDays } from './migrations/007-add-report-days';
import { addRestoreStage } from './migrations/008-add-restore-stage';
import { addErasureList } from './migrations/009-add-erasure-list';
import { splitReportDayIds } from './migrations/010-split-report-day-ids';
import type { OutboxEntry } from './changes';
import type { SyncStateRow } from './sync-state';
import type { ReportDay, ReportDayIds } from '../reports/report-days';
import type { ReportBuildRow } from './report-rows';
import type { StagedRow } from './backup';
import type { ErasureRow } from '../privacy/erasure-list';

export const DATABASE_NAME = 'qa-lens';

/** Every schema version in order. A new version is a new numbered file in ./migrations. */
export const MIGRATIONS = [createTables, indexEvaluationsBySubmission, addFeedbackCoachingAndKpis, addSyncOutbox, addAuditLogAndRedactStored, addMonitoringAndCalibration, addReportDays, addRestoreStage, addErasureList, splitReportDayIds] as const;
export const SCHEMA_VERSION = MIGRATIONS.length;

export type { TicketSnapshot };

export interface SettingRow {
  key: string;
  value: unknown;
}

/**
 * The extension's own database. It lives in the extension origin: only extension pages and the
 * background worker open it, never a content script (IndexedDB there belongs to the helpdesk).
 */
export class QaLensDatabase extends Dexie {
  scorecards!: Table<Scorecard, [string, number]>;
  tickets!: EntityTable<TicketSnapshot, 'key'>;
  evaluations!: EntityTable<Evaluation, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  acknowledgements!: EntityTable<Acknowledgement, 'id'>;
  disputes!: EntityTable<Dispute, 'id'>;
  coachingPlans!: EntityTable<CoachingPlan, 'id'>;
  kpis!: EntityTable<KpiRecord, 'id'>;
  importedTickets!: EntityTable<ImportedTicket, 'key'>;
  reminders!: EntityTable<Reminder, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'mutationId'>;
  syncState!: Table<SyncStateRow, string>;
  members!: EntityTable<Member, 'id'>;
  auditLog!: EntityTable<AuditEntry, 'id'>;
  monitoringPlans!: EntityTable<MonitoringPlan, 'id'>;
  samples!: EntityTable<Sample, 'id'>;
  calibrationSessions!: EntityTable<CalibrationSession, 'id'>;
  seenTickets!: EntityTable<SeenTicket, 'key'>;
  reportDays!: EntityTable<ReportDay, 'day'>;
  reportDayIds!: EntityTable<ReportDayIds, 'day'>;
  reportState!: EntityTable<ReportBuildRow, 'key'>;
  restoreStage!: Table<StagedRow, [string, number]>;
  erasures!: EntityTable<ErasureRow, 'ref'>;

  constructor(name = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const migrate of MIGRATIONS) migrate(this);
  }
}

let shared: QaLensDatabase | undefined;

/** The page's one connection, opened lazily. */
export function openDatabase(): QaLensDatabase {
  shared ??= new QaLensDatabase();
  return shared;
}
