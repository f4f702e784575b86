import type { Dexie } from 'dexie';

/**
 * Version 1: the first tables. Scorecard versions are keyed by `[id+version]` so every evaluation
 * can pin the exact version it used. Only queried fields are indexed.
 */
export function createTables(db: Dexie): void {
  db.version(1).stores({
    scorecards: '[id+version], id',
    tickets: 'key',
    evaluations: 'id, ticket.key, status, updatedAt, [scorecardId+scorecardVersion]',
    settings: 'key',
  });
}

/** An evaluation row as version 1 stored it: it had no `submittedAt`. */
export interface EvaluationRowV1 {
  id: string;
  status: string;
  updatedAt: number;
  [field: string]: unknown;
}
