/**
 * The shared shape of the KPI and ticket-list imports: columns recognised by name (with the names
 * helpdesks use), each row checked with zod, one record per key; the first row with a key wins and
 * later ones are refused as duplicates.
 */
import type { z } from 'zod';
import { describeIssues } from '../schemas/describe-issues';
import { cellsByField, emptyPreview, mapColumns, type ColumnMap, type FieldSpec, type ImportPreview, type RejectedRow } from './import-preview';

/** One kind of row import; `check` turns one parsed row into a record (or says why it cannot). */
export interface TableSpec<Row, Out> {
  fields: readonly FieldSpec[];
  row: z.ZodType<Row, Record<string, string>>;
  /** The record, or the reason the row is refused. */
  check: (row: Row) => Out | string;
  /** Two rows with the same key describe the same record. */
  key: (out: Out) => string;
  describe: (key: string) => string;
}

export class TableImport<Row, Out> {
  private header: string[] = [];
  private columns: ColumnMap;
  private readonly accepted = new Map<string, { out: Out; line: number }>();
  private readonly rejected: RejectedRow[] = [];
  private rows = 0;

  constructor(private readonly spec: TableSpec<Row, Out>) {
    this.columns = mapColumns([], spec.fields);
  }

  start(header: string[]): string {
    this.header = header;
    this.columns = mapColumns(header, this.spec.fields);
    return this.columns.error;
  }

  add(cells: string[], line: number): void {
    this.rows += 1;
    const fields = cellsByField(cells, this.header, this.columns);
    if (typeof fields === 'string') return void this.rejected.push({ line, reason: fields });
    const parsed = this.spec.row.safeParse(fields);
    if (!parsed.success) return void this.rejected.push({ line, reason: describeIssues(parsed.error, 'row') });
    const out = this.spec.check(parsed.data);
    if (typeof out === 'string') return void this.rejected.push({ line, reason: out });
    const key = this.spec.key(out);
    const earlier = this.accepted.get(key);
    if (earlier) return void this.rejected.push({ line, reason: `duplicate ${this.spec.describe(key)}: already on line ${earlier.line}` });
    this.accepted.set(key, { out, line });
  }

  finish(): ImportPreview<Out> {
    return {
      ...emptyPreview<Out>('', this.columns.mapping),
      accepted: [...this.accepted.values()].map((a) => a.out),
      rejected: this.rejected,
      rows: this.rows,
    };
  }
}
