import { criteriaIndex } from '@/lib/reports/criterion-outcomes';
import { drillMatcher, type Drill } from '@/lib/reports/drill';
import { reportRows } from '@/lib/reports/report-row';
import { buildReviewPack } from '@/lib/reports/review-pack';
import { day, reportEvaluation, scorecard, scorecardFor } from './report-factories';

const a = reportEvaluation({ id: 'a', ticketId: '1', agent: 'Ana', submittedAt: day(3, 3), strengths: 'Warm, clear opening' });
const b = reportEvaluation({
  id: 'b',
  ticketId: '2',
  subject: 'Refund missing',
  agent: 'Ana',
  submittedAt: day(3, 4),
  choices: { accurate: 'no', tone: '1' },
  comments: { accurate: 'Quoted the old refund policy' },
  evidence: { accurate: ['Refunds take 30 days'] },
  rootCauses: { accurate: ['knowledge-gap'] },
});
const c = reportEvaluation({ id: 'c', ticketId: '3', agent: 'Ben', reviewer: 'Tom', submittedAt: day(3, 5), choices: { tone: '2' } });
const ALL = [a, b, c];
const criteriaFor = criteriaIndex(scorecardFor);

describe('drill-through', () => {
  it.each<[string, Drill, string[]]>([
    ['the period', { kind: 'period' }, ['a', 'b', 'c']],
    ['critical failures', { kind: 'critical-fail' }, ['b']],
    ['one week', { kind: 'bucket', start: day(3, 4) - 12 * 3600_000, end: day(3, 5) - 12 * 3600_000 }, ['b']],
    ['an agent', { kind: 'agent', agent: 'Ana' }, ['a', 'b']],
    ['a criterion rated', { kind: 'criterion', key: `${scorecard.id}:tone`, failedOnly: false }, ['a', 'b', 'c']],
    ['a criterion failed', { kind: 'criterion', key: `${scorecard.id}:tone`, failedOnly: true }, ['b', 'c']],
    ['a root cause', { kind: 'root-cause', id: 'knowledge-gap' }, ['b']],
    ['a reviewer', { kind: 'reviewer', name: 'Tom' }, ['c']],
    ['a scatter point', { kind: 'evaluations', ids: ['c'] }, ['c']],
    ['tickets', { kind: 'tickets', keys: ['zendesk:1', 'zendesk:3'] }, ['a', 'c']],
  ])('lists the evaluations behind %s', (_name, drill, ids) => {
    expect(reportRows(ALL).filter(drillMatcher(drill, criteriaFor)).map((e) => e.id)).toEqual(ids);
  });
});

describe('buildReviewPack', () => {
  const pack = buildReviewPack(ALL, { agent: 'Ana', days: { from: '2025-03-01', to: '2025-03-31' }, grain: 'week', scorecardFor });

  it('covers only the agent’s reviews in the period', () => {
    expect(pack.report.headline.current).toMatchObject({ evaluations: 2, meanScore: 50, passRate: 50 });
    expect(pack.report.trend.map((p) => p.evaluations)).toEqual([0, 2, 0, 0, 0, 0]); // weeks 9–14 of 2025 touch March
  });

  it('gives the weakest criteria with the evidence quoted where they were missed', () => {
    expect(pack.weakest.map((w) => [w.title, w.failRate])).toEqual([
      ['Proactive help', 100],
      ['Accurate answer', 50],
      ['Tone', 50],
    ]);
    expect(pack.weakest[1]?.missed).toEqual([
      {
        ticketId: '2',
        subject: 'Refund missing',
        optionLabel: 'No',
        comment: 'Quoted the old refund policy',
        evidence: [expect.objectContaining({ quote: 'Refunds take 30 days' })],
      },
    ]);
  });

  it('gives strengths: criteria never missed and what reviewers praised', () => {
    expect(pack.strongest.map((c) => c.title)).toEqual(['Asked clarifying questions', 'Greeting']); // a tie: by title
    expect(pack.strengthNotes).toEqual([{ ticketId: '1', text: 'Warm, clear opening' }]);
  });
});
