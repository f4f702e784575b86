import type { Evaluation, EvaluationKind, Evidence, KpiRecord, TicketKpis } from '@/lib/schemas';
import { makeEvaluation, makeScorecard, type EvaluationInput } from '../dashboard/factories';

export const scorecard = makeScorecard();
export const scorecardFor = (id: string, version: number) => (id === scorecard.id && version === scorecard.version ? scorecard : undefined);

/** Local noon on a day of 2025 (month 1–12). */
export const day = (month: number, date: number) => new Date(2025, month - 1, date, 12).getTime();

export interface ReportEvaluationInput extends EvaluationInput {
  kind?: EvaluationKind;
  reviewSeconds?: number;
  /** Root-cause ids per criterion id. */
  rootCauses?: Record<string, string[]>;
  evidence?: Record<string, string[]>;
}

/** A scored evaluation of the Support basics scorecard, with the reporting fields set. */
export function reportEvaluation(input: ReportEvaluationInput): Evaluation {
  const evaluation = makeEvaluation(input);
  const answers = { ...evaluation.answers };
  for (const [id, causes] of Object.entries(input.rootCauses ?? {})) answers[id] = { ...answers[id]!, rootCauses: causes };
  for (const [id, quotes] of Object.entries(input.evidence ?? {})) {
    const evidence: Evidence[] = quotes.map((quote, i) => ({ messageId: String(i), quote, author: 'Customer', role: 'customer' }));
    answers[id] = { ...answers[id]!, evidence };
  }
  return { ...evaluation, answers, kind: input.kind ?? 'review', reviewSeconds: input.reviewSeconds ?? 0 };
}

export function ticketKpi(ticketKey: string, agent: string, at: number | null, kpis: Partial<TicketKpis>, updatedAt = at ?? 0): KpiRecord {
  return {
    id: `kpi-${ticketKey}-${updatedAt}`,
    scope: 'ticket',
    ticketKey,
    agent,
    at,
    kpis: { csat: null, nps: null, firstContactResolved: null, firstResponseSeconds: null, resolutionSeconds: null, reopens: null, ...kpis },
    source: 'import',
    createdAt: updatedAt,
    updatedAt,
  };
}
