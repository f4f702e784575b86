import { blindView, compareAssessments, evaluationKindFor } from '@/lib/evaluations/self-assessment';
import { newDraft } from '@/lib/evaluations/new-draft';
import { BLANK_ANSWER, type Evaluation, type Profile } from '@/lib/schemas';
import { chatTemplate, ticket } from '../db/factories';

const scorecard = { ...chatTemplate, id: 'chat', version: 1, archived: false, createdAt: 0, updatedAt: 0 } as unknown as Parameters<typeof newDraft>[0]['scorecard'];
const alex: Profile = { name: 'Alex Moreno', role: 'agent', identities: [] };
const alexByEmail: Profile = { name: 'Alex M.', role: 'agent', identities: [{ helpdesk: 'zendesk', value: 'alex.moreno@acme-support.example' }] };
const rae: Profile = { name: 'Rae Reviewer', role: 'supervisor', identities: [] };
const ownTicket = { ...ticket, agent: { name: 'Alex Moreno', email: 'alex.moreno@acme-support.example' } };

function submitted(author: Profile, kind: Evaluation['kind'], answers: Record<string, string | null>, score: number): Evaluation {
  const draft = newDraft({ ticket: ownTicket, scorecard, author, kind, now: 1 });
  const full = Object.fromEntries(Object.entries(answers).map(([id, option]) => [id, option === null ? { ...BLANK_ANSWER, na: true } : { ...BLANK_ANSWER, optionId: option }]));
  return { ...draft, answers: full, status: 'submitted', score, passed: score >= 80, submittedAt: 2 };
}

describe('evaluationKindFor', () => {
  it.each([
    ['the agent on their own ticket', alex, 'self-assessment'],
    ['the agent known by their helpdesk email', alexByEmail, 'self-assessment'],
    ['a reviewer on someone’s ticket', rae, 'review'],
  ] as const)('%s', (_, profile, kind) => {
    expect(evaluationKindFor(ownTicket, profile)).toBe(kind);
  });
});

describe('blindView', () => {
  const review = submitted(rae, 'review', { greeting: 'yes' }, 90);

  it('hides the reviewer’s evaluation from the agent until their self-assessment is in', () => {
    expect(blindView([review], ownTicket, alexByEmail)).toEqual({ visible: [], hidden: 1, selfAssessment: undefined });
  });

  it('shows everything once the agent has submitted a self-assessment', () => {
    const mine = submitted(alexByEmail, 'self-assessment', { greeting: 'yes' }, 95);
    expect(blindView([mine, review], ownTicket, alexByEmail)).toEqual({ visible: [mine, review], hidden: 0, selfAssessment: mine });
  });

  it('keeps nothing from a reviewer, or from an agent looking at a colleague’s ticket', () => {
    expect(blindView([review], ownTicket, rae).hidden).toBe(0);
    expect(blindView([review], { ...ownTicket, agent: { name: 'Sam Okafor' } }, alex).hidden).toBe(0);
  });
});

describe('compareAssessments', () => {
  it('lines up both per criterion and marks where they differ', () => {
    const self = submitted(alex, 'self-assessment', { greeting: 'yes', 'identified-need': '4', 'clarifying-questions': null }, 100);
    const review = submitted(rae, 'review', { greeting: 'yes', 'identified-need': '2', 'clarifying-questions': 'yes' }, 60);
    const comparison = compareAssessments({ evaluation: self, scorecard }, { evaluation: review, scorecard });
    expect(comparison.selfScore).toBe(100);
    expect(comparison.reviewerScore).toBe(60);
    expect(comparison.rows.slice(0, 3)).toEqual([
      { criterionId: 'greeting', title: 'Greeting and personalisation', self: 'Yes', reviewer: 'Yes', differs: false },
      { criterionId: 'identified-need', title: 'Identified the real need', self: 'Excellent', reviewer: 'Needs improvement', differs: true },
      { criterionId: 'clarifying-questions', title: 'Asked clarifying questions where needed', self: 'N/A', reviewer: 'Yes', differs: true },
    ]);
  });
});
