/**
 * Reads a backup file and checks all of it before anything is restored: the envelope, the schema
 * version (newer ones are refused, older ones migrated), the row counts and every row. The file is
 * read as it arrives (`BackupReader`), so a backup of any size is checked holding one row at a time.
 */
import {
  BACKUP_FORMAT,
  BACKUP_SCHEMA_VERSION,
  BACKUP_TABLES,
  BackupEnvelopeSchema,
  BackupTablesSchema,
  type Backup,
  type BackupEnvelope,
  type BackupTable,
  type BackupTables,
} from '../schemas';
import { JsonRowsScanner, JsonSyntaxError, type JsonRowsEvent } from './json-rows-stream';

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
  // 7 → 8: the restore stage is a restore's own scratch space, never backed up; the backed-up
  // tables did not change.
  () => {},
  // 8 → 9: the erasure list is this browser's own, never backed up (a restore must not shrink it);
  // the backed-up tables did not change.
  () => {},
  // 9 → 10: report days changed layout and gained `reportDayIds`, derived and never backed up; the
  // backed-up tables did not change.
  () => {},
];

const MAX_ERRORS = 20;

/** What a checked backup says of itself; its rows went to whoever read them (`BackupReader`). */
export interface BackupHeader {
  schemaVersion: typeof BACKUP_SCHEMA_VERSION;
  exportedAt: number;
  exportedBy: string;
  /** The version the file was written with; lower than the current one when it was migrated. */
  migratedFrom: number;
  /** The rows of each table, as restored. */
  counts: Record<BackupTable, number>;
}

export type BackupCheck = { ok: true; header: BackupHeader } | { ok: false; errors: string[] };

/** A row of the current schema, checked. */
export interface CheckedRow {
  table: BackupTable;
  row: unknown;
}

const HeaderSchema = BackupEnvelopeSchema.omit({ tables: true });
const ROW_SCHEMAS = BackupTablesSchema.shape;
const isBackupTable = (name: string): name is BackupTable => Object.hasOwn(ROW_SCHEMAS, name);

const NOT_OURS = 'This is not a QA Lens backup file. Nothing was restored.';
const NOT_JSON = 'The file is not complete JSON, so it is not a whole QA Lens backup (it may have been cut off while saving). Nothing was restored.';

/**
 * Reads a backup file as it arrives, piece by piece, and checks all of it: the envelope, the schema
 * version (newer ones are refused, older ones migrated row by row), the row counts and every row.
 * `push` hands back each row once it is checked, so a caller can stage rows without holding the
 * file; nothing may be restored unless `end` says the whole file is sound. A file written by QA
 * Lens has its envelope before its tables; one whose tables come first is read all the same, its
 * rows held until the envelope is known.
 */
export class BackupReader {
  private readonly scanner = new JsonRowsScanner('tables');
  private readonly fields: Record<string, unknown> = {};
  /** How many rows each table of the file holds, whatever they are. */
  private readonly seen = new Map<string, number>();
  private readonly kept = Object.fromEntries(BACKUP_TABLES.map((name) => [name, 0])) as Record<BackupTable, number>;
  private tables: 'absent' | 'rows' | { bad: unknown } = 'absent';
  private document: { value: unknown } | undefined;
  /** Rows that came before an envelope that can be trusted: checked at the end. */
  private deferred: { group: string; index: number; value: unknown }[] = [];
  private fromVersion: number | undefined;
  private notJson = false;
  private readonly errors: string[] = [];
  private problems = 0;

  /** Feeds the next piece of the file; returns the rows it completed and checked. */
  push(text: string): CheckedRow[] {
    if (this.notJson) return [];
    try {
      return this.handle(this.scanner.push(text));
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      this.notJson = true;
      return [];
    }
  }

  /** The end of the file: the verdict on all of it, and any rows that were still held. */
  end(): { check: BackupCheck; rows: CheckedRow[] } {
    let rows: CheckedRow[] = [];
    if (!this.notJson) {
      try {
        rows = this.handle(this.scanner.end());
      } catch (error) {
        if (!(error instanceof JsonSyntaxError)) throw error;
        this.notJson = true;
      }
    }
    if (this.notJson) return refused(NOT_JSON);
    if (this.document) return refused(NOT_OURS);
    const envelope = BackupEnvelopeSchema.safeParse({ ...this.fields, tables: this.tables === 'absent' ? undefined : this.tables === 'rows' ? {} : this.tables.bad });
    if (!envelope.success) {
      return refused(this.fields.format === BACKUP_FORMAT ? 'The backup file is damaged: its envelope is incomplete. Nothing was restored.' : NOT_OURS);
    }
    const { schemaVersion, counts, exportedAt, exportedBy } = envelope.data;
    if (schemaVersion > BACKUP_SCHEMA_VERSION) return refused(newerVersion(schemaVersion));
    const countErrors = Object.entries(counts)
      .filter(([table, count]) => (this.seen.get(table) ?? 0) !== count)
      .map(([table, count]) => `The backup is incomplete: it lists ${count} ${table} but holds ${this.seen.get(table) ?? 0}. Nothing was restored.`);
    if (countErrors.length) return { check: { ok: false, errors: countErrors }, rows: [] };
    this.fromVersion = schemaVersion;
    for (const { group, index, value } of this.deferred) this.check(group, index, value, rows);
    this.deferred = [];
    if (this.errors.length) {
      const more = this.problems - this.errors.length;
      return { check: { ok: false, errors: more > 0 ? [...this.errors, `…and ${more} more problems.`] : this.errors }, rows: [] };
    }
    return { check: { ok: true, header: { schemaVersion: BACKUP_SCHEMA_VERSION, exportedAt, exportedBy, migratedFrom: schemaVersion, counts: { ...this.kept } } }, rows };
  }

  private handle(events: JsonRowsEvent[]): CheckedRow[] {
    const rows: CheckedRow[] = [];
    for (const event of events) {
      if (event.type === 'field') {
        if (event.key === 'tables') this.tables = { bad: event.value };
        else this.fields[event.key] = event.value;
      } else if (event.type === 'group') this.tables = { bad: { [event.group]: event.value } };
      else if (event.type === 'document') this.document = { value: event.value };
      else {
        if (this.tables === 'absent') this.tables = 'rows';
        const index = this.seen.get(event.group) ?? 0;
        this.seen.set(event.group, index + 1);
        if (this.fromVersion === undefined) this.fromVersion = this.trustedVersion();
        if (this.fromVersion === undefined) this.deferred.push({ group: event.group, index, value: event.value });
        else this.check(event.group, index, event.value, rows);
      }
    }
    return rows;
  }

  /** The version to migrate rows from, once the envelope read so far is whole and not too new. */
  private trustedVersion(): number | undefined {
    const header = HeaderSchema.safeParse(this.fields);
    return header.success && header.data.schemaVersion <= BACKUP_SCHEMA_VERSION ? header.data.schemaVersion : undefined;
  }

  /** Migrates and checks one row; a sound one joins `rows` while the file has shown no problem. */
  private check(group: string, index: number, value: unknown, rows: CheckedRow[]): void {
    if (!isBackupTable(group)) return;
    const tables: Rows = { [group]: [value] };
    for (let version = this.fromVersion!; version < BACKUP_SCHEMA_VERSION; version++) UPGRADES[version - 1]!(tables);
    const parsed = ROW_SCHEMAS[group].element.safeParse(tables[group]![0]);
    if (!parsed.success) {
      this.problems += parsed.error.issues.length;
      for (const issue of parsed.error.issues) {
        if (this.errors.length === MAX_ERRORS) break;
        this.errors.push(`${group} row ${index + 1}${issue.path.length ? ` (${issue.path.join('.')})` : ''}: ${issue.message}`);
      }
      return;
    }
    this.kept[group]++;
    if (this.errors.length === 0) rows.push({ table: group, row: parsed.data });
  }
}

const refused = (error: string): { check: BackupCheck; rows: CheckedRow[] } => ({ check: { ok: false, errors: [error] }, rows: [] });

const newerVersion = (version: number) =>
  `This backup was made by a newer QA Lens (database schema version ${version}); this one restores backups up to version ${BACKUP_SCHEMA_VERSION}. Update QA Lens, then restore it. Nothing was restored.`;

/** Reads a whole backup file held as text (tests, small files): the same checks as `BackupReader`. */
export function readBackup(text: string): BackupReadResult {
  const reader = new BackupReader();
  const tables = Object.fromEntries(BACKUP_TABLES.map((name) => [name, [] as unknown[]])) as Record<BackupTable, unknown[]>;
  const keep = (rows: CheckedRow[]) => rows.forEach(({ table, row }) => tables[table].push(row));
  keep(reader.push(text));
  const { check, rows } = reader.end();
  if (!check.ok) return check;
  keep(rows);
  const { schemaVersion, exportedAt, exportedBy, migratedFrom } = check.header;
  return { ok: true, backup: { schemaVersion, exportedAt, exportedBy, migratedFrom, tables: tables as BackupTables } };
}

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
