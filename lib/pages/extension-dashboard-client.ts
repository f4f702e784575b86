import type { DashboardClient } from '@/components/dashboard/dashboard-client';
import { getEvaluation, getScorecard, getTeamSettings, listEvaluations, listKpiRecords, type QaLensDatabase } from '../db';
import { buildReportRows, readReportRows } from '../db/report-rows';
import { measured } from '../measured';
import { onDataChanged } from './data-changes';

/** The dashboard's and the review pack's window onto the extension's database. */
export function createExtensionDashboardClient(db: QaLensDatabase): DashboardClient {
  return {
    async listReportRows(onBuild) {
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
