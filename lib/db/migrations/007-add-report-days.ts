import type { Dexie } from 'dexie';

/**
 * Version 7: report rows for the dashboard (lib/db/report-rows.ts). `reportDays` holds, per day of
 * submissions, the compact rows the reports read, indexed by evaluation id (`*ids`) to find a row
 * again when its evaluation changes or goes. `reportState` records how far the build of rows for
 * evaluations stored before this version has come. Nothing is built inside this upgrade: a year of
 * a big team would hold every page's database open for the many seconds that takes. The build runs
 * right after, in batches that each commit and survive a stopped worker (`buildReportRows`: the
 * worker starts it on install and start-up; the dashboard resumes it if it finds it unfinished).
 * No existing rows change.
 */
export function addReportDays(db: Dexie): void {
  db.version(7).stores({
    reportDays: 'day, *ids',
    reportState: 'key',
  });
}
