import type { DashboardClient } from '@/components/dashboard/dashboard-client';
import { getEvaluation, getScorecard, getTeamSettings, listEvaluations, listKpiRecords, type QaLensDatabase } from '../db';
import { buildReportRows, readReportRows, rowsOfDays } from '../db/report-rows';
import { measured } from '../measured';
import { onDataChanged } from './data-changes';
import type { EarlyRead } from './early-report-read';

/**
 * The dashboard's and the review pack's window onto the extension's database. `early` is the read
 * of the report rows the dashboard's entry started before loading the page (lib/pages/early-report-read.ts):
 * the first listing uses it when it has the rows; every later one (after a change) reads afresh.
 */
export function createExtensionDashboardClient(db: QaLensDatabase, early?: EarlyRead): DashboardClient {
  let first = early;
  return {
    async listReportRows(onBuild) {
      const started = first;
      first = undefined;
      const days = await started?.days;
      if (started && days) {
        const rows = rowsOfDays(days);
        performance.measure('qa-lens:dashboard-read', { start: started.start, end: performance.now() });
        return rows;
      }
      const rows = await measured('qa-lens:dashboard-read', () => readReportRows(db));
      if (rows) return rows;
      // Evaluations from before report rows existed (the worker may be building them already).
      await measured('qa-lens:report-rows-build', () => buildReportRows(db, onBuild));
      return (await measured('qa-lens:dashboard-read', () => readReportRows(db))) ?? [];
    },
    getEvaluation: (id) => getEvaluation(db, id),
    listEvaluations: () => listEvaluations(db),
    getScorecard: (id, version) => getScorecard(db, id, version),
    listKpis: () => listKpiRecords(db),
    getTeamSettings: () => getTeamSettings(db),
    onDataChanged,
  };
}
