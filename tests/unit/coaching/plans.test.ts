import { followUpPlan } from '@/lib/coaching/follow-up';
import { buildCoachingPlan, CoachingPlanError, type PlanDraft } from '@/lib/coaching/new-plan';
import { makeReview } from '../feedback/review-factories';
import { ANA, DAY, GREETING, HISTORY, scorecards, T } from './coaching-factories';

const RITA = { name: 'Rita Reviewer', role: 'supervisor' as const };
const context = { createdBy: RITA, now: T, timeZone: 'Europe/London', evaluations: HISTORY, scorecards };
const draft: PlanDraft = {
  agent: ANA,
  metric: GREETING,
  target: '80',
  goal: 'Greet every customer by name.',
  actions: 'Use the name from the ticket\n\n  Shadow Sam on two chats  ',
  dueDate: '2026-12-04',
  followUpDate: '2026-12-07',
};

describe('creating a coaching plan', () => {
  it('measures the baseline from the agent’s last 90 days and reads the dates as London calendar days', () => {
    const plan = buildCoachingPlan(draft, context);
    expect(plan).toMatchObject({
      agent: { name: 'Ana Agent' },
      createdBy: RITA,
      metric: GREETING,
      // Greeting No, Yes, No → 33.33 over 3 reviews.
      baseline: { value: 33.33, sampleSize: 3, from: T - 90 * DAY, to: T },
      target: 80,
      actions: [
        { text: 'Use the name from the ticket', done: false },
        { text: 'Shadow Sam on two chats', done: false },
      ],
      startAt: T,
      dueAt: Date.parse('2026-12-04T23:59:59.999Z'),
      followUpAt: Date.parse('2026-12-07T00:00:00Z'),
      outcome: null,
    });
  });

  it('in New York the same dates end five hours later', () => {
    const plan = buildCoachingPlan(draft, { ...context, timeZone: 'America/New_York' });
    expect(new Date(plan.dueAt).toISOString()).toBe('2026-12-05T04:59:59.999Z');
    expect(new Date(plan.followUpAt).toISOString()).toBe('2026-12-07T05:00:00.000Z');
  });

  it('allows a follow-up today, so a plan can be checked at once', () => {
    const plan = buildCoachingPlan({ ...draft, dueDate: '2026-11-23', followUpDate: '2026-11-23' }, context);
    expect(plan.followUpAt).toBeLessThanOrEqual(T);
  });

  it.each<[string, Partial<PlanDraft>, Partial<typeof context>, RegExp]>([
    ['an agent creating a plan', {}, { createdBy: { name: 'Ana', role: 'agent' } as never }, /Only a supervisor or an admin/],
    ['no agent', { agent: { name: '  ' } }, {}, /Choose the agent/],
    ['no metric', { metric: null }, {}, /Choose what the plan measures/],
    ['a target that is not a number', { target: 'better' }, {}, /Target must be a number/],
    ['an empty target', { target: '' }, {}, /Target must be a number/],
    ['a percentage target above 100', { target: '120' }, {}, /from 0 to 100/],
    ['a target below the baseline', { target: '20' }, {}, /Target cannot be worse than the baseline of 33.33/],
    ['a due date that is not a date', { dueDate: '2026-02-30' }, {}, /Due date must be a date/],
    ['a due date in the past', { dueDate: '2026-11-22' }, {}, /Due date cannot be in the past/],
    ['a follow-up before the due date', { followUpDate: '2026-12-01' }, {}, /Follow-up date must be on or after the due date/],
    ['a missing follow-up date', { followUpDate: '' }, {}, /Follow-up date must be a date/],
    ['no actions', { actions: ' \n ' }, {}, /at least one agreed action/],
  ])('refuses %s', (_case, change, contextChange, message) => {
    const act = () => buildCoachingPlan({ ...draft, ...change }, { ...context, ...contextChange });
    expect(act).toThrow(CoachingPlanError);
    expect(act).toThrow(message);
  });
});

describe('following up a plan', () => {
  const plan = buildCoachingPlan(draft, context);
  const since = (days: number, greeting: string, id: string) => makeReview({ id, choices: { greeting }, submittedAt: T + days * DAY });

  it('measures only the reviews since the plan started and records the target as met', () => {
    const evaluations = [...HISTORY, since(2, 'yes', 'n1'), since(5, 'yes', 'n2'), since(9, 'no', 'n3'), since(20, 'no', 'later')];
    // Greeting Yes, Yes, No since the start → 66.67 < 80: not met. The review after "now" is not counted.
    const result = followUpPlan(plan, { by: RITA, now: T + 14 * DAY, note: ' Better. ', evaluations, scorecards });
    expect(result.outcome).toEqual({
      at: T + 14 * DAY,
      by: RITA,
      measured: { value: 66.67, sampleSize: 3, from: T, to: T + 14 * DAY + 1 },
      met: false,
      note: 'Better.',
    });
    const met = followUpPlan(plan, { by: RITA, now: T + 14 * DAY, note: '', evaluations: [...HISTORY, since(2, 'yes', 'n1'), since(5, 'yes', 'n2')], scorecards });
    expect(met.outcome).toMatchObject({ measured: { value: 100, sampleSize: 2 }, met: true });
  });

  it.each<[string, () => unknown, RegExp]>([
    ['with no new evaluations since the start', () => followUpPlan(plan, { by: RITA, now: T + 14 * DAY, note: '', evaluations: HISTORY, scorecards }), /No new evaluations of Ana Agent since the plan started on 2026-11-23/],
    ['twice', () => {
      const done = followUpPlan(plan, { by: RITA, now: T + DAY, note: '', evaluations: [since(0.5, 'yes', 'n1')], scorecards });
      return followUpPlan(done, { by: RITA, now: T + 2 * DAY, note: '', evaluations: [since(0.5, 'yes', 'n1')], scorecards });
    }, /already followed up/],
    ['by the agent', () => followUpPlan(plan, { by: { name: 'Ana Agent', role: 'agent' }, now: T + DAY, note: '', evaluations: [since(0.5, 'yes', 'n1')], scorecards }), /Only a supervisor or an admin/],
  ])('refuses a follow-up %s', (_case, act, message) => {
    expect(act).toThrow(CoachingPlanError);
    expect(act).toThrow(message);
  });
});
