import { DEFAULT_RULES, redactTicket, withEmailFingerprints, type RedactionRules } from '../privacy';
import type { SpotlightFlag, TicketContext } from '../schemas';
import type { QaLensDatabase, TicketSnapshot } from './database';
import { ticketKey } from '../schemas';
import { boundTicket } from '../schemas/ticket-limits';
import { getRedactionRules } from './privacy';

export function getTicketSnapshot(db: QaLensDatabase, key: string): Promise<TicketSnapshot | undefined> {
  return db.tickets.get(key);
}

/**
 * The ticket as it is kept: within the transcript limits, redacted, with its key and when it was
 * read. Bounded before redacting (a forged ticket is not redacted whole) and after (a placeholder
 * can be longer than what it replaces).
 */
export function ticketSnapshot(ticket: TicketContext, now: number, rules: RedactionRules = DEFAULT_RULES): TicketSnapshot {
  return { ...boundTicket(redactTicket(boundTicket(ticket), rules)), key: ticketKey(ticket), capturedAt: now };
}

/**
 * Keeps the ticket as read (or as the reviewer completed it), so it can be reread and quoted later.
 * It stays in this browser: a snapshot reaches the team with the evaluation that cites it.
 */
export async function saveTicketSnapshot(db: QaLensDatabase, ticket: TicketContext, now: number): Promise<void> {
  const rules = await getRedactionRules(db);
  // The worker fingerprinted the customer's email and authors' addresses already; an address typed
  // in the panel is fingerprinted here, before redaction takes it away.
  await db.tickets.put(ticketSnapshot(await withEmailFingerprints(ticket, { keepExisting: true }), now, rules));
}

/**
 * Keeps a ticket's Spotlight flags on its snapshot, for the dashboard's filter and for sampling.
 * A snapshot kept earlier (a pasted conversation, a submitted evaluation) keeps its messages; a
 * ticket without one is kept as read. Local like every snapshot: it travels only with an evaluation.
 */
export async function saveTicketSpotlight(db: QaLensDatabase, ticket: TicketContext, spotlight: SpotlightFlag[], now: number): Promise<void> {
  await db.transaction('rw', db.tickets, async () => {
    const stored = await db.tickets.get(ticketKey(ticket));
    await db.tickets.put(stored ? { ...stored, spotlight } : { ...ticketSnapshot(ticket, now), spotlight });
  });
}
