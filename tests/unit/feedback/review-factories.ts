import { BLANK_ANSWER, type Answer, type Evaluation, type Profile, type Scorecard } from '@/lib/schemas';
import { scoreEvaluation } from '@/lib/scoring';

/**
 * A small scorecard with base weights 1 + 1 + 2 + 1 = 5 and a pass mark of 80: greeting (yes/no),
 * clarify (yes/no, N/A allowed), accurate (yes/no, weight 2), tone (4 points, ids '1'..'4':
 * values 0, 1/3, 2/3, 1).
 */
export const SCORECARD: Scorecard = {
  id: 'sc-basics',
  version: 1,
  archived: false,
  createdAt: 0,
  updatedAt: 0,
  name: 'Support basics',
  description: '',
  channels: ['email'],
  passMark: 80,
  sections: [
    {
      id: 'opening',
      title: 'Opening',
      bonus: false,
      criteria: [
        { id: 'greeting', title: 'Greeting', description: '', weight: 1, scale: { kind: 'binary' }, allowNa: false, critical: 'none' },
        { id: 'clarify', title: 'Clarifying questions', description: '', weight: 1, scale: { kind: 'binary' }, allowNa: true, critical: 'none' },
      ],
    },
    {
      id: 'resolution',
      title: 'Resolution',
      bonus: false,
      criteria: [
        { id: 'accurate', title: 'Accurate answer', description: '', weight: 2, scale: { kind: 'binary' }, allowNa: false, critical: 'none' },
        { id: 'tone', title: 'Tone', description: '', weight: 1, scale: { kind: 'points', points: 4 }, allowNa: false, critical: 'none' },
      ],
    },
  ],
};

export const BEST = { greeting: 'yes', clarify: 'yes', accurate: 'yes', tone: '4' };

export function answers(choices: Record<string, string>): Record<string, Answer> {
  return Object.fromEntries(Object.entries(choices).map(([id, choice]) => [id, choice === 'na' ? { ...BLANK_ANSWER, na: true } : { ...BLANK_ANSWER, optionId: choice }]));
}

export const AGENT: Profile = { name: 'Ana Agent', role: 'agent', identities: [] };
export const REVIEWER: Profile = { name: 'Rita Reviewer', role: 'supervisor', identities: [] };

export const SUBMITTED_AT = Date.parse('2026-11-23T10:00:00Z');
export const DEADLINE = Date.parse('2026-11-30T23:59:59.999Z');

export interface ReviewInput {
  id?: string;
  choices?: Record<string, string>;
  agent?: string;
  status?: Evaluation['status'];
  kind?: Evaluation['kind'];
  submittedAt?: number;
  acknowledgeBy?: number | null;
}

/** A submitted review whose score is what the scoring rules give its answers. */
export function makeReview(input: ReviewInput = {}): Evaluation {
  const chosen = answers({ ...BEST, ...input.choices });
  const result = scoreEvaluation(SCORECARD, chosen);
  const submittedAt = input.submittedAt ?? SUBMITTED_AT;
  return {
    id: input.id ?? 'ev-1',
    kind: input.kind ?? 'review',
    status: input.status ?? 'submitted',
    ticket: {
      key: 'zendesk:1001',
      helpdesk: 'zendesk',
      ticketId: '1001',
      url: 'https://acme.zendesk.com/agent/tickets/1001',
      channel: 'email',
      subject: 'Refund not received',
      agent: { name: input.agent ?? AGENT.name },
    },
    scorecardId: SCORECARD.id,
    scorecardVersion: 1,
    answers: chosen,
    strengths: 'Clear steps.',
    improvements: 'Greet the customer by name.',
    author: { name: REVIEWER.name, role: 'supervisor' },
    score: result.score,
    passed: result.passed,
    reviewSeconds: 60,
    acknowledgeBy: input.acknowledgeBy === undefined ? DEADLINE : input.acknowledgeBy,
    history: [],
    createdAt: submittedAt - 1000,
    updatedAt: submittedAt,
    submittedAt,
  };
}
