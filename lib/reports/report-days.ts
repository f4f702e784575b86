/**
 * How report rows are stored: one record per day of submissions, not one per evaluation.
 *
 * Measured in Chromium (docs/benchmarks.md, dashboard-report): reading 100k IndexedDB records costs
 * over a second however small each record is (the per-record cost dominates), while the same rows
 * in a few hundred records read in a fraction of that. Inside a record the rows are stored by
 * column, and every column is a typed array: the browser's structured clone copies a typed array
 * (and one long string) whole, where a list of strings costs it one object per entry, so a record of
 * typed arrays reads about twice as fast as the same record with a list of strings per column. So
 * every string of the day (ids, names, ticket keys, subjects) is kept once in one string table, and
 * columns of strings hold indexes into it; numbers sit in Float64Arrays; each row's answers are
 * codes in one Uint16Array into the day's list of distinct answers (criterion, option, N/A, root
 * causes, automatic proposal): a day of a 20-criterion scorecard has a few dozen, shared by every row.
 * Which day holds an evaluation is kept apart (`ReportDayIds`), since only writes look it up.
 */
import type { ReportAnswer, ReportAnswers, ReportAuto, ReportRow } from './report-row';

/**
 * The layout version of stored days. Bump it when `REPORT_ROW_FIELDS` or `toReportRow` change:
 * the database then rebuilds every day from the evaluations (lib/db/report-rows.ts).
 * 3: every column a typed array, one string table per day (migration 010).
 */
export const REPORT_ROWS_VERSION = 3;

/**
 * Whether the stored build state (`reportState` row 'rows') says every day is built in this layout.
 * Shared by the Dexie read and the dashboard's bare early read, which must agree on it.
 */
export const reportRowsBuilt = (state: { version?: number; upTo?: number | null } | undefined): boolean =>
  state?.version === REPORT_ROWS_VERSION && state.upTo === null;

/**
 * How each stored field is kept: `text` and `name` as indexes into the day's string table (`name`
 * for values that repeat, read through a cache of the day's strings), `number` in a Float64Array
 * (NaN for null), `flag` in an Int8Array (-1 for null), `list` (a short list of names, such as
 * Spotlight flags) as the names joined by commas.
 */
export const REPORT_ROW_FIELDS = {
  submittedAt: 'number',
  kind: 'name',
  status: 'name',
  agent: 'name',
  channel: 'name',
  helpdesk: 'name',
  ticketKey: 'text',
  ticketId: 'text',
  subject: 'text',
  spotlight: 'list',
  reviewer: 'name',
  scorecardId: 'name',
  scorecardVersion: 'number',
  score: 'number',
  passed: 'flag',
  reviewSeconds: 'number',
} as const satisfies Record<Exclude<keyof ReportRow, 'id' | 'answers'>, 'text' | 'name' | 'number' | 'flag' | 'list'>;

type Field = keyof typeof REPORT_ROW_FIELDS;

/** An automatic proposal as stored: check, outcome, whether the reviewer changed it. */
type StoredAuto = [check: ReportAuto['check'], outcome: ReportAuto['outcome'], changed: boolean];

/**
 * A distinct answer as stored: criterion id, option id (null when none), N/A, root causes, automatic
 * proposal (null when none). Stored as JSON, so what JSON has no value for (undefined) is null.
 */
type StoredAnswer = [criterionId: string, optionId: string | null, na: boolean | null, rootCauses: string[], auto: StoredAuto | null];

type Indexes = Uint16Array | Uint32Array;
type Column = Indexes | Float64Array | Int8Array;

export interface ReportDay {
  /** UTC day number, `floor(submittedAt / 86_400_000)`: a storage partition only; reports use local days. */
  day: number;
  version: number;
  /** Every distinct string of the day, one after another; string k ends at `ends[k]`. */
  text: string;
  ends: Uint32Array;
  /** The evaluations' ids (indexes into the string table), oldest first; every column is row for row with it. */
  ids: Indexes;
  /** Every other field by column (see REPORT_ROW_FIELDS). */
  columns: Record<Field, Column>;
  /** Every row's answer codes, row after row: row i's are `codes[starts[i]]` up to `codes[starts[i + 1]]`. */
  codes: Uint16Array;
  starts: Uint32Array;
  /** The day's distinct answers, as JSON (read once per day, so no object per answer is stored). */
  answers: string;
}

/** Which evaluations a stored day holds: indexed (`*ids`), so a write finds the day an evaluation was in. */
export interface ReportDayIds {
  day: number;
  ids: string[];
}

export const DAY_MS = 86_400_000;

export const dayOf = (submittedAt: number) => Math.floor(submittedAt / DAY_MS);

/**
 * Codes below 0x8000 take one unit; larger ones two (the high bit marks the first), so a day
 * can hold any number of distinct answers.
 */
function appendCode(codes: number[], code: number): void {
  if (code < 0x8000) codes.push(code);
  else codes.push(0x8000 | (code >>> 15), code & 0x7fff);
}

const byTimeThenId = (a: ReportRow, b: ReportRow) => a.submittedAt - b.submittedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The day's string table as it is filled: each distinct string once, in first-seen order. */
class StringTable {
  private readonly indexOf = new Map<string, number>();
  private readonly strings: string[] = [];

  add(value: string): number {
    let index = this.indexOf.get(value);
    if (index === undefined) {
      index = this.strings.length;
      this.indexOf.set(value, index);
      this.strings.push(value);
    }
    return index;
  }

  stored(): { text: string; ends: Uint32Array } {
    const ends = new Uint32Array(this.strings.length);
    let end = 0;
    this.strings.forEach((value, i) => (ends[i] = end += value.length));
    return { text: this.strings.join(''), ends };
  }

  get size(): number {
    return this.strings.length;
  }
}

/** Indexes into a string table of `size` strings, in the narrowest array that holds them. */
const indexes = (size: number, values: readonly number[]): Indexes => (size <= 0x10000 ? Uint16Array.from(values) : Uint32Array.from(values));

function encodeColumn(kind: (typeof REPORT_ROW_FIELDS)[Field], values: unknown[], table: StringTable): Column | number[] {
  switch (kind) {
    case 'text':
    case 'name':
      return values.map((value) => table.add(value as string));
    case 'list':
      return values.map((value) => table.add((value as readonly string[]).join(',')));
    case 'number':
      return Float64Array.from(values, (value) => (value === null ? NaN : (value as number)));
    case 'flag':
      return Int8Array.from(values, (value) => (value === null ? -1 : value ? 1 : 0));
  }
}

/** One day's rows as stored, oldest first (so a read of the days in key order is in date order). */
export function encodeDay(day: number, rows: readonly ReportRow[]): ReportDay {
  const sorted = [...rows].sort(byTimeThenId);
  const answers: StoredAnswer[] = [];
  const codeOf = new Map<string, number>();
  const codes: number[] = [];
  const starts = new Uint32Array(sorted.length + 1);
  sorted.forEach((row, i) => {
    starts[i] = codes.length;
    row.answers.forEach((answer, criterionId) => {
      const { auto } = answer;
      const entry: StoredAnswer = [criterionId, answer.optionId ?? null, answer.na ?? null, [...answer.rootCauses], auto ? [auto.check, auto.outcome, auto.changed] : null];
      const key = JSON.stringify(entry);
      let code = codeOf.get(key);
      if (code === undefined) {
        code = answers.length;
        codeOf.set(key, code);
        answers.push(entry);
      }
      appendCode(codes, code);
    });
  });
  starts[sorted.length] = codes.length;
  const table = new StringTable();
  const ids = sorted.map((row) => table.add(row.id));
  const encoded = (Object.keys(REPORT_ROW_FIELDS) as Field[]).map((field) => [field, encodeColumn(REPORT_ROW_FIELDS[field], sorted.map((row) => row[field]), table)] as const);
  // The table is complete only once every column is in it: only then is the width of its indexes known.
  const columns = Object.fromEntries(encoded.map(([field, column]) => [field, Array.isArray(column) ? indexes(table.size, column) : column])) as Record<Field, Column>;
  return { day, version: REPORT_ROWS_VERSION, ...table.stored(), ids: indexes(table.size, ids), columns, codes: Uint16Array.from(codes), starts, answers: JSON.stringify(answers) };
}

/** The ids a stored day holds, for the index writes look evaluations up in. */
export function dayIds(day: ReportDay): ReportDayIds {
  const strings = new DayStrings(day.text, day.ends);
  return { day: day.day, ids: Array.from(day.ids, (k) => strings.at(k)) };
}

/** A day's string table as rows read it: each string cut out of the text once, when first asked for. */
class DayStrings {
  private readonly cut: (string | undefined)[];

  constructor(
    private readonly text: string,
    private readonly ends: Uint32Array,
  ) {
    this.cut = new Array<string | undefined>(ends.length);
  }

  at(k: number): string {
    return (this.cut[k] ??= this.text.slice(k === 0 ? 0 : this.ends[k - 1], this.ends[k]));
  }
}

/** One distinct answer of a day, decoded once and shared by every row that gave it. */
interface DayAnswer {
  criterionId: string;
  answer: ReportAnswer;
}

/** A stored row's answers, read from its codes when a report asks for them. */
class CodedAnswers implements ReportAnswers {
  /** Where the next lookup starts: reports ask criterion by criterion in scorecard order, the order answers are stored in. */
  private next: number;

  constructor(
    private readonly codes: Uint16Array,
    /** The row's codes are `codes[start]` up to `codes[end]`. */
    private readonly start: number,
    private readonly end: number,
    private readonly day: readonly DayAnswer[],
    /** Every code is one unit: true for any day with fewer than 32,768 distinct answers. */
    private readonly direct: boolean,
  ) {
    this.next = start;
  }

  private entries(): DayAnswer[] {
    const entries: DayAnswer[] = [];
    for (let i = this.start; i < this.end; i++) {
      let code = this.codes[i]!;
      if (code >= 0x8000) code = ((code & 0x7fff) << 15) | this.codes[++i]!;
      entries.push(this.day[code]!);
    }
    return entries;
  }

  get(criterionId: string): ReportAnswer | undefined {
    const { codes, day, start, end } = this;
    if (this.direct) {
      for (let n = start, i = this.next; n < end; n++, i = i + 1 === end ? start : i + 1) {
        const entry = day[codes[i]!]!;
        if (entry.criterionId === criterionId) {
          this.next = i + 1 === end ? start : i + 1;
          return entry.answer;
        }
      }
      return undefined;
    }
    return this.entries().find((e) => e.criterionId === criterionId)?.answer;
  }

  forEach(visit: (answer: ReportAnswer, criterionId: string) => void): void {
    for (const entry of this.entries()) visit(entry.answer, entry.criterionId);
  }
}

const NO_NAMES: readonly string[] = Object.freeze([]);

/** A day's columns as a row reads them, with the day's strings and distinct answers decoded once for all its rows. */
class DayColumns {
  readonly strings: DayStrings;
  readonly ids: Indexes;
  readonly submittedAt: Float64Array;
  readonly kind: Indexes;
  readonly status: Indexes;
  readonly agent: Indexes;
  readonly channel: Indexes;
  readonly helpdesk: Indexes;
  readonly ticketKey: Indexes;
  readonly ticketId: Indexes;
  readonly subject: Indexes;
  readonly spotlightAt: Indexes;
  readonly reviewer: Indexes;
  readonly scorecardId: Indexes;
  readonly scorecardVersion: Float64Array;
  readonly score: Float64Array;
  readonly passed: Int8Array;
  readonly reviewSeconds: Float64Array;
  readonly codes: Uint16Array;
  readonly starts: Uint32Array;
  readonly answers: readonly DayAnswer[];
  /** Every code is one unit: true for any day with fewer than 32,768 distinct answers. */
  readonly direct: boolean;
  /** Each distinct list of Spotlight flags split once and shared, frozen, by every row that has it. */
  private readonly spotlightLists = new Map<number, readonly string[]>();

  constructor(stored: ReportDay) {
    const c = stored.columns;
    this.strings = new DayStrings(stored.text, stored.ends);
    this.ids = stored.ids;
    this.submittedAt = c.submittedAt as Float64Array;
    this.kind = c.kind as Indexes;
    this.status = c.status as Indexes;
    this.agent = c.agent as Indexes;
    this.channel = c.channel as Indexes;
    this.helpdesk = c.helpdesk as Indexes;
    this.ticketKey = c.ticketKey as Indexes;
    this.ticketId = c.ticketId as Indexes;
    this.subject = c.subject as Indexes;
    this.spotlightAt = c.spotlight as Indexes;
    this.reviewer = c.reviewer as Indexes;
    this.scorecardId = c.scorecardId as Indexes;
    this.scorecardVersion = c.scorecardVersion as Float64Array;
    this.score = c.score as Float64Array;
    this.passed = c.passed as Int8Array;
    this.reviewSeconds = c.reviewSeconds as Float64Array;
    this.codes = stored.codes;
    this.starts = stored.starts;
    this.answers = (JSON.parse(stored.answers) as StoredAnswer[]).map(([criterionId, optionId, na, rootCauses, auto]): DayAnswer => {
      const answer = { optionId: optionId ?? undefined, na: na ?? (undefined as unknown as boolean), rootCauses: Object.freeze(rootCauses) as string[] };
      return { criterionId, answer: Object.freeze(auto ? { ...answer, auto: Object.freeze({ check: auto[0], outcome: auto[1], changed: auto[2] }) } : answer) };
    });
    this.direct = this.answers.length <= 0x8000;
  }

  spotlight(i: number): readonly string[] {
    const k = this.spotlightAt[i]!;
    let list = this.spotlightLists.get(k);
    if (!list) {
      const joined = this.strings.at(k);
      list = joined === '' ? NO_NAMES : Object.freeze(joined.split(','));
      this.spotlightLists.set(k, list);
    }
    return list;
  }
}

/**
 * A stored row: its fields are read from the day's columns when a report asks for them. Building a
 * literal of 18 fields for each of 100k rows was most of the dashboard's read; a row of two
 * references is a small fraction of it, and a report reads only the fields it needs.
 */
class StoredRow implements ReportRow {
  private coded: CodedAnswers | undefined = undefined;

  constructor(
    private readonly day: DayColumns,
    private readonly i: number,
  ) {}

  get id(): string {
    return this.day.strings.at(this.day.ids[this.i]!);
  }
  get submittedAt(): number {
    return this.day.submittedAt[this.i]!;
  }
  get kind(): ReportRow['kind'] {
    return this.day.strings.at(this.day.kind[this.i]!) as ReportRow['kind'];
  }
  get status(): ReportRow['status'] {
    return this.day.strings.at(this.day.status[this.i]!) as ReportRow['status'];
  }
  get agent(): string {
    return this.day.strings.at(this.day.agent[this.i]!);
  }
  get channel(): ReportRow['channel'] {
    return this.day.strings.at(this.day.channel[this.i]!) as ReportRow['channel'];
  }
  get helpdesk(): string {
    return this.day.strings.at(this.day.helpdesk[this.i]!);
  }
  get ticketKey(): string {
    return this.day.strings.at(this.day.ticketKey[this.i]!);
  }
  get ticketId(): string {
    return this.day.strings.at(this.day.ticketId[this.i]!);
  }
  get subject(): string {
    return this.day.strings.at(this.day.subject[this.i]!);
  }
  get spotlight(): ReportRow['spotlight'] {
    return this.day.spotlight(this.i) as ReportRow['spotlight'];
  }
  get reviewer(): string {
    return this.day.strings.at(this.day.reviewer[this.i]!);
  }
  get scorecardId(): string {
    return this.day.strings.at(this.day.scorecardId[this.i]!);
  }
  get scorecardVersion(): number {
    return this.day.scorecardVersion[this.i]!;
  }
  get score(): number | null {
    const score = this.day.score[this.i]!;
    return Number.isNaN(score) ? null : score;
  }
  get passed(): boolean | null {
    const passed = this.day.passed[this.i]!;
    return passed === -1 ? null : passed === 1;
  }
  get reviewSeconds(): number {
    return this.day.reviewSeconds[this.i]!;
  }
  get answers(): ReportAnswers {
    const { day, i } = this;
    return (this.coded ??= new CodedAnswers(day.codes, day.starts[i]!, day.starts[i + 1]!, day.answers, day.direct));
  }
}

/** The rows of a stored day, oldest first. Rows of one day share their columns and answer objects. */
export function decodeDay(stored: ReportDay): ReportRow[] {
  const day = new DayColumns(stored);
  const rows = new Array<ReportRow>(stored.ids.length);
  for (let i = 0; i < rows.length; i++) rows[i] = new StoredRow(day, i);
  return rows;
}
