import { EMPTY_FILTER } from '@/lib/dashboard/filter-evaluations';
import { addKpis, buildKpiPart, buildReport as buildFromRows, type ReportInput } from '@/lib/reports/build-report';
import { reportRows } from '@/lib/reports/report-row';
import { headlineChange } from '@/lib/reports/headline';
import { DEFAULT_ROOT_CAUSES, type Evaluation, type KpiRecord } from '@/lib/schemas';
import { makeScorecard, SUPPORT_CONTENT } from '../dashboard/factories';
import { day, reportEvaluation, scorecard, scorecardFor, ticketKpi } from './report-factories';

/*
 * Support basics: greeting 1, clarify 1 (N/A allowed), accurate 2 (critical), tone 1 (4 points),
 * proactive bonus. Week of Monday 3 March 2025 (ISO 2025-W10) is the period.
 *   a  Ana  3 Mar  all best                    → 100,   passed, 60 s
 *   b  Ana  4 Mar  accurate No (critical)      → 0,     failed, 120 s
 *   c  Ben  5 Mar  tone 2 of 4, clarify N/A    → 83.33, passed, time not recorded
 *   d  Ben 25 Feb  greeting No (previous week) → 80,    passed, 100 s
 *   e  Ana 12 Mar  (after the period)
 *   s  Ben  6 Mar  self-assessment of c's ticket, all best → 100
 */
const a = reportEvaluation({ id: 'a', ticketId: '1', agent: 'Ana', submittedAt: day(3, 3), reviewSeconds: 60, rootCauses: { greeting: ['gone-cause'] } });
const b = reportEvaluation({
  id: 'b',
  ticketId: '2',
  agent: 'Ana',
  submittedAt: day(3, 4),
  choices: { accurate: 'no' },
  reviewSeconds: 120,
  rootCauses: { accurate: ['knowledge-gap'] },
});
const c = reportEvaluation({
  id: 'c',
  ticketId: '3',
  agent: 'Ben',
  reviewer: 'Tom Reviewer',
  submittedAt: day(3, 5),
  choices: { tone: '2', clarify: 'na' },
  rootCauses: { tone: ['knowledge-gap', 'unclear-process'] },
});
const d = reportEvaluation({ id: 'd', ticketId: '4', agent: 'Ben', submittedAt: day(2, 25), choices: { greeting: 'no' }, reviewSeconds: 100 });
const e = reportEvaluation({ id: 'e', ticketId: '5', agent: 'Ana', submittedAt: day(3, 12) });
const s = reportEvaluation({ id: 's', ticketId: '3', agent: 'Ben', reviewer: 'Ben', kind: 'self-assessment', submittedAt: day(3, 6) });
const draft = reportEvaluation({ id: 'draft', ticketId: '6', agent: 'Ana', submittedAt: null });
const ALL = [a, b, c, d, e, s, draft];

const KPIS: KpiRecord[] = [
  ticketKpi('zendesk:1', 'Ana', day(3, 3), { csat: 1 }, day(3, 3)),
  ticketKpi('zendesk:1', 'Ana', day(3, 3), { csat: 5, firstContactResolved: true, nps: 10 }, day(3, 8)), // re-import replaces the first
  ticketKpi('zendesk:2', 'Ana', day(3, 4), { csat: 2, firstContactResolved: false, nps: 3 }),
  ticketKpi('zendesk:3', 'Ben', day(3, 5), { csat: 4 }),
  {
    id: 'ben-march',
    scope: 'agent-period',
    agent: 'Ben',
    periodStart: new Date(2025, 2, 1).getTime(),
    periodEnd: new Date(2025, 3, 1).getTime(),
    kpis: { csatPercent: 70, fcrPercent: 60, nps: 20, ahtSeconds: 300 },
    source: 'import',
    createdAt: 0,
    updatedAt: 0,
  },
];

const input = (overrides: Partial<ReportInput['filter']> = {}, grain: ReportInput['grain'] = 'week'): ReportInput => ({
  filter: { ...EMPTY_FILTER, from: '2025-03-03', to: '2025-03-09', kind: 'review', ...overrides },
  grain,
  scorecardFor,
  rootCauses: DEFAULT_ROOT_CAUSES,
  kpis: KPIS,
});

/** The report over these evaluations' report rows, as the dashboard reads them. */
const buildReport = (evaluations: readonly Evaluation[], reportInput: ReportInput) => buildFromRows(reportRows(evaluations), reportInput);

describe('buildReport', () => {
  const report = buildReport(ALL, input());

  it('builds the same figures in three parts as in one when the KPI records come last, and the first two read none', () => {
    // d, of the week before, has a CSAT answer too: it counts in the headline's change, never in QA vs CSAT.
    const kpis = [...KPIS, ticketKpi('zendesk:4', 'Ben', day(2, 25), { csat: 3 })];
    for (const filter of [{}, { from: '', to: '' }, { agent: 'Ana' }, { kind: '' as const }]) {
      const withKpis = { ...input(filter), kpis };
      const whole = buildReport(ALL, withKpis);
      // The dashboard builds the overview and criteria before it has read any KPI record.
      const noKpis = { ...withKpis, kpis: [] };
      const overview = buildReport(ALL, { ...noKpis, parts: 'overview' });
      const criteria = buildReport(ALL, { ...noKpis, parts: 'criteria' });
      const kpiPart = buildKpiPart(reportRows(ALL), withKpis);
      expect(addKpis({ ...overview, criteria: criteria.criteria, rootCauses: criteria.rootCauses }, kpiPart)).toEqual(whole);
      // Before the KPI part: no KPI figure at all, not figures of nothing mistaken for real ones.
      expect(overview.qaVsCsat.points).toEqual([]);
      expect(overview.trend.every((p) => p.kpis === undefined)).toBe(true);
      expect(overview.agents.every((row) => row.kpis === undefined)).toBe(true);
      // The overview's critical-fail rate comes from the critical criteria alone, without the answer walk.
      expect(overview.criteria).toEqual([]);
      expect(overview.rootCauses).toEqual([]);
    }
    expect(buildReport(ALL, input()).criteria.length).toBeGreaterThan(0);
    expect(buildReport(ALL, input()).qaVsCsat.points.length).toBeGreaterThan(0);
  });

  it('gives the headline for the period and the week before', () => {
    expect(report.headline.current.evaluations).toBe(3);
    expect(report.headline.current.meanScore).toBeCloseTo((100 + 0 + 83.33) / 3, 2);
    expect(report.headline.current.passRate).toBeCloseTo(66.67, 2);
    expect(report.headline.current.criticalFailRate).toBeCloseTo(33.33, 2);
    expect(report.headline.current.meanReviewSeconds).toBe(90); // c recorded no time
    expect(report.headline.previous).toEqual({ evaluations: 1, meanScore: 80, passRate: 100, criticalFailRate: 0, meanReviewSeconds: 100 });
    expect(headlineChange(report.headline, 'meanScore')).toBeCloseTo(61.11 - 80, 2);
    expect(headlineChange(report.headline, 'evaluations')).toBe(2);
  });

  it('has no previous period when the period is open-ended', () => {
    const open = buildReport(ALL, input({ from: '', to: '' }));
    expect(open.headline.previous).toBeNull();
    expect(open.headline.current.evaluations).toBe(5); // a b c d e: reviews only, no draft
    expect(headlineChange(open.headline, 'meanScore')).toBeNull();
  });

  it.each([
    ['week', ['2025-W10'], [3]],
    ['month', ['2025-03'], [3]],
  ] as const)('buckets the trend by %s', (grain, keys, counts) => {
    const trend = buildReport(ALL, input({}, grain)).trend;
    expect(trend.map((p) => p.bucket.key)).toEqual(keys);
    expect(trend.map((p) => p.evaluations)).toEqual(counts);
    expect(trend[0]?.meanScore).toBeCloseTo(61.11, 2);
  });

  it('shows empty weeks of an open period as gaps', () => {
    const trend = buildReport(ALL, input({ from: '', to: '' })).trend;
    expect(trend.map((p) => [p.bucket.key, p.evaluations, p.meanScore])).toEqual([
      ['2025-W09', 1, 80],
      ['2025-W10', 3, expect.closeTo(61.11, 2)],
      ['2025-W11', 1, 100],
    ]);
  });

  it('lists agents with sample size, sparkline and their KPIs', () => {
    expect(report.agents.map((r) => [r.name, r.evaluations, r.meanScore, r.passRate, r.criticalFailRate])).toEqual([
      ['Ana', 2, 50, 50, 50],
      ['Ben', 1, expect.closeTo(83.33, 2), 100, 0],
    ]);
    expect(report.agents[0]?.spark).toEqual([50]);
    // Ana: tickets 1 (CSAT 5, resolved first time, promoter) and 2 (CSAT 2, not resolved, detractor).
    expect(report.agents[0]?.kpis).toEqual({ csatPercent: 50, fcrPercent: 50, nps: 0, ahtSeconds: null, tickets: 2 });
    // Ben: one ticket answer (CSAT 4) wins over the period's 70 %; FCR, NPS and AHT come from the period record.
    expect(report.agents[1]?.kpis).toEqual({ csatPercent: 100, fcrPercent: 60, nps: 20, ahtSeconds: 300, tickets: 1 });
  });

  it('places KPIs typed in the panel, which have no ticket time, by when they were entered', () => {
    const kpis = [ticketKpi('zendesk:1', 'Ana', null, { csat: 2 }, day(3, 4)), ticketKpi('zendesk:2', 'Ana', null, { csat: 5 }, day(2, 1))];
    const panel = buildReport(ALL, { ...input(), kpis });
    expect(panel.agents[0]?.kpis).toMatchObject({ csatPercent: 0, tickets: 1 });
  });

  it('ranks the weakest criteria by fail rate, then by mean', () => {
    expect(report.criteria.map((r) => [r.title, r.rated, r.meanScore, r.failRate])).toEqual([
      ['Proactive help', 3, 0, 100],
      ['Accurate answer', 3, expect.closeTo(66.67, 2), expect.closeTo(33.33, 2)],
      ['Tone', 3, expect.closeTo(77.78, 2), expect.closeTo(33.33, 2)],
      ['Asked clarifying questions', 2, 100, 0], // c answered N/A
      ['Greeting', 3, 100, 0],
    ]);
  });

  it('keeps one row per criterion across scorecard versions, under its newest wording', () => {
    const renamed = structuredClone(SUPPORT_CONTENT);
    renamed.sections[1]!.criteria[1]!.title = 'Tone of voice';
    const v2 = makeScorecard({ version: 2 }, renamed);
    const newer = reportEvaluation({ id: 'v2', ticketId: '9', agent: 'Ana', submittedAt: day(3, 6), scorecard: v2, choices: { tone: '1' } });
    const lookup = (id: string, version: number) => (version === 2 ? v2 : scorecardFor(id, version));
    const tone = buildReport([newer, ...ALL], { ...input(), scorecardFor: lookup }).criteria.filter((r) => r.key === `${scorecard.id}:tone`);
    expect(tone.map((r) => [r.title, r.rated, r.failRate])).toEqual([['Tone of voice', 4, 50]]);
  });

  it('counts root causes into a Pareto with the team labels and categories', () => {
    expect(report.rootCauses.map((r) => [r.label, r.category, r.agentControllable, r.count, r.share, r.cumulativeShare])).toEqual([
      ['Knowledge gap', 'agent', true, 2, 50, 50],
      ['gone-cause', null, false, 1, 25, 75],
      ['Process unclear or missing', 'process', false, 1, 25, 100],
    ]);
  });

  it('pairs QA scores with the latest CSAT answer of the same ticket', () => {
    expect(report.qaVsCsat.points.map((p) => [p.evaluationId, p.score, p.csat])).toEqual([
      ['a', 100, 5],
      ['b', 0, 2],
      ['c', expect.closeTo(83.33, 2), 4],
    ]);
    // Worked by hand: Σdxdy = 161.11, Σdx² = 5740.74, Σdy² = 4.667 → r = 161.11 / 163.68.
    expect(report.qaVsCsat.correlation).toBeCloseTo(0.984, 3);
  });

  it('gives volume, mean score given and review time per reviewer', () => {
    expect(report.reviewers).toEqual([
      { name: 'Rita Reviewer', evaluations: 2, meanScore: 50, meanReviewSeconds: 90 },
      { name: 'Tom Reviewer', evaluations: 1, meanScore: expect.closeTo(83.33, 2), meanReviewSeconds: null },
    ]);
  });

  it('reports the self-vs-reviewer gap even when only reviews are shown', () => {
    expect(report.selfReviewGap.byAgent).toEqual([{ name: 'Ben', key: 'Ben', compared: 1, meanGap: expect.closeTo(16.67, 2), ticketKeys: ['zendesk:3'] }]);
    // Tone: self "Excellent" (1) vs review "Needs improvement" (1/3); clarify was N/A in the review.
    expect(report.selfReviewGap.byCriterion.map((r) => [r.name, r.compared, r.meanGap])).toEqual([
      ['Tone', 1, expect.closeTo(66.67, 2)],
      ['Accurate answer', 1, 0],
      ['Greeting', 1, 0],
      ['Proactive help', 1, 0],
    ]);
  });

  it.each([
    ['agent', { agent: 'Ben' }, 1],
    ['channel', { channel: 'chat' as const }, 0],
    ['helpdesk', { helpdesk: 'zendesk' }, 3],
    ['reviewer', { reviewer: 'Tom Reviewer' }, 1],
    ['scorecard version', { scorecard: 'sc-support@2' }, 0],
    ['scorecard, every version', { scorecard: 'sc-support' }, 3],
    ['kind', { kind: 'self-assessment' as const }, 1],
    ['every kind', { kind: '' as const }, 4],
  ])('applies the %s filter to every figure', (_name, filter, count) => {
    const filtered = buildReport(ALL, input(filter));
    expect(filtered.headline.current.evaluations).toBe(count);
    expect(filtered.agents.reduce((n, r) => n + r.evaluations, 0)).toBe(count);
    expect(filtered.reviewers.reduce((n, r) => n + r.evaluations, 0)).toBe(count);
    expect(filtered.trend.reduce((n, p) => n + p.evaluations, 0)).toBe(count);
  });

  it('counts no critical failures when the scorecard version is no longer stored', () => {
    const unknown = buildReport(ALL, { ...input(), scorecardFor: () => undefined });
    expect(unknown.headline.current.criticalFailRate).toBeNull();
    expect(unknown.headline.current.meanScore).toBeCloseTo(61.11, 2);
    expect(unknown.criteria).toEqual([]);
  });
});
