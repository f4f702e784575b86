import { acknowledgeReview } from '@/lib/feedback/review-lifecycle';
import { withAgentAnswers } from '@/lib/feedback/with-agent-answers';
import type { Acknowledgement, Dispute } from '@/lib/schemas';
import { AGENT, makeReview, SUBMITTED_AT } from './review-factories';

const AT = SUBMITTED_AT + 60_000;
const ack: Acknowledgement = { id: 'ack-1', evaluationId: 'ev-1', agent: { name: AGENT.name, role: 'agent' }, comment: 'Thanks, noted.', createdAt: AT };
const dispute: Dispute = {
  id: 'd-1',
  evaluationId: 'ev-1',
  agent: { name: AGENT.name, role: 'agent' },
  criteria: [{ criterionId: 'greeting', reason: 'I greeted by name.' }],
  createdAt: AT,
  status: 'open',
  resolution: null,
};

describe('a review with the agent’s answers replayed onto it', () => {
  it('becomes acknowledged, with the agent’s step and comment in its history', () => {
    const answered = withAgentAnswers(makeReview(), [ack], []);
    expect(answered.status).toBe('acknowledged');
    expect(answered.history.at(-1)).toMatchObject({ at: AT, by: { name: AGENT.name }, from: 'submitted', to: 'acknowledged', reason: 'Thanks, noted.' });
  });

  it('becomes disputed, naming the criteria by their titles', () => {
    const answered = withAgentAnswers(makeReview(), [], [dispute], new Map([['greeting', 'Greeting']]));
    expect(answered.status).toBe('disputed');
    expect(answered.history.at(-1)?.reason).toBe('Greeting: I greeted by name.');
  });

  it('is unchanged when the step is already there, as in the agent’s own browser', () => {
    const own = acknowledgeReview(makeReview(), AGENT, AT, 'Thanks, noted.');
    expect(withAgentAnswers(own, [ack], [])).toBe(own);
  });

  it('keeps a resolution the reviewer recorded after the dispute', () => {
    const review = makeReview();
    const resolvedByReviewer = {
      ...review,
      status: 'resolved' as const,
      history: [{ at: AT + 5_000, by: { name: 'Rae Reviewer', role: 'supervisor' as const }, from: 'disputed' as const, to: 'resolved' as const, reason: 'Accepted', answerChanges: [], scoreBefore: 80, scoreAfter: 100 }],
    };
    const answered = withAgentAnswers(resolvedByReviewer, [], [dispute]);
    expect(answered.history.map((h) => h.to)).toEqual(['disputed', 'resolved']);
    expect(answered.status).toBe('resolved');
  });

  it('leaves self-assessments and calibration scores alone', () => {
    const self = makeReview({ kind: 'self-assessment' });
    expect(withAgentAnswers(self, [ack], [])).toBe(self);
  });
});
