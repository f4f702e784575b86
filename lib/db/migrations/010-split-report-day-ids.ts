import type { Dexie } from 'dexie';

/**
 * Version 10: report days in the typed-array layout (lib/reports/report-days.ts, layout 3), and which
 * day holds each evaluation moved to `reportDayIds` (indexed `*ids`): only writes look that up, and
 * a list of 100k ids in the days the dashboard reads cost it a string object per row on every open.
 * The days in the old layout are dropped here (a few hundred records, quick) and the build state
 * with them, so nothing ever reads an old day with the new code; the batched build that follows
 * (`buildReportRows`, as after version 7) makes every day again from the evaluations, with the
 * dashboard's progress bar. No evaluation changes.
 */
export function splitReportDayIds(db: Dexie): void {
  db.version(10)
    .stores({ reportDays: 'day', reportDayIds: 'day, *ids' })
    .upgrade(async (tx) => {
      await tx.table('reportDays').clear();
      await tx.table('reportState').delete('rows');
    });
}
