/**
 * The dashboard's list logic: which evaluations a filter keeps and in what order. Pure: evaluations
 * and filter state in, table rows out.
 */
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

/** Whether a scorecard filter value (`id` or `id@version`) takes this evaluation's scorecard. */
function scorecardMatches(value: string, evaluation: Evaluation): boolean {
  if (!value) return true;
  const at = value.lastIndexOf('@');
  if (at === -1) return evaluation.scorecardId === value;
  return evaluation.scorecardId === value.slice(0, at) && String(evaluation.scorecardVersion) === value.slice(at + 1);
}

/**
 * The filter as a test of one evaluation. With `period: false` the From/To dates are left out, for
 * reports that compare the period with the one before it and so must see both.
 */
export function evaluationMatcher(filter: EvaluationFilter, { period = true } = {}): (evaluation: Evaluation) => boolean {
  const needle = filter.search.trim().toLocaleLowerCase();
  const from = period ? startOfDay(filter.from) : undefined;
  const until = period ? dayAfter(filter.to) : undefined;
  return (evaluation) => {
    const { ticket } = evaluation;
    if (filter.agent && (ticket.agent?.name ?? '') !== filter.agent) return false;
    if (filter.channel && ticket.channel !== filter.channel) return false;
    if (filter.helpdesk && ticket.helpdesk !== filter.helpdesk) return false;
    if (filter.reviewer && evaluation.author.name !== filter.reviewer) return false;
    if (filter.kind && evaluation.kind !== filter.kind) return false;
    if (!scorecardMatches(filter.scorecard, evaluation)) return false;
    if (filter.result === 'passed' && evaluation.passed !== true) return false;
    if (filter.result === 'not-passed' && evaluation.passed !== false) return false;
    if (filter.spotlight && !ticket.spotlight?.some((flag) => flag.kind === filter.spotlight)) return false;
    const submittedAt = evaluation.submittedAt ?? 0;
    if (from !== undefined && submittedAt < from) return false;
    if (until !== undefined && submittedAt >= until) return false;
    if (!needle) return true;
    const haystack = [ticket.ticketId, ticket.key, ticket.subject, ticket.agent?.name ?? '', evaluation.author.name];
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
  const keep = evaluationMatcher(filter);
  const rows: EvaluationRow[] = [];
  for (const evaluation of evaluations) {
    if (evaluation.status === 'draft' || evaluation.submittedAt === null) continue;
    if (keep(evaluation)) rows.push(toRow(evaluation, evaluation.submittedAt, scorecardName));
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

/** Helpdesk ids present in the evaluations, alphabetically. */
export function helpdeskOptions(evaluations: readonly Evaluation[]): string[] {
  return [...new Set(evaluations.map((e) => e.ticket.helpdesk))].sort(compareText);
}

/** Reviewer names, alphabetically, without blanks or repeats. */
export function reviewerOptions(evaluations: readonly Evaluation[]): string[] {
  return [...new Set(evaluations.map((e) => e.author.name).filter((name) => name.trim() !== ''))].sort(compareText);
}

export interface ScorecardOption {
  /** The filter value: `id` for every version, `id@version` for one. */
  value: string;
  scorecardId: string;
  /** Undefined for the "every version" entry. */
  version?: number;
}

/** Each scorecard the evaluations used, once for all its versions and once per version, in id then version order. */
export function scorecardOptions(evaluations: readonly Evaluation[]): ScorecardOption[] {
  const versions = new Map<string, Set<number>>();
  for (const e of evaluations) {
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
