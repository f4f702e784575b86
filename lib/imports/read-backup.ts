/**
 * Reads a backup file and checks all of it before anything is restored: the envelope, the schema
 * version (newer ones are refused, older ones migrated), the row counts and every row.
 */
import {
  BACKUP_FORMAT,
  BACKUP_SCHEMA_VERSION,
  BACKUP_TABLES,
  BackupEnvelopeSchema,
  BackupTablesSchema,
  type Backup,
  type BackupEnvelope,
  type BackupTables,
} from '../schemas';

export type BackupReadResult = { ok: true; backup: Backup } | { ok: false; errors: string[] };

type Rows = Record<string, unknown[]>;
type Row = Record<string, unknown>;

/**
 * Steps that bring an older backup's rows up to the next schema version, as the database
 * migrations in lib/db/migrations do for stored rows. Index `n` upgrades version n+1 to n+2.
 */
const UPGRADES: ((tables: Rows) => void)[] = [
  // 1 → 2: evaluations gained `submittedAt`; version 1 rows were submitted at their last update.
  (tables) => {
    for (const row of (tables.evaluations ?? []) as Row[]) row.submittedAt ??= row.status === 'draft' ? null : row.updatedAt;
  },
  // 2 → 3: feedback, coaching and KPI tables appeared (absent means empty); evaluations gained
  // review deadlines and history, answers evidence and root causes.
  (tables) => {
    for (const row of (tables.evaluations ?? []) as Row[]) {
      row.kind ??= 'review';
      row.acknowledgeBy ??= null;
      row.history ??= [];
      for (const answer of Object.values((row.answers ?? {}) as Record<string, Row>)) {
        answer.evidence ??= [];
        answer.rootCauses ??= [];
      }
    }
  },
  // 3 → 4: team sync's tables (outbox, sync state, members) are this browser's own and never
  // backed up; the backed-up tables did not change.
  () => {},
  // 4 → 5: the audit log is never backed up (a restore must not rewrite it), and rows kept their
  // shape; their text is redacted on restore, as every restored row is (lib/db/backup.ts).
  () => {},
  // 5 → 6: monitoring plans, samples, calibration sessions and seen tickets appeared (absent
  // means empty); imported tickets gained complexity, reopened and complaint.
  (tables) => {
    for (const row of (tables.importedTickets ?? []) as Row[]) {
      row.complexity ??= null;
      row.reopened ??= null;
      row.complaint ??= null;
    }
  },
  // 6 → 7: report rows are derived from the evaluations and rebuilt from them, never backed up;
  // the backed-up tables did not change.
  () => {},
];

const MAX_ERRORS = 20;

export function readBackup(text: string): BackupReadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse('The file is not complete JSON, so it is not a whole QA Lens backup (it may have been cut off while saving). Nothing was restored.');
  }
  const envelope = BackupEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    const isOurs = typeof json === 'object' && json !== null && (json as Row).format === BACKUP_FORMAT;
    return refuse(isOurs ? 'The backup file is damaged: its envelope is incomplete. Nothing was restored.' : 'This is not a QA Lens backup file. Nothing was restored.');
  }
  const { schemaVersion } = envelope.data;
  if (schemaVersion > BACKUP_SCHEMA_VERSION) {
    return refuse(
      `This backup was made by a newer QA Lens (database schema version ${schemaVersion}); this one restores backups up to version ${BACKUP_SCHEMA_VERSION}. Update QA Lens, then restore it. Nothing was restored.`,
    );
  }
  const countErrors = checkCounts(envelope.data);
  if (countErrors.length) return { ok: false, errors: countErrors };

  const tables: Rows = structuredClone(envelope.data.tables);
  for (let version = schemaVersion; version < BACKUP_SCHEMA_VERSION; version++) UPGRADES[version - 1]!(tables);
  const complete = Object.fromEntries(BACKUP_TABLES.map((name) => [name, tables[name] ?? []]));

  const parsed = BackupTablesSchema.safeParse(complete);
  if (!parsed.success) {
    const errors = parsed.error.issues.slice(0, MAX_ERRORS).map((issue) => {
      const [table, index, ...path] = issue.path;
      return `${String(table)} row ${Number(index) + 1}${path.length ? ` (${path.join('.')})` : ''}: ${issue.message}`;
    });
    const more = parsed.error.issues.length - errors.length;
    return { ok: false, errors: more > 0 ? [...errors, `…and ${more} more problems.`] : errors };
  }
  return {
    ok: true,
    backup: {
      schemaVersion: BACKUP_SCHEMA_VERSION,
      exportedAt: envelope.data.exportedAt,
      exportedBy: envelope.data.exportedBy,
      migratedFrom: schemaVersion,
      tables: parsed.data,
    },
  };
}

/** A table whose rows do not number what the envelope says was cut short or edited. */
function checkCounts(envelope: BackupEnvelope): string[] {
  return Object.entries(envelope.counts)
    .filter(([table, count]) => (envelope.tables[table]?.length ?? 0) !== count)
    .map(([table, count]) => `The backup is incomplete: it lists ${count} ${table} but holds ${envelope.tables[table]?.length ?? 0}. Nothing was restored.`);
}

const refuse = (error: string): BackupReadResult => ({ ok: false, errors: [error] });

/** The envelope of a backup of these tables. */
export function backupEnvelope(tables: BackupTables, exportedAt: number, exportedBy: string): BackupEnvelope {
  return {
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    exportedAt,
    exportedBy,
    counts: Object.fromEntries(BACKUP_TABLES.map((name) => [name, tables[name].length])),
    tables,
  };
}
