import type { DashboardClient } from '@/components/dashboard/dashboard-client';
import { getScorecard, getTeamSettings, listEvaluations, listKpiRecords, type QaLensDatabase } from '../db';

/** Runs a read under a performance measure, so devtools and `npm run bench` can read how long it took. */
async function measured<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}

/** The dashboard's and the review pack's window onto the extension's database. */
export function createExtensionDashboardClient(db: QaLensDatabase): DashboardClient {
  return {
    listEvaluations: () => measured('qa-lens:dashboard-read', () => listEvaluations(db)),
    getScorecard: (id, version) => getScorecard(db, id, version),
    listKpis: () => listKpiRecords(db),
    getTeamSettings: () => getTeamSettings(db),
  };
}
