/**
 * The ticket pool a sample is drawn from: the tickets the panel has read in this browser and the
 * ticket lists imported from helpdesk exports, one entry per ticket key, with the CSAT and reopen
 * counts of the ticket's KPI records beside them.
 */
import type { CsatBand, ImportedTicket, KpiRecord, SampledTicket, SeenTicket } from '../schemas';

export interface PoolTicket extends SampledTicket {
  csat: number | null;
  reopened: boolean;
  complaint: boolean;
  /** Flagged by Spotlight (automatic QA), where that part of QA Lens marked it. */
  spotlight: boolean;
  /** What the age rule reads: when the ticket was created, or else when it was first seen or imported. */
  datedAt: number | null;
}

/** Which ticket it is and whose: the fields every copy of a ticket in the pool and the samples carries. */
export function ticketIdentity(t: Pick<SampledTicket, 'key' | 'helpdesk' | 'ticketId' | 'url' | 'channel' | 'agent' | 'createdAt'>) {
  return { key: t.key, helpdesk: t.helpdesk, ticketId: t.ticketId, url: t.url, channel: t.channel, agent: t.agent, createdAt: t.createdAt };
}

/** CSAT 1–2 is low, 3 neutral, 4–5 high (the satisfied answers, as the CSAT rate counts them). */
export function csatBand(csat: number | null): CsatBand {
  if (csat === null) return 'none';
  return csat <= 2 ? 'low' : csat < 4 ? 'neutral' : 'high';
}

/** Names compare without case or outer spaces, as everywhere agents are matched. */
export const sameName = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? '').trim().toLocaleLowerCase() === (b ?? '').trim().toLocaleLowerCase() && (a ?? '').trim() !== '';

/**
 * One pool entry per ticket. An imported row is the helpdesk's own record, so its creation date,
 * complexity and flags win; a ticket seen in the panel fills in what the import left blank. The
 * newest ticket KPI record of a ticket gives its CSAT and whether it was reopened.
 */
export function buildPool(input: { seen: readonly SeenTicket[]; imported: readonly ImportedTicket[]; kpis: readonly KpiRecord[] }): PoolTicket[] {
  const latest = new Map<string, Extract<KpiRecord, { scope: 'ticket' }>>();
  for (const record of input.kpis) {
    if (record.scope !== 'ticket') continue;
    const earlier = latest.get(record.ticketKey);
    if (!earlier || record.updatedAt >= earlier.updatedAt) latest.set(record.ticketKey, record);
  }
  const pool = new Map<string, PoolTicket>();
  for (const t of input.seen) {
    pool.set(t.key, {
      ...ticketIdentity(t),
      complexity: null,
      csat: null,
      csatBand: 'none',
      reopened: t.flags.includes('reopened'),
      complaint: t.flags.includes('complaint'),
      spotlight: t.flags.includes('spotlight'),
      datedAt: t.createdAt ?? t.firstSeenAt,
    });
  }
  for (const t of input.imported) {
    const seen = pool.get(t.key);
    const createdAt = t.createdAt ?? seen?.createdAt ?? null;
    pool.set(t.key, {
      key: t.key,
      helpdesk: t.helpdesk,
      ticketId: t.ticketId,
      url: t.url || seen?.url || '',
      channel: t.channel,
      agent: t.agent ?? seen?.agent ?? null,
      createdAt,
      complexity: t.complexity ?? null,
      csat: null,
      csatBand: 'none',
      reopened: (t.reopened ?? false) || (seen?.reopened ?? false),
      complaint: (t.complaint ?? false) || (seen?.complaint ?? false),
      spotlight: (t.spotlight?.length ?? 0) > 0 || (seen?.spotlight ?? false),
      datedAt: createdAt ?? seen?.datedAt ?? t.importedAt,
    });
  }
  for (const ticket of pool.values()) {
    const kpi = latest.get(ticket.key)?.kpis;
    if (!kpi) continue;
    ticket.csat = kpi.csat;
    ticket.csatBand = csatBand(kpi.csat);
    if ((kpi.reopens ?? 0) > 0) ticket.reopened = true;
  }
  return [...pool.values()];
}
