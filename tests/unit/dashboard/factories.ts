import { BLANK_ANSWER } from '@/lib/schemas';
import type { Answer, Channel, Criterion, Evaluation, Scorecard, ScorecardContent } from '../../../lib/schemas';
import { scoreEvaluation } from '../../../lib/scoring';
import { createExtensionDashboardClient } from '../../../lib/pages/extension-dashboard-client';
import type { DashboardClient } from '../../../components/dashboard/dashboard-client';
import { freshDatabase } from '../db/factories';

function criterion(id: string, title: string, extra: Partial<Criterion> = {}): Criterion {
  return { id, title, description: '', weight: 1, scale: { kind: 'binary' }, allowNa: false, critical: 'none', ...extra };
}

/**
 * A small support scorecard, 5 criteria in 2 sections (base weights 1 + 1 + 2 + 1 = 5, plus a bonus):
 * greeting (yes/no), clarify (yes/no, N/A allowed), accurate (yes/no, weight 2, critical),
 * tone (4 points: ids '1'..'4'), proactive (bonus yes/no).
 */
export const SUPPORT_CONTENT: ScorecardContent = {
  name: 'Support basics',
  description: '',
  channels: ['email', 'chat'],
  passMark: 80,
  sections: [
    {
      id: 'opening',
      title: 'Opening',
      bonus: false,
      criteria: [criterion('greeting', 'Greeting'), criterion('clarify', 'Asked clarifying questions', { allowNa: true })],
    },
    {
      id: 'resolution',
      title: 'Resolution',
      bonus: false,
      criteria: [
        criterion('accurate', 'Accurate answer', { weight: 2, critical: 'evaluation' }),
        criterion('tone', 'Tone', { scale: { kind: 'points', points: 4 } }),
      ],
    },
    { id: 'extra', title: 'Extra mile', bonus: true, criteria: [criterion('proactive', 'Proactive help')] },
  ],
};

export const CRITERIA_COUNT = 5;

export function makeScorecard(overrides: Partial<Scorecard> = {}, content: ScorecardContent = SUPPORT_CONTENT): Scorecard {
  return { ...content, id: 'sc-support', version: 1, archived: false, createdAt: 0, updatedAt: 0, ...overrides };
}

export const ALL_BEST = { greeting: 'yes', clarify: 'yes', accurate: 'yes', tone: '4', proactive: 'no' } as const;

/** 'na' is an N/A answer; any other string an option id. Comments are keyed by criterion id. */
export function answersFrom(choices: Record<string, string>, comments: Record<string, string> = {}): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const [id, choice] of Object.entries(choices)) {
    answers[id] = choice === 'na' ? { ...BLANK_ANSWER, na: true, comment: comments[id] ?? '' } : { ...BLANK_ANSWER, optionId: choice, comment: comments[id] ?? '' };
  }
  return answers;
}

export interface EvaluationInput {
  id?: string;
  ticketId?: string;
  subject?: string;
  url?: string;
  helpdesk?: string;
  channel?: Channel;
  agent?: string | null;
  reviewer?: string;
  /** Option choices merged over ALL_BEST. */
  choices?: Record<string, string>;
  comments?: Record<string, string>;
  submittedAt?: number | null;
  strengths?: string;
  improvements?: string;
  scorecard?: Scorecard;
}

/** A submitted evaluation whose score and result are what the scoring rules give its answers. */
export function makeEvaluation(input: EvaluationInput = {}): Evaluation {
  const scorecard = input.scorecard ?? makeScorecard();
  const ticketId = input.ticketId ?? '1001';
  const helpdesk = input.helpdesk ?? 'zendesk';
  const answers = answersFrom({ ...ALL_BEST, ...input.choices }, input.comments);
  const result = scoreEvaluation(scorecard, answers);
  const submittedAt = input.submittedAt === undefined ? Date.UTC(2025, 2, 10, 12) : input.submittedAt;
  const agent = input.agent === undefined ? 'Ana Agent' : input.agent;
  return {
    id: input.id ?? `ev-${ticketId}`,
    kind: 'review',
    status: submittedAt === null ? 'draft' : 'submitted',
    ticket: {
      key: `${helpdesk}:${ticketId}`,
      helpdesk,
      ticketId,
      url: input.url ?? `https://acme.zendesk.com/agent/tickets/${ticketId}`,
      channel: input.channel ?? 'email',
      subject: input.subject ?? `Subject of ${ticketId}`,
      agent: agent === null ? null : { name: agent },
    },
    scorecardId: scorecard.id,
    scorecardVersion: scorecard.version,
    answers,
    strengths: input.strengths ?? '',
    improvements: input.improvements ?? '',
    author: { name: input.reviewer ?? 'Rita Reviewer', role: 'supervisor' },
    score: submittedAt === null ? null : result.score,
    passed: submittedAt === null ? null : result.passed,
    reviewSeconds: 95,
    acknowledgeBy: null,
    history: [],
    createdAt: Date.UTC(2025, 2, 10, 11, 58),
    updatedAt: submittedAt ?? Date.UTC(2025, 2, 10, 11, 58),
    submittedAt,
  };
}

/**
 * The dashboard's real client over a fresh in-memory database holding these rows, written as an
 * earlier version stored them (so the dashboard builds their report rows on its first read).
 */
export async function databaseClient(evaluations: readonly Evaluation[], scorecards: readonly Scorecard[] = [makeScorecard()]) {
  const db = freshDatabase();
  await db.evaluations.bulkAdd([...evaluations]);
  await db.scorecards.bulkAdd([...scorecards]);
  const client: DashboardClient = createExtensionDashboardClient(db);
  return { db, client };
}
