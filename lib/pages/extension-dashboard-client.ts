import type { DashboardClient } from '@/components/dashboard/dashboard-client';
import { getScorecard, getTeamSettings, listEvaluations, listKpiRecords, type QaLensDatabase } from '../db';
import { measured } from '../measured';
import { onDataChanged } from './data-changes';


/** The dashboard's and the review pack's window onto the extension's database. */
export function createExtensionDashboardClient(db: QaLensDatabase): DashboardClient {
  return {
    listEvaluations: () => measured('qa-lens:dashboard-read', () => listEvaluations(db)),
    getScorecard: (id, version) => getScorecard(db, id, version),
    listKpis: () => listKpiRecords(db),
    getTeamSettings: () => getTeamSettings(db),
    onDataChanged,
  };
}
