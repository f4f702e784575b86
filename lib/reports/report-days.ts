/**
 * How report rows are stored: one record per day of submissions, not one per evaluation.
 *
 * Measured in Chromium (docs/benchmarks.md, dashboard-report): reading 100k IndexedDB records costs
 * over a second however small each record is (the per-record cost dominates), while the same rows
 * in a few hundred records read in a fraction of that. Inside a record the rows are stored by
 * column, so what the browser rebuilds on reading is a few values per column rather than a dozen
 * per row: numbers in typed arrays (copied whole), names that repeat (agent, reviewer, channel…)
 * as indexes into the day's list of them, and each row's answers as a short string of codes into
 * the day's list of distinct answers (criterion, option, N/A, root causes, automatic proposal): a day of a
 * 20-criterion scorecard has a few dozen distinct answers, shared by every row.
 */
import type { ReportAnswer, ReportAnswers, ReportAuto, ReportRow } from './report-row';

/**
 * The layout version of stored days. Bump it when `REPORT_ROW_FIELDS` or `toReportRow` change:
 * the database then rebuilds every day from the evaluations (lib/db/report-rows.ts).
 */
export const REPORT_ROWS_VERSION = 2;

/**
 * Whether the stored build state (`reportState` row 'rows') says every day is built in this layout.
 * Shared by the Dexie read and the dashboard's bare early read, which must agree on it.
 */
export const reportRowsBuilt = (state: { version?: number; upTo?: number | null } | undefined): boolean =>
  state?.version === REPORT_ROWS_VERSION && state.upTo === null;

/**
 * How each stored field is kept: `text` as a list of strings, `name` as indexes into the day's list
 * of distinct values, `number` in a Float64Array (NaN for null), `flag` in an Int8Array (-1 for null),
 * `list` (a short list of names, such as Spotlight flags) as a `name` of the names joined by commas.
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

/** A distinct answer as stored: criterion id, option id (null when none), N/A, root causes, automatic proposal (null when none). */
type StoredAnswer = [criterionId: string, optionId: string | null, na: boolean, rootCauses: string[], auto: StoredAuto | null];

type Column = string[] | { names: string[]; at: Uint16Array | Uint32Array } | Float64Array | Int8Array;

export interface ReportDay {
  /** UTC day number, `floor(submittedAt / 86_400_000)`: a storage partition only; reports use local days. */
  day: number;
  version: number;
  /** The evaluations of the day, oldest first (indexed: which day holds an evaluation). */
  ids: string[];
  /** Every other field by column, row for row with `ids` (see REPORT_ROW_FIELDS). */
  columns: Record<Field, Column>;
  /** Each row's answers as a string of codes into `answers`. */
  answerCodes: string[];
  answers: StoredAnswer[];
}

export const DAY_MS = 86_400_000;

export const dayOf = (submittedAt: number) => Math.floor(submittedAt / DAY_MS);

/**
 * Codes below 0x8000 take one character; larger ones two (the high bit marks the first), so a day
 * can hold any number of distinct answers.
 */
function appendCode(codes: number[], code: number): void {
  if (code < 0x8000) codes.push(code);
  else codes.push(0x8000 | (code >>> 15), code & 0x7fff);
}

const byTimeThenId = (a: ReportRow, b: ReportRow) => a.submittedAt - b.submittedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function encodeColumn(kind: (typeof REPORT_ROW_FIELDS)[Field], values: unknown[]): Column {
  switch (kind) {
    case 'text':
      return values as string[];
    case 'list':
      return encodeColumn('name', values.map((value) => (value as readonly string[]).join(',')));
    case 'name': {
      const names: string[] = [];
      const indexOf = new Map<string, number>();
      const at = new (values.length < 0xffff ? Uint16Array : Uint32Array)(values.length);
      values.forEach((value, i) => {
        let index = indexOf.get(value as string);
        if (index === undefined) {
          index = names.length;
          indexOf.set(value as string, index);
          names.push(value as string);
        }
        at[i] = index;
      });
      return { names, at };
    }
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
  const answerCodes = sorted.map((row) => {
    const codes: number[] = [];
    row.answers.forEach((answer, criterionId) => {
      const { auto } = answer;
      const entry: StoredAnswer = [criterionId, answer.optionId ?? null, answer.na, [...answer.rootCauses], auto ? [auto.check, auto.outcome, auto.changed] : null];
      const key = JSON.stringify(entry);
      let code = codeOf.get(key);
      if (code === undefined) {
        code = answers.length;
        codeOf.set(key, code);
        answers.push(entry);
      }
      appendCode(codes, code);
    });
    // A row has at most a few hundred answers: far below the limit on spread arguments.
    return String.fromCharCode(...codes);
  });
  const columns = Object.fromEntries(
    (Object.keys(REPORT_ROW_FIELDS) as Field[]).map((field) => [field, encodeColumn(REPORT_ROW_FIELDS[field], sorted.map((row) => row[field]))]),
  ) as Record<Field, Column>;
  return { day, version: REPORT_ROWS_VERSION, ids: sorted.map((row) => row.id), columns, answerCodes, answers };
}

/** One distinct answer of a day, decoded once and shared by every row that gave it. */
interface DayAnswer {
  criterionId: string;
  answer: ReportAnswer;
}

/** A stored row's answers, read from its codes when a report asks for them. */
class CodedAnswers implements ReportAnswers {
  /** Where the next lookup starts: reports ask criterion by criterion in scorecard order, the order answers are stored in. */
  private next = 0;

  constructor(
    private readonly codes: string,
    private readonly day: readonly DayAnswer[],
    /** Every code is one character: true for any day with fewer than 32,768 distinct answers. */
    private readonly direct: boolean,
  ) {}

  private entries(): DayAnswer[] {
    const entries: DayAnswer[] = [];
    for (let i = 0; i < this.codes.length; i++) {
      let code = this.codes.charCodeAt(i);
      if (code >= 0x8000) code = ((code & 0x7fff) << 15) | this.codes.charCodeAt(++i);
      entries.push(this.day[code]!);
    }
    return entries;
  }

  get(criterionId: string): ReportAnswer | undefined {
    const { codes, day } = this;
    if (this.direct) {
      for (let n = 0, i = this.next; n < codes.length; n++, i = i + 1 === codes.length ? 0 : i + 1) {
        const entry = day[codes.charCodeAt(i)]!;
        if (entry.criterionId === criterionId) {
          this.next = i + 1 === codes.length ? 0 : i + 1;
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

type Names = { names: string[]; at: Uint16Array | Uint32Array };

const NO_NAMES: readonly string[] = Object.freeze([]);

/** A day's columns as a row reads them: each `name` column split into its list and indexes once per day. */
class DayColumns {
  readonly ids: string[];
  readonly submittedAt: Float64Array;
  readonly kindNames: string[];
  readonly kindAt: Uint16Array | Uint32Array;
  readonly statusNames: string[];
  readonly statusAt: Uint16Array | Uint32Array;
  readonly agentNames: string[];
  readonly agentAt: Uint16Array | Uint32Array;
  readonly channelNames: string[];
  readonly channelAt: Uint16Array | Uint32Array;
  readonly helpdeskNames: string[];
  readonly helpdeskAt: Uint16Array | Uint32Array;
  readonly ticketKey: string[];
  readonly ticketId: string[];
  readonly subject: string[];
  /** Each distinct list of Spotlight flags split once and shared, frozen, by every row that has it. */
  readonly spotlightLists: (readonly string[])[];
  readonly spotlightAt: Uint16Array | Uint32Array;
  readonly reviewerNames: string[];
  readonly reviewerAt: Uint16Array | Uint32Array;
  readonly scorecardIdNames: string[];
  readonly scorecardIdAt: Uint16Array | Uint32Array;
  readonly scorecardVersion: Float64Array;
  readonly score: Float64Array;
  readonly passed: Int8Array;
  readonly reviewSeconds: Float64Array;
  readonly answerCodes: string[];
  readonly answers: readonly DayAnswer[];
  /** Every code is one character: true for any day with fewer than 32,768 distinct answers. */
  readonly direct: boolean;

  constructor(stored: ReportDay) {
    const c = stored.columns;
    const names = (field: Field) => c[field] as Names;
    this.ids = stored.ids;
    this.submittedAt = c.submittedAt as Float64Array;
    ({ names: this.kindNames, at: this.kindAt } = names('kind'));
    ({ names: this.statusNames, at: this.statusAt } = names('status'));
    ({ names: this.agentNames, at: this.agentAt } = names('agent'));
    ({ names: this.channelNames, at: this.channelAt } = names('channel'));
    ({ names: this.helpdeskNames, at: this.helpdeskAt } = names('helpdesk'));
    this.ticketKey = c.ticketKey as string[];
    this.ticketId = c.ticketId as string[];
    this.subject = c.subject as string[];
    const spotlight = names('spotlight');
    this.spotlightLists = spotlight.names.map((joined) => (joined === '' ? NO_NAMES : Object.freeze(joined.split(','))));
    this.spotlightAt = spotlight.at;
    ({ names: this.reviewerNames, at: this.reviewerAt } = names('reviewer'));
    ({ names: this.scorecardIdNames, at: this.scorecardIdAt } = names('scorecardId'));
    this.scorecardVersion = c.scorecardVersion as Float64Array;
    this.score = c.score as Float64Array;
    this.passed = c.passed as Int8Array;
    this.reviewSeconds = c.reviewSeconds as Float64Array;
    this.answerCodes = stored.answerCodes;
    this.answers = stored.answers.map(([criterionId, optionId, na, rootCauses, auto]): DayAnswer => {
      const answer = { optionId: optionId ?? undefined, na, rootCauses: Object.freeze(rootCauses) as string[] };
      return { criterionId, answer: Object.freeze(auto ? { ...answer, auto: Object.freeze({ check: auto[0], outcome: auto[1], changed: auto[2] }) } : answer) };
    });
    this.direct = this.answers.length <= 0x8000;
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
    return this.day.ids[this.i]!;
  }
  get submittedAt(): number {
    return this.day.submittedAt[this.i]!;
  }
  get kind(): ReportRow['kind'] {
    return this.day.kindNames[this.day.kindAt[this.i]!] as ReportRow['kind'];
  }
  get status(): ReportRow['status'] {
    return this.day.statusNames[this.day.statusAt[this.i]!] as ReportRow['status'];
  }
  get agent(): string {
    return this.day.agentNames[this.day.agentAt[this.i]!]!;
  }
  get channel(): ReportRow['channel'] {
    return this.day.channelNames[this.day.channelAt[this.i]!] as ReportRow['channel'];
  }
  get helpdesk(): string {
    return this.day.helpdeskNames[this.day.helpdeskAt[this.i]!]!;
  }
  get ticketKey(): string {
    return this.day.ticketKey[this.i]!;
  }
  get ticketId(): string {
    return this.day.ticketId[this.i]!;
  }
  get subject(): string {
    return this.day.subject[this.i]!;
  }
  get spotlight(): ReportRow['spotlight'] {
    return this.day.spotlightLists[this.day.spotlightAt[this.i]!] as ReportRow['spotlight'];
  }
  get reviewer(): string {
    return this.day.reviewerNames[this.day.reviewerAt[this.i]!]!;
  }
  get scorecardId(): string {
    return this.day.scorecardIdNames[this.day.scorecardIdAt[this.i]!]!;
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
    return (this.coded ??= new CodedAnswers(this.day.answerCodes[this.i]!, this.day.answers, this.day.direct));
  }
}

/** The rows of a stored day, oldest first. Rows of one day share their columns and answer objects. */
export function decodeDay(stored: ReportDay): ReportRow[] {
  const day = new DayColumns(stored);
  const rows = new Array<ReportRow>(stored.ids.length);
  for (let i = 0; i < rows.length; i++) rows[i] = new StoredRow(day, i);
  return rows;
}
