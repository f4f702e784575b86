/**
 * What every import shows before anything is written: how the file's columns map onto QA Lens
 * fields, the records it would add, and every row it refuses with its line and the reason.
 */
export interface ColumnMapping {
  /** The column as the file names it. */
  column: string;
  /** The QA Lens field it fills; null when the column is ignored. */
  field: string | null;
}

export interface RejectedRow {
  line: number;
  reason: string;
}

export interface ImportPreview<T> {
  /** Why the whole file is refused (empty, binary, columns missing); '' when rows were read. */
  fileError: string;
  mapping: ColumnMapping[];
  /** What confirming would write. */
  accepted: T[];
  rejected: RejectedRow[];
  /** Data rows read, blank lines not counted. */
  rows: number;
}

/** An import is all or nothing: it can be confirmed only when every row is good. */
export const canConfirm = (preview: ImportPreview<unknown>): boolean =>
  preview.fileError === '' && preview.rejected.length === 0 && preview.accepted.length > 0;

export interface FieldSpec {
  field: string;
  /** Column names this field is recognised by, compared after `normaliseColumn`. */
  aliases: readonly string[];
  required: boolean;
}

/** "Ticket ID", "ticket-id" and "ticket_id" all read as `ticket_id`. */
export const normaliseColumn = (column: string): string =>
  column
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');

export interface ColumnMap {
  mapping: ColumnMapping[];
  /** Index of each mapped field's column. */
  index: Map<string, number>;
  /** Why the header cannot be used; '' when it can. */
  error: string;
}

/** Matches the header against the fields; a field named twice, or a required one missing, refuses the file. */
export function mapColumns(header: readonly string[], specs: readonly FieldSpec[]): ColumnMap {
  const index = new Map<string, number>();
  const twice: string[] = [];
  const mapping = header.map((column, i) => {
    const name = normaliseColumn(column);
    const spec = specs.find((s) => s.field === name || s.aliases.includes(name));
    if (!spec) return { column, field: null };
    if (index.has(spec.field)) twice.push(column);
    else index.set(spec.field, i);
    return { column, field: spec.field };
  });
  const missing = specs.filter((s) => s.required && !index.has(s.field)).map((s) => s.field);
  const problems = [
    missing.length ? `The file lacks the column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}.` : '',
    twice.length ? `These columns repeat a field already given: ${twice.join(', ')}.` : '',
  ].filter(Boolean);
  return { mapping, index, error: problems.join(' ') };
}

/** The mapped cells of one record by field, or why the record has the wrong shape. */
export function cellsByField(cells: readonly string[], header: readonly string[], columns: ColumnMap): Record<string, string> | string {
  if (cells.length !== header.length) {
    return `The row has ${cells.length} cell${cells.length === 1 ? '' : 's'}; the header has ${header.length}.`;
  }
  const record: Record<string, string> = {};
  for (const [field, i] of columns.index) record[field] = cells[i] ?? '';
  return record;
}

export const emptyPreview = <T>(fileError: string, mapping: ColumnMapping[] = []): ImportPreview<T> => ({
  fileError,
  mapping,
  accepted: [],
  rejected: [],
  rows: 0,
});
