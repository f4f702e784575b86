import { acknowledgeReview, disputeReview, resolveDispute, ReviewTransitionError, type DecisionInput } from '@/lib/feedback/review-lifecycle';
import type { Dispute, Evaluation } from '@/lib/schemas';
import { AGENT, DEADLINE, makeReview, REVIEWER, SCORECARD, SUBMITTED_AT } from './review-factories';

const NOW = SUBMITTED_AT + 3_600_000;

/** Greeting "No" and Tone "Good" (2/3): (0 + 1 + 2 + 2/3) / 5 = 73.33%, below the pass mark of 80. */
const missedGreeting = () => makeReview({ choices: { greeting: 'no', tone: '3' } });

function openDispute(evaluation: Evaluation, criteria = [{ criterionId: 'greeting', reason: 'I used the name from the signature.' }]): { evaluation: Evaluation; dispute: Dispute } {
  return {
    evaluation: disputeReview(evaluation, SCORECARD, AGENT, NOW, criteria),
    dispute: { id: 'd-1', evaluationId: evaluation.id, agent: { name: AGENT.name, role: 'agent' }, criteria, createdAt: NOW, status: 'open', resolution: null },
  };
}

describe('the review lifecycle', () => {
  it('lets the agent acknowledge a submitted review before the deadline, keeping who, when and the comment', () => {
    const acknowledged = acknowledgeReview(makeReview(), AGENT, NOW, '  Thanks, noted.  ');
    expect(acknowledged.status).toBe('acknowledged');
    expect(acknowledged.updatedAt).toBe(NOW);
    expect(acknowledged.history).toEqual([
      { at: NOW, by: { name: 'Ana Agent', role: 'agent' }, from: 'submitted', to: 'acknowledged', reason: 'Thanks, noted.', answerChanges: [], scoreBefore: null, scoreAfter: null },
    ]);
  });

  it('accepts the agent under a helpdesk identity they listed', () => {
    const review = makeReview({ agent: 'ana@acme.example' });
    const me = { ...AGENT, identities: [{ helpdesk: 'zendesk', value: 'ANA@acme.example' }] };
    expect(acknowledgeReview(review, me, NOW).status).toBe('acknowledged');
  });

  it('acknowledges on the last millisecond of the deadline', () => {
    expect(acknowledgeReview(makeReview(), AGENT, DEADLINE).status).toBe('acknowledged');
  });

  it('moves a disputed review to disputed with each criterion and reason in the history', () => {
    const { evaluation } = openDispute(makeReview(), [
      { criterionId: 'greeting', reason: 'I used the name from the signature.' },
      { criterionId: 'tone', reason: 'The customer thanked me for the tone.' },
    ]);
    expect(evaluation.status).toBe('disputed');
    expect(evaluation.history.at(-1)).toMatchObject({
      from: 'submitted',
      to: 'disputed',
      by: { name: 'Ana Agent', role: 'agent' },
      reason: 'Greeting: I used the name from the signature.\nTone: The customer thanked me for the tone.',
    });
  });

  it('accepting a dispute changes the answer, recomputes the score and records who and why', () => {
    const review = missedGreeting();
    expect(review.score).toBe(73.33);
    expect(review.passed).toBe(false);
    const { evaluation, dispute } = openDispute(review);
    const decisions: DecisionInput[] = [{ criterionId: 'greeting', decision: 'accepted', optionId: 'yes', reason: 'The signature greeting counts.' }];
    const result = resolveDispute(evaluation, SCORECARD, dispute, decisions, REVIEWER, NOW + 1);
    // (1 + 1 + 2 + 2/3) / 5 = 93.33%: now a pass.
    expect(result.evaluation).toMatchObject({ status: 'resolved', score: 93.33, passed: true });
    expect(result.evaluation.answers.greeting?.optionId).toBe('yes');
    expect(result.evaluation.history.at(-1)).toMatchObject({
      from: 'disputed',
      to: 'resolved',
      by: { name: 'Rita Reviewer', role: 'supervisor' },
      reason: 'Greeting: accepted (The signature greeting counts.)',
      scoreBefore: 73.33,
      scoreAfter: 93.33,
      answerChanges: [{ criterionId: 'greeting', before: { optionId: 'no' }, after: { optionId: 'yes' } }],
    });
    expect(result.resolution).toMatchObject({ by: { name: 'Rita Reviewer' }, at: NOW + 1, decisions });
  });

  it('accepting a dispute can turn an answer into N/A where the criterion allows it', () => {
    const { evaluation, dispute } = openDispute(makeReview({ choices: { clarify: 'no' } }), [{ criterionId: 'clarify', reason: 'The request was already clear.' }]);
    // Before: (1 + 0 + 2 + 1) / 5 = 80. After, clarify left out: (1 + 2 + 1) / 4 = 100.
    expect(evaluation.score).toBe(80);
    const result = resolveDispute(evaluation, SCORECARD, dispute, [{ criterionId: 'clarify', decision: 'accepted', na: true, reason: '' }], REVIEWER, NOW);
    expect(result.evaluation.score).toBe(100);
    expect(result.evaluation.answers.clarify).toMatchObject({ na: true, optionId: undefined });
  });

  it('rejecting a dispute keeps the answers and the score, with the reviewer’s reason', () => {
    const { evaluation, dispute } = openDispute(missedGreeting());
    const result = resolveDispute(evaluation, SCORECARD, dispute, [{ criterionId: 'greeting', decision: 'rejected', reason: 'A signature is not a greeting.' }], REVIEWER, NOW);
    expect(result.evaluation).toMatchObject({ status: 'resolved', score: 73.33, passed: false });
    expect(result.evaluation.history.at(-1)).toMatchObject({ reason: 'Greeting: rejected (A signature is not a greeting.)', answerChanges: [], scoreBefore: 73.33, scoreAfter: 73.33 });
  });

  const resolved = () => {
    const { evaluation, dispute } = openDispute(missedGreeting());
    return resolveDispute(evaluation, SCORECARD, dispute, [{ criterionId: 'greeting', decision: 'rejected', reason: 'No.' }], REVIEWER, NOW).evaluation;
  };

  it.each<[string, () => unknown, RegExp]>([
    ['acknowledging twice', () => acknowledgeReview(acknowledgeReview(makeReview(), AGENT, NOW), AGENT, NOW), /cannot be acknowledged: it was already acknowledged/],
    ['acknowledging after the deadline', () => acknowledgeReview(makeReview(), AGENT, DEADLINE + 1), /deadline to answer this review passed on 2026-11-30/],
    ['disputing after the deadline', () => disputeReview(makeReview(), SCORECARD, AGENT, DEADLINE + 1, [{ criterionId: 'greeting', reason: 'x' }]), /deadline to answer this review passed/],
    ['a supervisor acknowledging someone else’s review', () => acknowledgeReview(makeReview(), REVIEWER, NOW), /Only the agent this review is about \(Ana Agent\) can answer it/],
    ['acknowledging a self-assessment', () => acknowledgeReview(makeReview({ kind: 'self-assessment' }), AGENT, NOW), /Only reviews can be acknowledged/],
    ['acknowledging a disputed review', () => acknowledgeReview(openDispute(makeReview()).evaluation, AGENT, NOW), /already disputed and awaits the reviewer/],
    ['disputing a resolved review', () => disputeReview(resolved(), SCORECARD, AGENT, NOW, [{ criterionId: 'greeting', reason: 'Again.' }]), /cannot be disputed: it had its dispute resolved/],
    ['disputing with no reason', () => disputeReview(makeReview(), SCORECARD, AGENT, NOW, [{ criterionId: 'greeting', reason: '   ' }]), /Give a reason for disputing "Greeting"/],
    ['disputing no criterion', () => disputeReview(makeReview(), SCORECARD, AGENT, NOW, []), /Choose at least one criterion/],
    ['disputing a criterion the scorecard lacks', () => disputeReview(makeReview(), SCORECARD, AGENT, NOW, [{ criterionId: 'speed', reason: 'x' }]), /"speed" is not a criterion/],
    ['disputing one criterion twice', () => disputeReview(makeReview(), SCORECARD, AGENT, NOW, [{ criterionId: 'tone', reason: 'a' }, { criterionId: 'tone', reason: 'b' }]), /disputed once/],
    ['an agent resolving a dispute', () => { const o = openDispute(makeReview()); return resolveDispute(o.evaluation, SCORECARD, o.dispute, [], AGENT, NOW); }, /Only a supervisor or an admin can resolve/],
    ['resolving without a decision', () => { const o = openDispute(makeReview()); return resolveDispute(o.evaluation, SCORECARD, o.dispute, [], REVIEWER, NOW); }, /Accept or reject the dispute on "Greeting"/],
    ['accepting without a new answer', () => { const o = openDispute(missedGreeting()); return resolveDispute(o.evaluation, SCORECARD, o.dispute, [{ criterionId: 'greeting', decision: 'accepted', reason: '' }], REVIEWER, NOW); }, /Choose the new answer for "Greeting"/],
    ['accepting with the same answer', () => { const o = openDispute(missedGreeting()); return resolveDispute(o.evaluation, SCORECARD, o.dispute, [{ criterionId: 'greeting', decision: 'accepted', optionId: 'no', reason: '' }], REVIEWER, NOW); }, /already has that answer/],
    ['accepting N/A where it is not allowed', () => { const o = openDispute(missedGreeting()); return resolveDispute(o.evaluation, SCORECARD, o.dispute, [{ criterionId: 'greeting', decision: 'accepted', na: true, reason: '' }], REVIEWER, NOW); }, /Choose the new answer for "Greeting"/],
    ['rejecting without a reason', () => { const o = openDispute(missedGreeting()); return resolveDispute(o.evaluation, SCORECARD, o.dispute, [{ criterionId: 'greeting', decision: 'rejected', reason: ' ' }], REVIEWER, NOW); }, /Give a reason for rejecting the dispute on "Greeting"/],
    ['resolving a review with no open dispute', () => { const o = openDispute(missedGreeting()); return resolveDispute(makeReview(), SCORECARD, o.dispute, [], REVIEWER, NOW); }, /cannot be resolved: the review awaits the agent's answer/],
  ])('refuses %s with a clear message', (_case, act, message) => {
    expect(act).toThrow(ReviewTransitionError);
    expect(act).toThrow(message);
  });
});
