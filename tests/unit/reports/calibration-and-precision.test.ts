import { EMPTY_FILTER } from '@/lib/dashboard/filter-evaluations';
import { buildReport, type ReportInput } from '@/lib/reports/build-report';
import { meanInterval, wilsonInterval } from '@/lib/stats/intervals';
import { reportRows } from '@/lib/reports/report-row';
import { day, reportEvaluation, scorecardFor } from './report-factories';

const input = (kind: ReportInput['filter']['kind'] = ''): ReportInput => ({
  filter: { ...EMPTY_FILTER, kind, from: '2025-03-03', to: '2025-03-09' },
  grain: 'week',
  scorecardFor,
  rootCauses: [],
  kpis: [],
});

const reviews = [
  reportEvaluation({ id: 'r1', ticketId: '1', agent: 'Ana', submittedAt: day(3, 3) }),
  reportEvaluation({ id: 'r2', ticketId: '2', agent: 'Ana', submittedAt: day(3, 4), choices: { tone: '2' } }),
  reportEvaluation({ id: 'r3', ticketId: '3', agent: 'Ana', submittedAt: day(3, 5), choices: { greeting: 'no' } }),
];
// A harsh calibration score of one of Ana's tickets: it measures the reviewer, not Ana.
const calibration = { ...reportEvaluation({ id: 'c1', ticketId: '1', agent: 'Ana', submittedAt: day(3, 6), choices: { accurate: 'no' } }), kind: 'calibration' as const, calibrationSessionId: 'cal-1' };

describe('calibration scores in the dashboard', () => {
  it('never count toward the agent’s figures or the headline', () => {
    const withCalibration = buildReport(reportRows([...reviews, calibration]), input());
    const without = buildReport(reportRows(reviews), input());
    expect(withCalibration.agents).toEqual(without.agents);
    expect(withCalibration.headline).toEqual(without.headline);
    expect(withCalibration.agents[0]).toMatchObject({ name: 'Ana', evaluations: 3 });
  });

  it('are reported only when the kind filter asks for them, and still not as an agent’s score', () => {
    const report = buildReport(reportRows([...reviews, calibration]), input('calibration'));
    expect(report.headline.current.evaluations).toBe(1);
    expect(report.agents).toEqual([]);
  });
});

describe('precision in the agent table', () => {
  it('keeps the running sums its intervals need: n, Σx, Σx², passes and verdicts', () => {
    const ana = buildReport(reportRows(reviews), input()).agents[0]!;
    const scores = reviews.map((r) => r.score!);
    expect(ana.sums.scores).toEqual({ n: 3, sum: scores.reduce((a, b) => a + b, 0), sumSquares: scores.reduce((a, b) => a + b * b, 0) });
    expect(ana.sums).toMatchObject({ passes: reviews.filter((r) => r.passed).length, verdicts: 3 });
    expect(meanInterval(ana.sums.scores)!.value).toBeCloseTo(ana.meanScore!, 10);
    expect(wilsonInterval(ana.sums.passes, ana.sums.verdicts)!.value).toBeCloseTo(ana.passRate!, 10);
  });
});
