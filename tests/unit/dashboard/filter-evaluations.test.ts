import { describe, expect, it } from 'vitest';
import {
  agentOptions,
  channelOptions,
  DEFAULT_SORT,
  EMPTY_FILTER,
  filterEvaluations,
  isFiltered,
  nextSort,
  type EvaluationFilter,
  type EvaluationSort,
} from '../../../lib/dashboard/filter-evaluations';
import { reportRows } from '../../../lib/reports/report-row';
import { makeEvaluation } from './factories';

// Local-time days, as the From/To date inputs give them.
const at = (day: number, hour = 12) => new Date(2025, 2, day, hour).getTime();

const evaluations = reportRows([
  makeEvaluation({ id: 'a', ticketId: '101', subject: 'Refund not received', agent: 'Ana', reviewer: 'Rita', channel: 'email', submittedAt: at(3) }),
  makeEvaluation({ id: 'b', ticketId: '102', subject: 'Password reset', agent: 'Ben', reviewer: 'Rita', channel: 'chat', submittedAt: at(5), choices: { accurate: 'no' } }),
  makeEvaluation({ id: 'c', ticketId: '103', subject: 'Delivery late', agent: 'Ana', reviewer: 'Sam', channel: 'chat', submittedAt: at(7, 0), choices: { tone: '2' } }),
  makeEvaluation({ id: 'd', ticketId: '104', subject: 'Invoice copy', agent: null, reviewer: 'Sam', channel: 'voice', submittedAt: at(7, 23), choices: { greeting: 'no' } }),
]);

const ids = (filter: Partial<EvaluationFilter>, sort?: EvaluationSort) =>
  filterEvaluations(evaluations, { ...EMPTY_FILTER, ...filter }, sort).map((r) => r.id);

describe('filterEvaluations', () => {
  it('lists every submitted evaluation, newest first, by default', () => {
    expect(ids({})).toEqual(['d', 'c', 'b', 'a']);
  });

  it('never lists drafts', () => {
    const withDraft = [...evaluations, ...reportRows([makeEvaluation({ id: 'draft', submittedAt: null })])];
    expect(filterEvaluations(withDraft, EMPTY_FILTER).map((r) => r.id)).not.toContain('draft');
  });

  it('builds rows with what the table shows', () => {
    const [row] = filterEvaluations(evaluations, { ...EMPTY_FILTER, search: '102' }, DEFAULT_SORT, (id, v) =>
      id === 'sc-support' && v === 1 ? 'Support basics' : undefined,
    );
    expect(row).toMatchObject({
      ticketId: '102',
      subject: 'Password reset',
      agent: 'Ben',
      channel: 'chat',
      scorecardName: 'Support basics',
      scorecardVersion: 1,
      score: 0,
      passed: false,
      submittedAt: at(5),
    });
  });

  describe('search', () => {
    it.each([
      ['ticket ref', '103', ['c']],
      ['subject, ignoring case', 'REFUND', ['a']],
      ['agent', 'ben', ['b']],
      ['reviewer', 'sam', ['d', 'c']],
      ['surrounding spaces', '  password  ', ['b']],
      ['nothing', 'no such thing', []],
    ])('matches %s', (_, search, expected) => {
      expect(ids({ search })).toEqual(expected);
    });
  });

  it('filters by agent', () => {
    expect(ids({ agent: 'Ana' })).toEqual(['c', 'a']);
  });

  it('filters by channel', () => {
    expect(ids({ channel: 'chat' })).toEqual(['c', 'b']);
  });

  it('filters by result', () => {
    // a: 100, b: critical failure 0, c: tone Needs improvement 86.67 (passes 80), d: greeting No 80.
    expect(ids({ result: 'passed' })).toEqual(['d', 'c', 'a']);
    expect(ids({ result: 'not-passed' })).toEqual(['b']);
  });

  it('filters by submission date, both ends inclusive, in local days', () => {
    expect(ids({ from: '2025-03-05' })).toEqual(['d', 'c', 'b']);
    expect(ids({ to: '2025-03-05' })).toEqual(['b', 'a']);
    expect(ids({ from: '2025-03-07', to: '2025-03-07' })).toEqual(['d', 'c']);
    expect(ids({ from: '2025-03-08' })).toEqual([]);
  });

  it('ignores a malformed date', () => {
    expect(ids({ from: 'yesterday' })).toEqual(['d', 'c', 'b', 'a']);
  });

  it('combines filters', () => {
    expect(ids({ agent: 'Ana', channel: 'chat', result: 'passed', search: 'delivery' })).toEqual(['c']);
    expect(ids({ agent: 'Ana', channel: 'email', from: '2025-03-04' })).toEqual([]);
  });

  describe('sorting', () => {
    it.each<[EvaluationSort, string[]]>([
      [{ key: 'date', direction: 'ascending' }, ['a', 'b', 'c', 'd']],
      [{ key: 'score', direction: 'descending' }, ['a', 'c', 'd', 'b']],
      [{ key: 'score', direction: 'ascending' }, ['b', 'd', 'c', 'a']],
      [{ key: 'ticket', direction: 'descending' }, ['d', 'c', 'b', 'a']],
      [{ key: 'channel', direction: 'ascending' }, ['c', 'b', 'a', 'd']],
      [{ key: 'result', direction: 'ascending' }, ['b', 'd', 'c', 'a']],
    ])('sorts by %j', (sort, expected) => {
      expect(ids({}, sort)).toEqual(expected);
    });

    it('puts rows without an agent last in either direction', () => {
      expect(ids({}, { key: 'agent', direction: 'ascending' })).toEqual(['c', 'a', 'b', 'd']);
      expect(ids({}, { key: 'agent', direction: 'descending' })).toEqual(['b', 'c', 'a', 'd']);
    });

    it('sorts ticket refs as numbers', () => {
      const refs = reportRows(['9', '10', '100'].map((ticketId, i) => makeEvaluation({ id: ticketId, ticketId, submittedAt: at(1 + i) })));
      const sorted = filterEvaluations(refs, EMPTY_FILTER, { key: 'ticket', direction: 'ascending' });
      expect(sorted.map((r) => r.ticketId)).toEqual(['9', '10', '100']);
    });

    it('does not change the input array', () => {
      const copy = [...evaluations];
      filterEvaluations(evaluations, EMPTY_FILTER, { key: 'score', direction: 'ascending' });
      expect(evaluations).toEqual(copy);
    });
  });
});

describe('nextSort', () => {
  it('flips the direction of the sorted column', () => {
    expect(nextSort({ key: 'score', direction: 'descending' }, 'score')).toEqual({ key: 'score', direction: 'ascending' });
    expect(nextSort({ key: 'score', direction: 'ascending' }, 'score')).toEqual({ key: 'score', direction: 'descending' });
  });

  it('starts dates and scores high first, text A to Z', () => {
    expect(nextSort(DEFAULT_SORT, 'score')).toEqual({ key: 'score', direction: 'descending' });
    expect(nextSort(DEFAULT_SORT, 'agent')).toEqual({ key: 'agent', direction: 'ascending' });
    expect(nextSort({ key: 'agent', direction: 'ascending' }, 'date')).toEqual({ key: 'date', direction: 'descending' });
  });
});

describe('filter options', () => {
  it('offers each named agent once, alphabetically', () => {
    expect(agentOptions(evaluations)).toEqual(['Ana', 'Ben']);
  });

  it('offers the channels present', () => {
    expect(channelOptions(evaluations)).toEqual(['chat', 'email', 'voice']);
  });

  it('knows when a filter narrows the list', () => {
    expect(isFiltered(EMPTY_FILTER)).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTER, search: '   ' })).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTER, result: 'passed' })).toBe(true);
    expect(isFiltered({ ...EMPTY_FILTER, to: '2025-03-01' })).toBe(true);
  });
});
