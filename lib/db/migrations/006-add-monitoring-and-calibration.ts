import type { Dexie } from 'dexie';

/** An imported ticket row as version 4 stored it. */
export interface ImportedTicketRowV4 {
  key: string;
  [field: string]: unknown;
}

/** From version 5 on, imported tickets say what sampling stratifies and targets by (null: the export did not say). */
export interface ImportedTicketRowV5 extends ImportedTicketRowV4 {
  complexity: 'low' | 'medium' | 'high' | null;
  reopened: boolean | null;
  complaint: boolean | null;
}

/**
 * Version 6: monitoring plans, their samples (one row per stratum of a draw, found by plan),
 * calibration sessions, and the tickets the panel has seen (the sampling pool beside imported
 * lists, keyed like snapshots). Imported ticket rows gain complexity, reopened and complaint.
 */
export function addMonitoringAndCalibration(db: Dexie): void {
  db.version(6)
    .stores({
      monitoringPlans: 'id',
      samples: 'id, planId',
      calibrationSessions: 'id',
      seenTickets: 'key',
    })
    .upgrade((tx) =>
      tx
        .table<ImportedTicketRowV4 & Partial<ImportedTicketRowV5>>('importedTickets')
        .toCollection()
        .modify((row) => {
          row.complexity ??= null;
          row.reopened ??= null;
          row.complaint ??= null;
        }),
    );
}
