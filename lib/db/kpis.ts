import { newId } from '../ids';
import { KpiRecordSchema, type KpiRecord, type TicketKpis } from '../schemas';
import { audit } from './audit';
import { put, recordChanges, writeTransaction } from './changes';
import type { QaLensDatabase } from './database';

type TicketKpiRecord = Extract<KpiRecord, { scope: 'ticket' }>;

/** The KPIs entered in the panel for one ticket, if any. */
export async function getPanelTicketKpis(db: QaLensDatabase, ticketKey: string): Promise<TicketKpiRecord | undefined> {
  const rows = await db.kpis.where('ticketKey').equals(ticketKey).toArray();
  return rows.find((r): r is TicketKpiRecord => r.scope === 'ticket' && r.source === 'panel');
}

/**
 * Stores a ticket's KPIs as entered in the panel: one record per ticket, updated in place, so
 * reports never count a ticket twice. Imported records of the same ticket are left alone.
 */
export async function savePanelTicketKpis(
  db: QaLensDatabase,
  input: { ticketKey: string; agent: string | null; kpis: TicketKpis },
  now: number,
): Promise<TicketKpiRecord> {
  return writeTransaction(db, [db.kpis], async () => {
    const existing = await getPanelTicketKpis(db, input.ticketKey);
    const record = KpiRecordSchema.parse({
      id: existing?.id ?? newId(),
      scope: 'ticket',
      ticketKey: input.ticketKey,
      agent: input.agent,
      at: existing?.at ?? null,
      kpis: input.kpis,
      source: 'panel',
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    }) as TicketKpiRecord;
    await db.kpis.put(record);
    await recordChanges(db, [put('kpi', record)], 'own', now);
    await audit(db, { action: 'kpi.change', target: `kpi:${record.id}`, summary: `KPIs of ticket ${input.ticketKey} ${existing ? 'changed' : 'entered'} in the panel.` }, now);
    return record;
  });
}

/** Every KPI record, per ticket and per agent-period; the reports filter them by period and agent. */
export function listKpiRecords(db: QaLensDatabase): Promise<KpiRecord[]> {
  return db.kpis.toArray();
}
