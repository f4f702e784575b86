import { reviewerDrift } from '@/lib/calibration/drift';
import { calibrationResults, describeAgreement, revealedTickets } from '@/lib/calibration/session-results';
import type { CalibrationSession, Evaluation } from '@/lib/schemas';
import { makeEvaluation, makeScorecard } from '../dashboard/factories';

const scorecard = makeScorecard();
const TICKETS = ['1001', '1002', '1003'];

const session: CalibrationSession = {
  id: 'cal-1',
  name: 'March calibration',
  scorecardId: scorecard.id,
  scorecardVersion: 1,
  tickets: TICKETS.map((id) => ({ key: `zendesk:${id}`, helpdesk: 'zendesk', ticketId: id, url: `https://acme.zendesk.com/agent/tickets/${id}`, channel: 'email', subject: `Ticket ${id}`, agent: { name: 'Sam' } })),
  participants: ['Lead', 'Rita', 'Sol'],
  benchmark: 'Lead',
  status: 'open',
  notes: '',
  createdBy: { name: 'Lead', role: 'supervisor' },
  createdAt: new Date(2025, 2, 3).getTime(),
  updatedAt: 0,
};

function score(reviewer: string, ticketId: string, choices: Record<string, string>, at = new Date(2025, 2, 4).getTime()): Evaluation {
  return { ...makeEvaluation({ id: `${reviewer}-${ticketId}`, reviewer, ticketId, agent: 'Sam', choices, submittedAt: at }), kind: 'calibration', calibrationSessionId: 'cal-1' };
}

// Lead (the benchmark) and Rita agree everywhere; Sol misses "clarify" on 1002 and rates tone one point lower on each ticket.
const EVALUATIONS = [
  score('Lead', '1001', { tone: '4' }),
  score('Lead', '1002', { clarify: 'no', tone: '3' }),
  score('Lead', '1003', { greeting: 'no', tone: '2' }),
  score('Rita', '1001', { tone: '4' }),
  score('Rita', '1002', { clarify: 'no', tone: '3' }),
  score('Rita', '1003', { greeting: 'no', tone: '2' }),
  score('Sol', '1001', { tone: '3' }),
  score('Sol', '1002', { clarify: 'yes', tone: '2' }),
  score('Sol', '1003', { greeting: 'no', tone: '1' }),
];

describe('a calibration session’s results', () => {
  const results = calibrationResults(session, scorecard, EVALUATIONS);
  const criterion = (id: string) => results.criteria.find((c) => c.criterionId === id)!;

  it('sets every participant’s answer side by side, per criterion and ticket', () => {
    expect(criterion('tone').answers.map((row) => row.map((a) => a?.label))).toEqual([
      ['Excellent', 'Excellent', 'Good'],
      ['Good', 'Good', 'Needs improvement'],
      ['Needs improvement', 'Needs improvement', 'Poor'],
    ]);
    expect(results.submittedBy).toEqual([3, 3, 3]);
  });

  it('computes agreement per criterion at its level: complete agreement on greeting, less on tone and clarify', () => {
    expect(criterion('greeting')).toMatchObject({ level: 'nominal', percentAgreement: 1, alpha: 1, fleiss: 1 });
    expect(criterion('accurate')).toMatchObject({ percentAgreement: 1, alpha: null });
    // Clarify: two of three tickets unanimous, one split 2–1 (1 agreeing pair of 3): (1 + 1 + 1/3)/3.
    expect(criterion('clarify').percentAgreement).toBeCloseTo(7 / 9, 10);
    expect(criterion('tone').level).toBe('ordinal');
    expect(criterion('tone').alpha!).toBeGreaterThan(0);
    expect(criterion('tone').alpha!).toBeLessThan(1);
  });

  it('aligns each participant with the benchmark, weighted by points', () => {
    // Rita matches the Lead everywhere. Sol: 5 criteria × 3 tickets, weights 1 + 1 + 2 + 1 + 1 = 6 per ticket, 18 in all;
    // tone off by one step (1/3 of the scale) on each ticket costs 3 × 1/3 = 1, clarify missed on one ticket costs 1.
    expect(results.alignment[0]).toBeNull();
    expect(results.alignment[1]).toBe(100);
    expect(results.alignment[2]).toBeCloseTo((100 * (18 - 2)) / 18, 10);
  });

  it('keeps scoring blind: a participant sees others’ scores only of tickets they have scored', () => {
    const partial = EVALUATIONS.filter((e) => !(e.author.name === 'Sol' && e.ticket.ticketId !== '1001'));
    expect([...revealedTickets(session, partial, 'Sol')]).toEqual(['zendesk:1001']);
    expect(revealedTickets(session, partial, 'Someone facilitating').size).toBe(3);
  });

  it('ignores reviews, other sessions, drafts and non-participants', () => {
    const noise: Evaluation[] = [
      { ...score('Sol', '1001', { greeting: 'no' }), kind: 'review' },
      { ...score('Sol', '1001', { greeting: 'no' }), calibrationSessionId: 'other' },
      { ...score('Sol', '1001', { greeting: 'no' }), status: 'draft' },
      score('Visitor', '1001', { greeting: 'no' }),
    ];
    expect(calibrationResults(session, scorecard, [...EVALUATIONS, ...noise]).criteria.find((c) => c.criterionId === 'greeting')!.percentAgreement).toBe(1);
  });

  it.each([
    ['kappa', 0.43, 'moderate'],
    ['kappa', 0.15, 'slight'],
    ['alpha', 0.85, 'reliable'],
    ['alpha', 0.7, 'tentative'],
    ['alpha', 0.5, 'unreliable'],
    ['alpha', null, 'not defined'],
  ] as const)('%s %s reads as %s', (statistic, value, words) => {
    expect(describeAgreement(statistic, value)).toBe(words);
  });
});

describe('reviewer drift', () => {
  it('shows each reviewer’s mean given score and benchmark alignment by month', () => {
    const reviews = [
      { ...makeEvaluation({ id: 'r1', reviewer: 'Sol', choices: { tone: '4' }, submittedAt: new Date(2025, 1, 10).getTime() }) },
      { ...makeEvaluation({ id: 'r2', reviewer: 'Sol', choices: { tone: '1' }, submittedAt: new Date(2025, 2, 10).getTime() }) },
    ];
    const drift = reviewerDrift([...reviews, ...EVALUATIONS], [session], () => scorecard);
    expect(drift.months).toEqual(['2025-02', '2025-03']);
    const sol = drift.reviewers.find((r) => r.name === 'Sol')!;
    expect(sol.cells.map((c) => c.reviews)).toEqual([1, 1]);
    expect(sol.cells[0]!.meanGiven).toBeGreaterThan(sol.cells[1]!.meanGiven!);
    expect(sol.cells[1]!.alignment).toBeCloseTo((100 * 16) / 18, 10);
    expect(drift.reviewers.find((r) => r.name === 'Lead')).toBeUndefined();
  });
});
