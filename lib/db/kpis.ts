import type { KpiRecord } from '../schemas';
import type { QaLensDatabase } from './database';

/** Every KPI record, per ticket and per agent-period; the reports filter them by period and agent. */
export function listKpiRecords(db: QaLensDatabase): Promise<KpiRecord[]> {
  return db.kpis.toArray();
}
