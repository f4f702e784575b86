import type { TicketContext } from '../schemas';
import type { QaLensDatabase, TicketSnapshot } from './database';
import { ticketKey } from '../schemas';

export function getTicketSnapshot(db: QaLensDatabase, key: string): Promise<TicketSnapshot | undefined> {
  return db.tickets.get(key);
}

export function ticketSnapshot(ticket: TicketContext, now: number): TicketSnapshot {
  return { ...ticket, key: ticketKey(ticket), capturedAt: now };
}

/**
 * Keeps the ticket as read (or as the reviewer completed it), so it can be reread and quoted later.
 * It stays in this browser: a snapshot reaches the team with the evaluation that cites it.
 */
export async function saveTicketSnapshot(db: QaLensDatabase, ticket: TicketContext, now: number): Promise<void> {
  await db.tickets.put(ticketSnapshot(ticket, now));
}
