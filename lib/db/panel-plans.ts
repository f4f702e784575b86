/**
 * The part of monitoring the panel needs, kept apart from the drawing code: noting the tickets it
 * reads (the sampling pool; this browser's own, never shared) and which plan a ticket counts toward.
 */
import { assignmentOf, doneLookup } from '../sampling/progress';
import { ticketKey, type Sample, type SeenTicket, type TicketContext } from '../schemas';
import type { QaLensDatabase } from './database';

/**
 * Notes a ticket the panel has read, for the sampling pool: once per ticket, its facts refreshed
 * each time (an agent reassigned, a channel corrected). Local only, outside any team record.
 */
export async function recordSeenTicket(db: QaLensDatabase, ticket: TicketContext, now: number): Promise<void> {
  const key = ticketKey(ticket);
  await db.transaction('rw', db.seenTickets, async () => {
    const earlier = await db.seenTickets.get(key);
    const seen: SeenTicket = {
      key,
      helpdesk: ticket.helpdesk,
      ticketId: ticket.ticketId,
      url: ticket.url,
      channel: ticket.channel,
      agent: ticket.agent?.name ?? earlier?.agent ?? null,
      createdAt: earlier?.createdAt ?? null,
      flags: earlier?.flags ?? [],
      firstSeenAt: earlier?.firstSeenAt ?? now,
      lastSeenAt: now,
    };
    await db.seenTickets.put(seen);
  });
}

/** What the panel says about a ticket: the plan and quota it counts toward, and whose queue it is in. */
export interface TicketAssignmentSummary {
  planName: string;
  purpose: Sample['purpose'];
  agent: string;
  channel: Sample['stratum']['channel'];
  reviewer: string | null;
  /** Done / quota of the ticket's agent and channel in the plan's random sample. */
  done: number | null;
  quota: number | null;
  reasons: Sample['items'][number]['reasons'];
}

export async function ticketAssignment(db: QaLensDatabase, key: string, now: number): Promise<TicketAssignmentSummary | null> {
  const candidates = await db.samples.filter((s) => s.items.some((i) => i.key === key && i.state === 'sampled')).toArray();
  if (candidates.length === 0) return null;
  const [plans, reviews] = await Promise.all([db.monitoringPlans.toArray(), db.evaluations.where('kind').equals('review').toArray()]);
  const planIds = new Set(candidates.map((s) => s.planId));
  const samples = (await db.samples.toArray()).filter((s) => planIds.has(s.planId));
  const found = assignmentOf(key, plans, samples, doneLookup(reviews), now);
  if (!found) return null;
  return {
    planName: found.plan.name,
    purpose: found.sample.purpose,
    agent: found.sample.stratum.agent,
    channel: found.sample.stratum.channel,
    reviewer: found.item.reviewer,
    done: found.progress?.done ?? null,
    quota: found.progress?.quota ?? null,
    reasons: found.item.reasons,
  };
}
