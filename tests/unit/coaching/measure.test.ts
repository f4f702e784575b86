import { measure } from '@/lib/coaching/measure';
import { planStatus, targetMet } from '@/lib/coaching/plan-status';
import { weakestCriteria } from '@/lib/coaching/weakest-criteria';
import type { CoachingMetric } from '@/lib/schemas';
import { ANA, criterionMetric, DAY, GREETING, HISTORY, KPIS, scorecards, T } from './coaching-factories';

const LAST_90_DAYS = { from: T - 90 * DAY, to: T };

describe('measuring an agent’s level', () => {
  it.each<[string, CoachingMetric, number | null, number]>([
    ['QA score: mean of 73.33, 100 and 75', { kind: 'qa-score' }, 82.78, 3],
    ['pass rate: 1 of 3 passed', { kind: 'pass-rate' }, 33.33, 3],
    ['Greeting: No, Yes, No', GREETING, 33.33, 3],
    ['Clarifying questions: the N/A is left out', criterionMetric('clarify', 'Clarifying questions'), 100, 2],
    ['Tone: 2/3, 1, 1', criterionMetric('tone', 'Tone'), 88.89, 3],
    ['a criterion of another scorecard: nothing to measure', criterionMetric('greeting', 'Greeting', 'sc-other'), null, 0],
    ['CSAT: 5 and 4 satisfied, 2 not', { kind: 'kpi', kpi: 'csat' }, 66.67, 3],
    ['NPS: one promoter (10), one passive (8), one detractor (3)', { kind: 'kpi', kpi: 'nps' }, 0, 3],
    ['FCR: 2 of 3 resolved first time', { kind: 'kpi', kpi: 'fcr' }, 66.67, 3],
    ['first response: mean of 60 s and 120 s', { kind: 'kpi', kpi: 'first-response' }, 90, 2],
    ['reopens: one ticket reopened twice', { kind: 'kpi', kpi: 'reopens' }, 2, 1],
    ['AHT: weekly 300 s and 500 s', { kind: 'kpi', kpi: 'aht' }, 400, 2],
    ['resolution time: nothing recorded', { kind: 'kpi', kpi: 'resolution' }, null, 0],
  ])('%s', (_case, metric, value, sampleSize) => {
    expect(measure({ metric, agent: ANA, period: LAST_90_DAYS, evaluations: HISTORY, scorecards, kpis: KPIS })).toEqual({ value, sampleSize, ...LAST_90_DAYS });
  });

  it('counts only the period asked for: the last 4 days hold one review', () => {
    expect(measure({ metric: { kind: 'qa-score' }, agent: ANA, period: { from: T - 4 * DAY, to: T }, evaluations: HISTORY, scorecards })).toMatchObject({ value: 75, sampleSize: 1 });
  });

  it('recognises the agent whatever the case and spacing of the name', () => {
    expect(measure({ metric: { kind: 'qa-score' }, agent: { name: '  ana AGENT ' }, period: LAST_90_DAYS, evaluations: HISTORY, scorecards }).sampleSize).toBe(3);
  });
});

describe('the weakest criteria', () => {
  it('lists the agent’s criteria from lowest average up; ties go to the one rated more often', () => {
    expect(weakestCriteria(HISTORY, ANA, LAST_90_DAYS, scorecards).map((c) => [c.title, c.value, c.sampleSize])).toEqual([
      ['Greeting', 33.33, 3],
      ['Tone', 88.89, 3],
      ['Accurate answer', 100, 3],
      ['Clarifying questions', 100, 2],
    ]);
  });

  it('is empty for an agent with no reviews in the period', () => {
    expect(weakestCriteria(HISTORY, { name: 'Cleo New' }, LAST_90_DAYS, scorecards)).toEqual([]);
  });
});

describe('plan status', () => {
  const followUpAt = T + 14 * DAY;
  const outcome = (met: boolean) => ({ at: followUpAt, by: { name: 'Rita', role: 'supervisor' as const }, measured: { value: 1, sampleSize: 1, from: T, to: followUpAt }, met, note: '' });
  it.each([
    ['before the follow-up date', null, T, 'open'],
    ['on the follow-up moment', null, followUpAt, 'due'],
    ['after it, not yet followed up', null, followUpAt + DAY, 'due'],
    ['followed up, target reached', outcome(true), followUpAt + DAY, 'met'],
    ['followed up, target missed', outcome(false), followUpAt + DAY, 'not met'],
  ])('%s: %s', (_case, planOutcome, now, status) => {
    expect(planStatus({ followUpAt, outcome: planOutcome }, now)).toBe(status);
  });

  it.each<[string, CoachingMetric, number, number | null, boolean]>([
    ['QA score 86 against a target of 85', { kind: 'qa-score' }, 85, 86, true],
    ['QA score exactly on target', { kind: 'qa-score' }, 85, 85, true],
    ['QA score 84 against 85', { kind: 'qa-score' }, 85, 84, false],
    ['first response 55 s against a target of 60 s (lower is better)', { kind: 'kpi', kpi: 'first-response' }, 60, 55, true],
    ['first response 65 s against 60 s', { kind: 'kpi', kpi: 'first-response' }, 60, 65, false],
    ['nothing measured', { kind: 'qa-score' }, 85, null, false],
  ])('target met? %s', (_case, metric, target, value, met) => {
    expect(targetMet({ metric, target }, { value, sampleSize: value === null ? 0 : 1, from: 0, to: 1 })).toBe(met);
  });
});
