import type { Dexie } from 'dexie';
import type { EvaluationRowV2 } from './002-index-evaluations-by-submission';

interface AnswerRowV2 {
  optionId?: string;
  na: boolean;
  comment: string;
}

/** An evaluation row from version 3 on: answers carry evidence and root causes, reviews a deadline and history. */
export interface EvaluationRowV3 extends EvaluationRowV2 {
  answers: Record<string, AnswerRowV2 & { evidence: unknown[]; rootCauses: string[] }>;
  acknowledgeBy: number | null;
  history: unknown[];
}

/**
 * Version 3: the feedback loop and reporting. New tables for the agent's acknowledgements and
 * disputes (separate records: the agent writes them, the reviewer writes the evaluation), coaching
 * plans, KPI records, imported ticket lists and pending reminders. Evaluations gain an index on
 * `kind` (self-assessments vs reviews) and on the agent's name ("my reviews"); old rows get the
 * new fields' empty values so readers need no fallbacks.
 */
export function addFeedbackCoachingAndKpis(db: Dexie): void {
  db.version(3)
    .stores({
      evaluations: 'id, ticket.key, status, updatedAt, submittedAt, kind, ticket.agent.name, [scorecardId+scorecardVersion]',
      acknowledgements: 'id, evaluationId',
      disputes: 'id, evaluationId, status',
      coachingPlans: 'id, agent.name, followUpAt',
      kpis: 'id, ticketKey, agent',
      importedTickets: 'key',
      reminders: 'id, dueAt',
    })
    .upgrade((tx) =>
      tx
        .table<EvaluationRowV2 & Partial<EvaluationRowV3>>('evaluations')
        .toCollection()
        .modify((row) => {
          row.acknowledgeBy ??= null;
          row.history ??= [];
          const answers = (row.answers ?? {}) as Record<string, AnswerRowV2 & Partial<{ evidence: unknown[]; rootCauses: string[] }>>;
          for (const answer of Object.values(answers)) {
            answer.evidence ??= [];
            answer.rootCauses ??= [];
          }
          row.answers = answers as EvaluationRowV3['answers'];
        }),
    );
}
