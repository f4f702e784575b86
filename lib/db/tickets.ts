import type { TicketContext } from '../schemas';
import type { QaLensDatabase, TicketSnapshot } from './database';
import { ticketKey } from '../schemas';

export function getTicketSnapshot(db: QaLensDatabase, key: string): Promise<TicketSnapshot | undefined> {
  return db.tickets.get(key);
}

/** Keeps the ticket as read (or as the reviewer completed it), so it can be reread and quoted later. */
export async function saveTicketSnapshot(db: QaLensDatabase, ticket: TicketContext, now: number): Promise<void> {
  await db.tickets.put({ ...ticket, key: ticketKey(ticket), capturedAt: now });
}
