/**
 * How report rows are stored: one record per day of submissions, not one per evaluation.
 *
 * Measured in Chromium (docs/benchmarks.md, dashboard-report): reading 100k IndexedDB records costs
 * over a second however small each record is (the per-record cost dominates), while the same rows
 * in a few hundred records read in a fraction of that. Inside a record each row is an array of
 * values in a fixed field order (property names are not stored again for every row), and its
 * answers are a short string of codes into the day's list of distinct answers (criterion, option,
 * N/A, root causes): a day of a 20-criterion scorecard has a few dozen distinct answers, shared by
 * every row.
 */
import type { ReportAnswer, ReportAnswers, ReportRow } from './report-row';

/**
 * The layout version of stored days. Bump it when `REPORT_ROW_FIELDS` or `toReportRow` change:
 * the database then rebuilds every day from the evaluations (lib/db/report-rows.ts).
 */
export const REPORT_ROWS_VERSION = 1;

/** The stored fields of a row, in storage order; `answers` is encoded apart, after them. */
export const REPORT_ROW_FIELDS = [
  'id',
  'submittedAt',
  'kind',
  'status',
  'agent',
  'channel',
  'helpdesk',
  'ticketKey',
  'ticketId',
  'subject',
  'reviewer',
  'scorecardId',
  'scorecardVersion',
  'score',
  'passed',
  'reviewSeconds',
] as const satisfies readonly Exclude<keyof ReportRow, 'answers'>[];

/** A distinct answer as stored: criterion id, option id (null when none), N/A, root causes. */
type StoredAnswer = [criterionId: string, optionId: string | null, na: boolean, rootCauses: string[]];

export interface ReportDay {
  /** UTC day number, `floor(submittedAt / 86_400_000)`: a storage partition only; reports use local days. */
  day: number;
  version: number;
  /** The evaluations of the day, index for index with `rows` (indexed: which day holds an evaluation). */
  ids: string[];
  /** Each row's values in `REPORT_ROW_FIELDS` order, then its answers as a string of codes into `answers`. */
  rows: unknown[][];
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

/** One day's rows as stored, oldest first (so a read of the days in key order is in date order). */
export function encodeDay(day: number, rows: readonly ReportRow[]): ReportDay {
  const sorted = [...rows].sort(byTimeThenId);
  const answers: StoredAnswer[] = [];
  const codeOf = new Map<string, number>();
  const stored = sorted.map((row) => {
    const codes: number[] = [];
    row.answers.forEach((answer, criterionId) => {
      const entry: StoredAnswer = [criterionId, answer.optionId ?? null, answer.na, [...answer.rootCauses]];
      const key = JSON.stringify(entry);
      let code = codeOf.get(key);
      if (code === undefined) {
        code = answers.length;
        codeOf.set(key, code);
        answers.push(entry);
      }
      appendCode(codes, code);
    });
    const values: unknown[] = REPORT_ROW_FIELDS.map((field) => row[field]);
    // A row has at most a few hundred answers: far below the limit on spread arguments.
    values.push(String.fromCharCode(...codes));
    return values;
  });
  return { day, version: REPORT_ROWS_VERSION, ids: sorted.map((row) => row.id), rows: stored, answers };
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

/** The rows of a stored day, oldest first. Rows of one day share their answer objects. */
export function decodeDay(stored: ReportDay): ReportRow[] {
  const day = stored.answers.map(([criterionId, optionId, na, rootCauses]): DayAnswer => ({
    criterionId,
    answer: Object.freeze({ optionId: optionId ?? undefined, na, rootCauses: Object.freeze(rootCauses) as string[] }),
  }));
  const direct = day.length <= 0x8000;
  // One literal per row, in REPORT_ROW_FIELDS order (a loop over the names was several times slower).
  return stored.rows.map(
    (v): ReportRow => ({
      id: v[0] as ReportRow['id'],
      submittedAt: v[1] as ReportRow['submittedAt'],
      kind: v[2] as ReportRow['kind'],
      status: v[3] as ReportRow['status'],
      agent: v[4] as ReportRow['agent'],
      channel: v[5] as ReportRow['channel'],
      helpdesk: v[6] as ReportRow['helpdesk'],
      ticketKey: v[7] as ReportRow['ticketKey'],
      ticketId: v[8] as ReportRow['ticketId'],
      subject: v[9] as ReportRow['subject'],
      reviewer: v[10] as ReportRow['reviewer'],
      scorecardId: v[11] as ReportRow['scorecardId'],
      scorecardVersion: v[12] as ReportRow['scorecardVersion'],
      score: v[13] as ReportRow['score'],
      passed: v[14] as ReportRow['passed'],
      reviewSeconds: v[15] as ReportRow['reviewSeconds'],
      answers: new CodedAnswers(v[REPORT_ROW_FIELDS.length] as string, day, direct),
    }),
  );
}
