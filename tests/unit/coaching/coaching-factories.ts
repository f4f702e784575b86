import type { CoachingMetric, KpiRecord } from '@/lib/schemas';
import { makeReview, SCORECARD } from '../feedback/review-factories';

export const DAY = 24 * 60 * 60 * 1000;
/** "Now" in these tests: Monday 23 November 2026, 10:00 UTC. */
export const T = Date.parse('2026-11-23T10:00:00Z');
export const ANA = { name: 'Ana Agent' };
export const scorecards = (id: string, version: number) => (id === SCORECARD.id && version === SCORECARD.version ? SCORECARD : undefined);

export const criterionMetric = (criterionId: string, title: string, scorecardId = SCORECARD.id): CoachingMetric => ({ kind: 'criterion', scorecardId, criterionId, title });
export const GREETING = criterionMetric('greeting', 'Greeting');

/**
 * Ana's reviews before T (scores by the rules, base weights 1 + 1 + 2 + 1):
 * - 10 days before: greeting No, tone Good (2/3) → (0 + 1 + 2 + 2/3) / 5 = 73.33, not passed
 * - 5 days before: all best → 100, passed
 * - 3 days before: greeting No, clarify N/A → (0 + 2 + 1) / 4 = 75, not passed
 * plus Bob's all-No review and Ana's own self-assessment, neither of which measures Ana.
 */
export const HISTORY = [
  makeReview({ id: 'ev-a1', choices: { greeting: 'no', tone: '3' }, submittedAt: T - 10 * DAY }),
  makeReview({ id: 'ev-a2', submittedAt: T - 5 * DAY }),
  makeReview({ id: 'ev-a3', choices: { greeting: 'no', clarify: 'na' }, submittedAt: T - 3 * DAY }),
  makeReview({ id: 'ev-b1', agent: 'Bob Agent', choices: { greeting: 'no', clarify: 'no', accurate: 'no', tone: '1' }, submittedAt: T - 2 * DAY }),
  makeReview({ id: 'ev-a-self', kind: 'self-assessment', choices: { greeting: 'no' }, submittedAt: T - 2 * DAY }),
];

const ticketKpi = (id: string, at: number, kpis: Partial<Extract<KpiRecord, { scope: 'ticket' }>['kpis']>, agent = ANA.name): KpiRecord => ({
  id,
  scope: 'ticket',
  ticketKey: `zendesk:${id}`,
  agent,
  at,
  kpis: { csat: null, nps: null, firstContactResolved: null, firstResponseSeconds: null, resolutionSeconds: null, reopens: null, ...kpis },
  source: 'import',
  createdAt: at,
  updatedAt: at,
});

const periodKpi = (id: string, periodStart: number, ahtSeconds: number): KpiRecord => ({
  id,
  scope: 'agent-period',
  agent: ANA.name,
  periodStart,
  periodEnd: periodStart + 7 * DAY,
  kpis: { csatPercent: null, fcrPercent: null, nps: null, ahtSeconds },
  source: 'import',
  createdAt: periodStart,
  updatedAt: periodStart,
});

export const KPIS: KpiRecord[] = [
  ticketKpi('k1', T - 9 * DAY, { csat: 5, nps: 10, firstResponseSeconds: 60, firstContactResolved: true }),
  ticketKpi('k2', T - 8 * DAY, { csat: 4, nps: 8, firstResponseSeconds: 120, firstContactResolved: false }),
  ticketKpi('k3', T - 7 * DAY, { csat: 2, nps: 3, reopens: 2, firstContactResolved: true }),
  ticketKpi('k-bob', T - 7 * DAY, { csat: 1 }, 'Bob Agent'),
  periodKpi('p1', T - 14 * DAY, 300),
  periodKpi('p2', T - 7 * DAY, 500),
];
