/**
 * The dashboard's list logic: which evaluations a filter keeps and in what order. Pure: evaluations
 * and filter state in, table rows out.
 */
import type { Channel, Evaluation } from '../schemas';

export type ResultFilter = 'all' | 'passed' | 'not-passed';

export interface EvaluationFilter {
  /** Free text matched against ticket ref, subject, agent and reviewer, ignoring case. */
  search: string;
  /** An agent name; '' for every agent. */
  agent: string;
  /** A channel; '' for every channel. */
  channel: Channel | '';
  result: ResultFilter;
  /** First and last day of submission, inclusive, as `YYYY-MM-DD` in local time; '' for open-ended. */
  from: string;
  to: string;
}

export const EMPTY_FILTER: EvaluationFilter = { search: '', agent: '', channel: '', result: 'all', from: '', to: '' };

export type SortKey = 'date' | 'ticket' | 'agent' | 'channel' | 'scorecard' | 'score' | 'result';
export type SortDirection = 'ascending' | 'descending';

export interface EvaluationSort {
  key: SortKey;
  direction: SortDirection;
}

export const DEFAULT_SORT: EvaluationSort = { key: 'date', direction: 'descending' };

export interface EvaluationRow {
  evaluation: Evaluation;
  /** Submission time in ms; every listed evaluation has one. */
  submittedAt: number;
  ticketId: string;
  subject: string;
  /** '' when the ticket had no assigned agent. */
  agent: string;
  channel: Channel;
  /** '' when the scorecard version is not known. */
  scorecardName: string;
  scorecardVersion: number;
  score: number | null;
  passed: boolean | null;
}

/** Looks up the name of the scorecard version an evaluation used. */
export type ScorecardNameLookup = (scorecardId: string, version: number) => string | undefined;

/** Local midnight at the start of a `YYYY-MM-DD` day, or undefined for '' or a malformed date. */
function startOfDay(day: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return new Date(y, m - 1, d).getTime();
}

function dayAfter(day: string): number | undefined {
  const start = startOfDay(day);
  if (start === undefined) return undefined;
  const date = new Date(start);
  date.setDate(date.getDate() + 1);
  return date.getTime();
}

function toRow(evaluation: Evaluation, submittedAt: number, scorecardName: ScorecardNameLookup): EvaluationRow {
  return {
    evaluation,
    submittedAt,
    ticketId: evaluation.ticket.ticketId,
    subject: evaluation.ticket.subject,
    agent: evaluation.ticket.agent?.name ?? '',
    channel: evaluation.ticket.channel,
    scorecardName: scorecardName(evaluation.scorecardId, evaluation.scorecardVersion) ?? '',
    scorecardVersion: evaluation.scorecardVersion,
    score: evaluation.score,
    passed: evaluation.passed,
  };
}

function matcher(filter: EvaluationFilter): (row: EvaluationRow) => boolean {
  const needle = filter.search.trim().toLocaleLowerCase();
  const from = startOfDay(filter.from);
  const until = dayAfter(filter.to);
  return (row) => {
    if (filter.agent && row.agent !== filter.agent) return false;
    if (filter.channel && row.channel !== filter.channel) return false;
    if (filter.result === 'passed' && row.passed !== true) return false;
    if (filter.result === 'not-passed' && row.passed !== false) return false;
    if (from !== undefined && row.submittedAt < from) return false;
    if (until !== undefined && row.submittedAt >= until) return false;
    if (!needle) return true;
    const haystack = [row.ticketId, row.evaluation.ticket.key, row.subject, row.agent, row.evaluation.author.name];
    return haystack.some((field) => field.toLocaleLowerCase().includes(needle));
  };
}

const compareText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });

/** The value a column sorts by; null when missing (no agent, no score, no result, unknown scorecard). */
function sortValue(row: EvaluationRow, key: SortKey): string | number | null {
  switch (key) {
    case 'date':
      return row.submittedAt;
    case 'ticket':
      return row.ticketId;
    case 'agent':
      return row.agent || null;
    case 'channel':
      return row.channel;
    case 'scorecard':
      return row.scorecardName ? `${row.scorecardName} v${row.scorecardVersion}` : null;
    case 'score':
      return row.score;
    case 'result':
      return row.passed === null ? null : row.passed ? 1 : 0;
  }
}

function comparer(sort: EvaluationSort): (a: EvaluationRow, b: EvaluationRow) => number {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return (a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    // Missing values go last whichever way the column is sorted.
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y));
      if (order !== 0) return sign * order;
    }
    // Ties: newest first, then by id, so the order never depends on the input order.
    return b.submittedAt - a.submittedAt || compareText(a.evaluation.id, b.evaluation.id);
  };
}

/**
 * The submitted evaluations the filter keeps, sorted. Drafts (no submission time) are never listed.
 */
export function filterEvaluations(
  evaluations: readonly Evaluation[],
  filter: EvaluationFilter,
  sort: EvaluationSort = DEFAULT_SORT,
  scorecardName: ScorecardNameLookup = () => undefined,
): EvaluationRow[] {
  const keep = matcher(filter);
  const rows: EvaluationRow[] = [];
  for (const evaluation of evaluations) {
    if (evaluation.status === 'draft' || evaluation.submittedAt === null) continue;
    const row = toRow(evaluation, evaluation.submittedAt, scorecardName);
    if (keep(row)) rows.push(row);
  }
  return rows.sort(comparer(sort));
}

/** Agent names to filter by, alphabetically, without blanks or repeats. */
export function agentOptions(evaluations: readonly Evaluation[]): string[] {
  const names = new Set(evaluations.map((e) => e.ticket.agent?.name ?? '').filter((name) => name.trim() !== ''));
  return [...names].sort(compareText);
}

/** Channels present in the evaluations, alphabetically. */
export function channelOptions(evaluations: readonly Evaluation[]): Channel[] {
  return [...new Set(evaluations.map((e) => e.ticket.channel))].sort(compareText);
}

/** Whether any filter narrows the list. */
export function isFiltered(filter: EvaluationFilter): boolean {
  return (
    filter.search.trim() !== '' ||
    filter.agent !== '' ||
    filter.channel !== '' ||
    filter.result !== 'all' ||
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

/**
 * Whether the filter keeps one evaluation, for code that reads evaluations page by page (the CSV
 * export) instead of filtering a loaded list. Drafts are never kept, as in `filterEvaluations`.
 */
export function evaluationMatcher(filter: EvaluationFilter): (evaluation: Evaluation) => boolean {
  const keep = matcher(filter);
  return (evaluation) =>
    evaluation.status !== 'draft' && evaluation.submittedAt !== null && keep(toRow(evaluation, evaluation.submittedAt, () => undefined));
}
