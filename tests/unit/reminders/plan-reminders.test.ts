import { dueCount, nextDueAt, planReminders, toNotify } from '@/lib/reminders/plan-reminders';
import type { CoachingPlan, Reminder } from '@/lib/schemas';
import { DAY, T } from '../coaching/coaching-factories';
import { AGENT, DEADLINE, makeReview, REVIEWER, SUBMITTED_AT } from '../feedback/review-factories';

function plan(overrides: Partial<CoachingPlan> = {}): CoachingPlan {
  return {
    id: 'plan-1',
    agent: { name: 'Ana Agent' },
    createdBy: { name: REVIEWER.name, role: 'supervisor' },
    sourceEvaluationId: null,
    metric: { kind: 'qa-score' },
    baseline: { value: 70, sampleSize: 3, from: T - 90 * DAY, to: T },
    target: 85,
    goal: '',
    actions: [{ text: 'Read the refund policy', done: false }],
    startAt: T,
    dueAt: T + 13 * DAY,
    followUpAt: T + 14 * DAY,
    outcome: null,
    createdAt: T,
    updatedAt: T,
    ...overrides,
  };
}

describe('planning reminders', () => {
  it('reminds the agent a day before the deadline to answer a review about them', () => {
    expect(planReminders([makeReview()], [], AGENT, 'Europe/London')).toEqual([
      {
        id: 'acknowledgement:ev-1',
        kind: 'acknowledgement',
        subjectId: 'ev-1',
        dueAt: DEADLINE - DAY,
        title: 'A review awaits your answer',
        message: 'Acknowledge or dispute the review of "Refund not received" by Mon 30 Nov, 23:59.',
      },
    ]);
  });

  it('reminds at once when the review arrives with less than a day to go', () => {
    const late = makeReview({ submittedAt: DEADLINE - 3_600_000 });
    expect(planReminders([late], [], AGENT, 'UTC')[0]?.dueAt).toBe(DEADLINE - 3_600_000);
  });

  it.each([
    ['an acknowledged review', makeReview({ status: 'acknowledged' })],
    ['a disputed review', makeReview({ status: 'disputed' })],
    ['a review with no deadline', makeReview({ acknowledgeBy: null })],
    ['a review about someone else', makeReview({ agent: 'Bob Agent' })],
    ['a self-assessment', makeReview({ kind: 'self-assessment' })],
  ])('plans nothing for %s', (_case, review) => {
    expect(planReminders([review], [], AGENT, 'UTC')).toEqual([]);
  });

  it('reminds the supervisor who made a plan at its follow-up date, and no one else', () => {
    expect(planReminders([], [plan()], REVIEWER, 'UTC')).toEqual([
      {
        id: 'follow-up:plan-1',
        kind: 'follow-up',
        subjectId: 'plan-1',
        dueAt: T + 14 * DAY,
        title: 'Coaching follow-up: Ana Agent',
        message: "Record the outcome of Ana Agent's coaching plan against its target.",
      },
    ]);
    expect(planReminders([], [plan()], { ...REVIEWER, name: 'Sam Other' }, 'UTC')).toEqual([]);
    expect(planReminders([], [plan()], { ...REVIEWER, name: '' }, 'UTC')).toEqual([]);
  });

  it('drops a plan’s reminder once it is followed up', () => {
    const done = plan({ outcome: { at: T, by: { name: REVIEWER.name, role: 'supervisor' }, measured: { value: 90, sampleSize: 2, from: T, to: T }, met: true, note: '' } });
    expect(planReminders([], [done], REVIEWER, 'UTC')).toEqual([]);
  });
});

describe('what is due', () => {
  const reminder = (id: string, dueAt: number, notifiedAt: number | null = null): Reminder => ({ id, kind: 'follow-up', subjectId: id, dueAt, title: id, message: id, notifiedAt });
  const stored = [reminder('shown', SUBMITTED_AT - 10, SUBMITTED_AT - 5), reminder('due', SUBMITTED_AT), reminder('later', SUBMITTED_AT + 50), reminder('latest', SUBMITTED_AT + 90)];

  it('shows the due reminders not yet shown, badges every due one, and wakes for the next', () => {
    expect(toNotify(stored, SUBMITTED_AT).map((r) => r.id)).toEqual(['due']);
    expect(dueCount(stored, SUBMITTED_AT)).toBe(2);
    expect(nextDueAt(stored, SUBMITTED_AT)).toBe(SUBMITTED_AT + 50);
    expect(nextDueAt(stored, SUBMITTED_AT + 100)).toBeNull();
  });
});
