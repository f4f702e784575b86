/**
 * The dashboard's list logic: which evaluations a filter keeps and in what order. Pure: report rows
 * (lib/reports/report-row.ts) and filter state in, table rows out.
 */
import { copyRow, toReportRow, type ReportRow } from '../reports/report-row';
import type { Channel, Evaluation, EvaluationKind, SpotlightKind } from '../schemas';

export type ResultFilter = 'all' | 'passed' | 'not-passed';

export interface EvaluationFilter {
  /** Free text matched against ticket ref, subject, agent and reviewer, ignoring case. */
  search: string;
  /** An agent name; '' for every agent. */
  agent: string;
  /** A channel; '' for every channel. */
  channel: Channel | '';
  /** A helpdesk id (`zendesk`); '' for every helpdesk. */
  helpdesk: string;
  /** `<scorecard id>` for every version of it, `<scorecard id>@<version>` for one; '' for any. */
  scorecard: string;
  /** The reviewer's (author's) name; '' for everyone. */
  reviewer: string;
  kind: EvaluationKind | '';
  result: ResultFilter;
  /** First and last day of submission, inclusive, as `YYYY-MM-DD` in local time; '' for open-ended. */
  from: string;
  to: string;
  /** A Spotlight flag the ticket must carry; '' or absent for any. */
  spotlight?: SpotlightKind | '';
}

export const EMPTY_FILTER: EvaluationFilter = {
  search: '',
  agent: '',
  channel: '',
  helpdesk: '',
  scorecard: '',
  reviewer: '',
  kind: '',
  result: 'all',
  from: '',
  to: '',
  spotlight: '',
};

export type SortKey = 'date' | 'ticket' | 'agent' | 'channel' | 'scorecard' | 'score' | 'result';
export type SortDirection = 'ascending' | 'descending';

export interface EvaluationSort {
  key: SortKey;
  direction: SortDirection;
}

export const DEFAULT_SORT: EvaluationSort = { key: 'date', direction: 'descending' };

/** A line of the evaluation list: the report row and the name of the scorecard it used. */
export interface EvaluationRow extends ReportRow {
  /** '' when the scorecard version is not known. */
  scorecardName: string;
}

/** Looks up the name of the scorecard version an evaluation used. */
export type ScorecardNameLookup = (scorecardId: string, version: number) => string | undefined;

/** Local midnight at the start of a `YYYY-MM-DD` day, or undefined for '' or a malformed date. */
export function startOfDay(day: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return new Date(y, m - 1, d).getTime();
}

export function dayAfter(day: string): number | undefined {
  const start = startOfDay(day);
  if (start === undefined) return undefined;
  const date = new Date(start);
  date.setDate(date.getDate() + 1);
  return date.getTime();
}

/** A scorecard filter value (`id` or `id@version`) as a test of a row's scorecard. */
function scorecardMatcher(value: string): (row: ReportRow) => boolean {
  if (!value) return () => true;
  const at = value.lastIndexOf('@');
  if (at === -1) return (row) => row.scorecardId === value;
  const id = value.slice(0, at);
  const version = value.slice(at + 1);
  return (row) => row.scorecardId === id && String(row.scorecardVersion) === version;
}

/**
 * The filter as a test of one report row. With `period: false` the From/To dates are left out, for
 * reports that compare the period with the one before it and so must see both.
 */
export function rowMatcher(filter: EvaluationFilter, { period = true } = {}): (row: ReportRow) => boolean {
  const needle = filter.search.trim().toLocaleLowerCase();
  const from = period ? startOfDay(filter.from) : undefined;
  const until = period ? dayAfter(filter.to) : undefined;
  const scorecardMatches = scorecardMatcher(filter.scorecard);
  return (row) => {
    if (filter.agent && row.agent !== filter.agent) return false;
    if (filter.channel && row.channel !== filter.channel) return false;
    if (filter.helpdesk && row.helpdesk !== filter.helpdesk) return false;
    if (filter.reviewer && row.reviewer !== filter.reviewer) return false;
    if (filter.kind && row.kind !== filter.kind) return false;
    if (!scorecardMatches(row)) return false;
    if (filter.result === 'passed' && row.passed !== true) return false;
    if (filter.result === 'not-passed' && row.passed !== false) return false;
    if (filter.spotlight && !row.spotlight.includes(filter.spotlight)) return false;
    if (from !== undefined && row.submittedAt < from) return false;
    if (until !== undefined && row.submittedAt >= until) return false;
    if (!needle) return true;
    const haystack = [row.ticketId, row.ticketKey, row.subject, row.agent, row.reviewer];
    return haystack.some((field) => field.toLocaleLowerCase().includes(needle));
  };
}

/** The same filter as a test of a full evaluation (exports read those); drafts never match. */
export function evaluationMatcher(filter: EvaluationFilter, options: { period?: boolean } = {}): (evaluation: Evaluation) => boolean {
  const matches = rowMatcher(filter, options);
  return (evaluation) => {
    const row = toReportRow(evaluation);
    return row !== undefined && matches(row);
  };
}

const compareText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });

/** The value a column sorts by; null when missing (no agent, no score, no result, unknown scorecard). */
function sortValue(row: ReportRow, key: SortKey, scorecardName: (row: ReportRow) => string): string | number | null {
  switch (key) {
    case 'date':
      return row.submittedAt;
    case 'ticket':
      return row.ticketId;
    case 'agent':
      return row.agent || null;
    case 'channel':
      return row.channel;
    case 'scorecard': {
      const name = scorecardName(row);
      return name ? `${name} v${row.scorecardVersion}` : null;
    }
    case 'score':
      return row.score;
    case 'result':
      return row.passed === null ? null : row.passed ? 1 : 0;
  }
}

function comparer(sort: EvaluationSort, scorecardName: (row: ReportRow) => string): (a: ReportRow, b: ReportRow) => number {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return (a, b) => {
    const x = sortValue(a, sort.key, scorecardName);
    const y = sortValue(b, sort.key, scorecardName);
    // Missing values go last whichever way the column is sorted.
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y));
      if (order !== 0) return sign * order;
    }
    // Ties: newest first, then by id, so the order never depends on the input order.
    return b.submittedAt - a.submittedAt || compareText(a.id, b.id);
  };
}

/** The name of each row's scorecard version, asked of `scorecardName` once per version. */
function scorecardNames(scorecardName: ScorecardNameLookup): (row: ReportRow) => string {
  const names = new Map<string, string>();
  return (row) => {
    const key = `${row.scorecardId}@${row.scorecardVersion}`;
    let name = names.get(key);
    if (name === undefined) names.set(key, (name = scorecardName(row.scorecardId, row.scorecardVersion) ?? ''));
    return name;
  };
}

/** A list line: the row's fields as its own, and its scorecard's name. */
export function listLine(row: ReportRow, scorecardName: ScorecardNameLookup = () => undefined): EvaluationRow {
  return { ...copyRow(row), scorecardName: scorecardName(row.scorecardId, row.scorecardVersion) ?? '' };
}

/**
 * The report rows the filter keeps, sorted, as they are (no copies): the dashboard counts them all
 * but turns only the page it shows into list lines (`listLine`).
 */
export function filterRows(
  rows: readonly ReportRow[],
  filter: EvaluationFilter,
  sort: EvaluationSort = DEFAULT_SORT,
  scorecardName: ScorecardNameLookup = () => undefined,
): ReportRow[] {
  const keep = rowMatcher(filter);
  const listed: ReportRow[] = [];
  for (const row of rows) if (keep(row)) listed.push(row);
  return listed.sort(comparer(sort, scorecardNames(scorecardName)));
}

/**
 * The submitted evaluations the filter keeps, sorted. Report rows are of submitted evaluations only,
 * so drafts are never listed.
 */
export function filterEvaluations(
  rows: readonly ReportRow[],
  filter: EvaluationFilter,
  sort: EvaluationSort = DEFAULT_SORT,
  scorecardName: ScorecardNameLookup = () => undefined,
): EvaluationRow[] {
  return filterRows(rows, filter, sort, scorecardName).map((row) => listLine(row, scorecardName));
}

/** The distinct non-blank values of one field of the rows, alphabetically. */
function distinct<T extends string>(rows: readonly ReportRow[], field: (row: ReportRow) => T): T[] {
  const values = new Set<T>();
  for (const row of rows) values.add(field(row));
  return [...values].filter((value) => value.trim() !== '').sort(compareText);
}

/** Agent names to filter by, alphabetically, without blanks or repeats. */
export function agentOptions(rows: readonly ReportRow[]): string[] {
  return distinct(rows, (r) => r.agent);
}

/** Channels present in the rows, alphabetically. */
export function channelOptions(rows: readonly ReportRow[]): Channel[] {
  return distinct(rows, (r) => r.channel);
}

/** Helpdesk ids present in the rows, alphabetically. */
export function helpdeskOptions(rows: readonly ReportRow[]): string[] {
  return distinct(rows, (r) => r.helpdesk);
}

/** Reviewer names, alphabetically, without blanks or repeats. */
export function reviewerOptions(rows: readonly ReportRow[]): string[] {
  return distinct(rows, (r) => r.reviewer);
}

export interface ScorecardOption {
  /** The filter value: `id` for every version, `id@version` for one. */
  value: string;
  scorecardId: string;
  /** Undefined for the "every version" entry. */
  version?: number;
}

/** Each scorecard the rows used, once for all its versions and once per version, in id then version order. */
export function scorecardOptions(rows: readonly ReportRow[]): ScorecardOption[] {
  const versions = new Map<string, Set<number>>();
  for (const e of rows) {
    const set = versions.get(e.scorecardId) ?? new Set<number>();
    set.add(e.scorecardVersion);
    versions.set(e.scorecardId, set);
  }
  return [...versions].flatMap(([scorecardId, set]) => [
    { value: scorecardId, scorecardId },
    ...[...set].sort((a, b) => a - b).map((version) => ({ value: `${scorecardId}@${version}`, scorecardId, version })),
  ]);
}

/** Whether any filter narrows the list. */
export function isFiltered(filter: EvaluationFilter): boolean {
  return (
    filter.search.trim() !== '' ||
    filter.agent !== '' ||
    filter.channel !== '' ||
    filter.helpdesk !== '' ||
    filter.scorecard !== '' ||
    filter.reviewer !== '' ||
    filter.kind !== '' ||
    filter.result !== 'all' ||
    Boolean(filter.spotlight) ||
    startOfDay(filter.from) !== undefined ||
    startOfDay(filter.to) !== undefined
  );
}

/**
 * The sort after a click on a column header: the same column flips direction; a new column starts
 * with the most useful order, newest dates and highest scores first, everything else A to Z.
 */
export function nextSort(current: EvaluationSort, key: SortKey): EvaluationSort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'date' || key === 'score' ? 'descending' : 'ascending' };
}
