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

/** A column as a function of the row index, for the literal below. */
function reader(column: Column): (i: number) => unknown {
  if (Array.isArray(column)) return (i) => column[i];
  if (column instanceof Float64Array) return (i) => (Number.isNaN(column[i]) ? null : column[i]);
  if (column instanceof Int8Array) return (i) => (column[i] === -1 ? null : column[i] === 1);
  const { names, at } = column;
  return (i) => names[at[i]!];
}

const NO_NAMES: readonly string[] = Object.freeze([]);

/** A `list` column: each distinct list is split once and shared, frozen, by every row that has it. */
function listReader(column: Column): (i: number) => readonly string[] {
  const { names, at } = column as { names: string[]; at: Uint16Array | Uint32Array };
  const lists = names.map((joined) => (joined === '' ? NO_NAMES : Object.freeze(joined.split(','))));
  return (i) => lists[at[i]!]!;
}

/** The rows of a stored day, oldest first. Rows of one day share their answer objects. */
export function decodeDay(stored: ReportDay): ReportRow[] {
  const day = stored.answers.map(([criterionId, optionId, na, rootCauses, auto]): DayAnswer => {
    const answer = { optionId: optionId ?? undefined, na, rootCauses: Object.freeze(rootCauses) as string[] };
    return { criterionId, answer: Object.freeze(auto ? { ...answer, auto: Object.freeze({ check: auto[0], outcome: auto[1], changed: auto[2] }) } : answer) };
  });
  const direct = day.length <= 0x8000;
  const c = stored.columns;
  const [submittedAt, kind, status, agent, channel, helpdesk, ticketKey, ticketId, subject, reviewer, scorecardId, scorecardVersion, score, passed, reviewSeconds] = [
    c.submittedAt, c.kind, c.status, c.agent, c.channel, c.helpdesk, c.ticketKey, c.ticketId, c.subject, c.reviewer, c.scorecardId, c.scorecardVersion, c.score, c.passed, c.reviewSeconds,
  ].map(reader) as ((i: number) => never)[];
  const spotlight = listReader(c.spotlight) as (i: number) => never;
  // One literal per row (a loop over the field names was several times slower).
  return stored.ids.map(
    (id, i): ReportRow => ({
      id,
      submittedAt: submittedAt!(i),
      kind: kind!(i),
      status: status!(i),
      agent: agent!(i),
      channel: channel!(i),
      helpdesk: helpdesk!(i),
      ticketKey: ticketKey!(i),
      ticketId: ticketId!(i),
      subject: subject!(i),
      spotlight: spotlight(i),
      reviewer: reviewer!(i),
      scorecardId: scorecardId!(i),
      scorecardVersion: scorecardVersion!(i),
      score: score!(i),
      passed: passed!(i),
      reviewSeconds: reviewSeconds!(i),
      answers: new CodedAnswers(stored.answerCodes[i]!, day, direct),
    }),
  );
}
