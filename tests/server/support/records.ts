/** Shared records as a team produces them, for the server tests. */
import type { Acknowledgement, CoachingPlan, Dispute, Evaluation, KpiRecord, Scorecard, TeamSettings, TicketSnapshot } from '@/lib/schemas';
import { DEFAULT_TEAM_SETTINGS } from '@/lib/schemas';
import { makeReview, SCORECARD } from '../../unit/feedback/review-factories';

export { SCORECARD };
export const T0 = Date.parse('2026-11-23T10:00:00Z');

export interface ReviewOptions {
  /** The ticket's agent as the helpdesk names them. */
  agent: string;
  ticketId?: string;
  kind?: Evaluation['kind'];
  by?: string;
  byRole?: 'supervisor' | 'admin' | 'agent';
  sessionId?: string;
  at?: number;
  strengths?: string;
}

/** A submitted evaluation of a Zendesk ticket handled by `agent`. */
export function review(id: string, options: ReviewOptions): Evaluation {
  const base = makeReview({ id, agent: options.agent, kind: options.kind ?? 'review', submittedAt: options.at ?? T0 });
  const ticketId = options.ticketId ?? id;
  return {
    ...base,
    ticket: { ...base.ticket, key: `zendesk:${ticketId}`, ticketId, url: `https://acme.zendesk.com/agent/tickets/${ticketId}` },
    author: { name: options.by ?? 'Rita Reviewer', role: options.byRole ?? (options.kind === 'self-assessment' ? 'agent' : 'supervisor') },
    ...(options.sessionId ? { calibrationSessionId: options.sessionId } : {}),
    ...(options.strengths ? { strengths: options.strengths } : {}),
  };
}

export function snapshot(ticketId: string, agent: string): TicketSnapshot {
  return {
    helpdesk: 'zendesk',
    ticketId,
    key: `zendesk:${ticketId}`,
    url: `https://acme.zendesk.com/agent/tickets/${ticketId}`,
    channel: 'email',
    subject: `Ticket ${ticketId}`,
    status: 'solved',
    customer: { name: 'Dana Whitfield' },
    agent: { name: agent },
    messages: [{ id: '1', author: 'Dana Whitfield', role: 'customer', text: 'Where is my refund?' }],
    complete: true,
    capturedAt: T0,
  };
}

export function acknowledgement(id: string, evaluationId: string, agent: string): Acknowledgement {
  return { id, evaluationId, agent: { name: agent, role: 'agent' }, comment: 'Thanks, noted.', createdAt: T0 };
}

export function dispute(id: string, evaluationId: string, agent: string): Dispute {
  return { id, evaluationId, agent: { name: agent, role: 'agent' }, criteria: [{ criterionId: 'greeting', reason: 'I did greet them.' }], createdAt: T0, status: 'open', resolution: null };
}

export function resolved(open: Dispute, by: string): Dispute {
  return {
    ...open,
    status: 'resolved',
    resolution: { by: { name: by, role: 'supervisor' }, at: T0 + 1000, decisions: [{ criterionId: 'greeting', decision: 'accepted', optionId: 'yes', reason: 'Agreed.' }] },
  };
}

export function coachingPlan(id: string, agent: string): CoachingPlan {
  const measurement = { value: 70, sampleSize: 5, from: T0 - 90 * 86_400_000, to: T0 };
  return {
    id,
    agent: { name: agent },
    createdBy: { name: 'Rita Reviewer', role: 'supervisor' },
    sourceEvaluationId: null,
    metric: { kind: 'qa-score' },
    baseline: measurement,
    target: 85,
    goal: 'Reach 85 on the QA score.',
    actions: [{ text: 'Shadow a senior agent', done: false }],
    startAt: T0,
    dueAt: T0 + 30 * 86_400_000,
    followUpAt: T0 + 14 * 86_400_000,
    outcome: null,
    createdAt: T0,
    updatedAt: T0,
  };
}

export function kpi(id: string, agent: string): KpiRecord {
  return {
    id,
    scope: 'agent-period',
    agent,
    periodStart: T0 - 30 * 86_400_000,
    periodEnd: T0,
    kpis: { csatPercent: 91, fcrPercent: 80, nps: 40, ahtSeconds: 300 },
    source: 'import',
    createdAt: T0,
    updatedAt: T0,
  };
}

export const scorecard = (version = 1): Scorecard => ({ ...SCORECARD, version });
export const teamSettings = (): TeamSettings => ({ ...DEFAULT_TEAM_SETTINGS, minFeedbackChars: 60 });
