import { saveScorecard, saveTeamSettings, submitEvaluation } from '@/lib/db';
import { DEFAULT_TEAM_SETTINGS } from '@/lib/schemas';
import { acknowledge, dispute, listDisputedReviews, listMyReviews, resolve } from '@/lib/db/feedback';
import { createCoachingPlan, recordFollowUp } from '@/lib/db/coaching';
import { newDraft } from '@/lib/evaluations/new-draft';
import { DAY } from '../coaching/coaching-factories';
import { AGENT, DEADLINE, makeReview, REVIEWER, SCORECARD, SUBMITTED_AT } from '../feedback/review-factories';
import { chatTemplate, freshDatabase, ticket } from './factories';

async function seeded() {
  const db = freshDatabase();
  await db.scorecards.put(SCORECARD);
  await db.evaluations.bulkPut([
    makeReview({ id: 'ev-1', choices: { greeting: 'no', tone: '3' } }),
    makeReview({ id: 'ev-2', submittedAt: SUBMITTED_AT + 1000 }),
    makeReview({ id: 'ev-bob', agent: 'Bob Agent' }),
  ]);
  return db;
}
const NOW = SUBMITTED_AT + 3_600_000;

describe('the review loop in the database', () => {
  it('lists the reviews about the signed-in agent, newest first, with their answers', async () => {
    const db = await seeded();
    expect((await listMyReviews(db, AGENT)).map((r) => r.evaluation.id)).toEqual(['ev-2', 'ev-1']);
    expect((await listMyReviews(db, AGENT))[0]?.scorecard?.name).toBe('Support basics');
  });

  it('stores an acknowledgement and the status change together', async () => {
    const db = await seeded();
    await acknowledge(db, 'ev-2', AGENT, NOW, 'Thanks');
    expect(await db.acknowledgements.where('evaluationId').equals('ev-2').toArray()).toMatchObject([{ agent: { name: 'Ana Agent' }, comment: 'Thanks', createdAt: NOW }]);
    expect((await db.evaluations.get('ev-2'))?.status).toBe('acknowledged');
  });

  it('writes nothing when the acknowledgement is refused', async () => {
    const db = await seeded();
    await expect(acknowledge(db, 'ev-2', AGENT, DEADLINE + 1)).rejects.toThrow(/deadline to answer this review passed/);
    expect(await db.acknowledgements.count()).toBe(0);
    expect((await db.evaluations.get('ev-2'))?.status).toBe('submitted');
  });

  it('carries a dispute to the reviewer, who accepts it: the score changes and the dispute closes', async () => {
    const db = await seeded();
    await dispute(db, 'ev-1', AGENT, NOW, [{ criterionId: 'greeting', reason: 'I greeted by name in line 1.' }]);
    const open = await listDisputedReviews(db);
    expect(open.map((r) => r.evaluation.id)).toEqual(['ev-1']);
    const disputeId = open[0]!.disputes[0]!.id;

    const resolved = await resolve(db, disputeId, [{ criterionId: 'greeting', decision: 'accepted', optionId: 'yes', reason: 'Right, it was there.' }], REVIEWER, NOW + 1);
    expect(resolved).toMatchObject({ status: 'resolved', score: 93.33, passed: true });
    expect(await db.disputes.get(disputeId)).toMatchObject({ status: 'resolved', resolution: { by: { name: 'Rita Reviewer' } } });
    expect(await listDisputedReviews(db)).toEqual([]);
  });

  it('refuses a second dispute on a resolved review and keeps the first', async () => {
    const db = await seeded();
    await dispute(db, 'ev-1', AGENT, NOW, [{ criterionId: 'greeting', reason: 'x' }]);
    const [first] = await db.disputes.toArray();
    await resolve(db, first!.id, [{ criterionId: 'greeting', decision: 'rejected', reason: 'No greeting.' }], REVIEWER, NOW + 1);
    await expect(dispute(db, 'ev-1', AGENT, NOW + 2, [{ criterionId: 'tone', reason: 'Tone was fine.' }])).rejects.toThrow(/cannot be disputed: it had its dispute resolved/);
    expect(await db.disputes.count()).toBe(1);
  });

  it('sets the acknowledgement deadline on reviews at submission, from the team’s working days, and records the submission', async () => {
    const db = freshDatabase();
    const card = await saveScorecard(db, { content: chatTemplate }, 1);
    const answered = (kind: 'review' | 'self-assessment') => {
      const draft = newDraft({ ticket, scorecard: card, author: REVIEWER, kind, now: 1 });
      const criteria = card.sections.flatMap((s) => s.criteria);
      return { ...draft, answers: Object.fromEntries(criteria.map((c) => [c.id, { na: false, comment: '', evidence: [], rootCauses: [], optionId: c.scale.kind === 'binary' ? 'yes' : '1' }])) };
    };
    // Friday 27 November 2026, 15:00 UTC; 2 working days → end of Tuesday 1 December.
    const friday = Date.parse('2026-11-27T15:00:00Z');
    await saveTeamSettings(db, { ...DEFAULT_TEAM_SETTINGS, acknowledgementWorkingDays: 2 });
    const review = await submitEvaluation(db, answered('review'), card, ticket, friday, 'UTC');
    expect(review.acknowledgeBy).toBe(Date.parse('2026-12-01T23:59:59.999Z'));
    expect(review.history).toEqual([
      { at: friday, by: { name: 'Rita Reviewer', role: 'supervisor' }, from: 'draft', to: 'submitted', reason: '', answerChanges: [], scoreBefore: null, scoreAfter: null },
    ]);
    expect((await submitEvaluation(db, answered('self-assessment'), card, ticket, friday, 'UTC')).acknowledgeBy).toBeNull();
    await saveTeamSettings(db, { ...DEFAULT_TEAM_SETTINGS, acknowledgementWorkingDays: 0 });
    expect((await submitEvaluation(db, answered('review'), card, ticket, friday, 'UTC')).acknowledgeBy).toBeNull();
  });
});

describe('coaching plans in the database', () => {
  it('creates a plan with its baseline, then refuses a follow-up with nothing new, then records one', async () => {
    const db = await seeded();
    const now = SUBMITTED_AT + DAY;
    const plan = await createCoachingPlan(
      db,
      { agent: { name: 'Ana Agent' }, metric: { kind: 'qa-score' }, target: '95', goal: '', actions: 'Use the greeting checklist', dueDate: '2026-12-04', followUpDate: '2026-12-07' },
      { createdBy: { name: REVIEWER.name, role: 'supervisor' }, now, timeZone: 'UTC' },
    );
    // Ana's reviews: 73.33 and 100 → 86.67.
    expect(plan.baseline).toMatchObject({ value: 86.67, sampleSize: 2 });
    await expect(recordFollowUp(db, plan.id, REVIEWER, now + DAY, '')).rejects.toThrow(/No new evaluations of Ana Agent since the plan started/);
    await db.evaluations.put(makeReview({ id: 'ev-new', submittedAt: now + DAY }));
    const followed = await recordFollowUp(db, plan.id, REVIEWER, now + 2 * DAY, 'Good progress');
    expect(followed.outcome).toMatchObject({ measured: { value: 100, sampleSize: 1 }, met: true, note: 'Good progress' });
    expect((await db.coachingPlans.get(plan.id))?.outcome?.met).toBe(true);
  });
});
