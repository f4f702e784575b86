import type { Dexie } from 'dexie';
import type { EvaluationRowV1 } from './001-create-tables';

/** An evaluation row from version 2 on. */
export interface EvaluationRowV2 extends EvaluationRowV1 {
  submittedAt: number | null;
}

/**
 * Version 2: lists and reports order evaluations by when they were submitted, not last touched
 * (an acknowledgement must not move a review to the top). Rows written by version 1 were
 * submitted at their last update, or are drafts.
 */
export function indexEvaluationsBySubmission(db: Dexie): void {
  db.version(2)
    .stores({ evaluations: 'id, ticket.key, status, updatedAt, submittedAt, [scorecardId+scorecardVersion]' })
    .upgrade((tx) =>
      tx
        .table<EvaluationRowV1 & Partial<EvaluationRowV2>>('evaluations')
        .toCollection()
        .modify((row) => {
          row.submittedAt = row.status === 'draft' ? null : row.updatedAt;
        }),
    );
}
