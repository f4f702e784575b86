/**
 * The erasure list: what Erase a person leaves behind so that the erasure holds. Without it, an
 * older backup restored later, or a change pulled late from the team server (another member's
 * browser that had not yet received the deletes, a page pulled after the erasure), adds back the
 * records this browser no longer has, and the person with them.
 *
 * It holds two things, both kept in the `erasures` table (lib/db/migrations/009-add-erasure-list.ts):
 * - **Record keys**: each deleted record's table and key, and each rewritten record's key with the
 *   version (`updatedAt`) the rewrite gave it. A deleted key never comes back; an older version of a
 *   rewritten record is refused (the rewritten one, or its absence, stays).
 * - **Fingerprints of the customer** (a suppression list): the SHA-256 of their email, as their
 *   tickets carried it, and a salted SHA-256 of each name their tickets gave them. They catch *new*
 *   copies the record keys cannot: a ticket of theirs this browser never held, arriving from the
 *   team server or a backup made elsewhere.
 *
 * Why keep fingerprints at all, when they are personal data too: a suppression list is the accepted
 * way to make an erasure hold (the person's data cannot be kept out without something to recognise
 * it by), and these are the least that does it. The email's fingerprint is one anyone holding the
 * address can recompute (as the tickets held it before); the names are salted with a random value of
 * this profile's, so the list cannot be matched against another profile's or a list of common names
 * made elsewhere, though a guess can still be checked here. Neither is exported with a person's data
 * or backed up, neither leaves this browser, and the audit log names neither. Agents are held back
 * by record keys only: a new review of an erased agent's work is the team's new record, not a copy.
 *
 * Pure: lib/db/erasures.ts reads and writes the table.
 */
import type { KpiRecord, TicketSnapshot } from '../schemas';
import { canonical } from '../sync/canonical-json';
import { ERASED, type PersonTable } from './person';
import { sha256Hex } from './sha256';

export type ErasureRow =
  /** A record erasure deleted: it is never restored or pulled back. */
  | { ref: string; kind: 'deleted'; at: number }
  /**
   * A record erasure rewrote, with `version`, the version the rewrite left (`versionOf`): an
   * incoming copy of it no newer than that, other than the rewritten one itself, is refused.
   */
  | { ref: string; kind: 'rewritten'; version: number | null; at: number }
  /** A customer's email fingerprint, or a salted fingerprint of a name they went by. */
  | { ref: string; kind: 'email' | 'name'; at: number }
  /** This profile's salt for name fingerprints, made at its first erasure. */
  | { ref: typeof SALT_REF; kind: 'salt'; salt: string; at: number };

export const SALT_REF = 'salt';

/** Each person table's primary key (lib/db/database.ts). */
const KEY_OF: Record<PersonTable, 'key' | 'id'> = {
  tickets: 'key',
  evaluations: 'id',
  acknowledgements: 'id',
  disputes: 'id',
  coachingPlans: 'id',
  kpis: 'id',
  importedTickets: 'key',
  reminders: 'id',
};

export const recordRef = (table: PersonTable, key: string) => `record ${table} ${key}`;
const emailRef = (sha256: string) => `email ${sha256}`;
const nameRef = (fingerprint: string) => `name ${fingerprint}`;

const keyOf = (table: PersonTable, row: unknown) => String((row as Record<string, unknown>)[KEY_OF[table]]);
/**
 * Which copy of a record is newer: `updatedAt`, or for ticket snapshots (which are read, never
 * edited) when it was read. The rewrite stamps a newer `updatedAt` (planErasure), but a snapshot's
 * read time stays, so for a snapshot the old copy and the rewritten one share a version.
 */
const versionOf = (row: unknown): number | null => {
  const { updatedAt, capturedAt } = row as { updatedAt?: unknown; capturedAt?: unknown };
  if (typeof updatedAt === 'number') return updatedAt;
  return typeof capturedAt === 'number' ? capturedAt : null;
};

/** The form a name is fingerprinted in: as written, case and spacing aside. */
const normaliseName = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** The salted fingerprint of a name (see the module's comment for why salted). */
export const nameFingerprint = (name: string, salt: string) => sha256Hex(`${salt}\u0000${normaliseName(name)}`);

/** A new random salt, as hex. */
export function newSalt(): string {
  return [...globalThis.crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A placeholder redaction or erasure left (`[email]`, `[erased]`): never a name to fingerprint. */
const PLACEHOLDER = /^\[[^\]]*\]$/;

/** The names and email fingerprints a ticket gives its customer. */
function customerMarks(ticket: TicketSnapshot): { names: string[]; emails: string[] } {
  const read = [ticket.customer?.name ?? '', ...ticket.messages.filter((m) => m.role === 'customer').map((m) => m.author)].map((n) => n.trim());
  const names = [...new Set(read)].filter((n) => n.length >= 3 && n !== ERASED && !PLACEHOLDER.test(n));
  const emails = [ticket.customer?.emailSha256, ...ticket.messages.filter((m) => m.role === 'customer').map((m) => m.authorSha256)].filter((s): s is string => !!s);
  return { names, emails };
}

export interface ErasedRows {
  /** Rows deleted, by table. */
  remove: Partial<Record<PersonTable, readonly unknown[]>>;
  /** Rows rewritten, by table, as written (with their new `updatedAt`). */
  rewrite: Partial<Record<PersonTable, readonly unknown[]>>;
}

/**
 * The rows an erasure adds to the list: its record keys, and for a customer the fingerprints
 * (email and salted names) of the tickets it deleted, plus the value asked for when it is a name.
 */
export function erasureRows(erased: ErasedRows, customer: { tickets: readonly TicketSnapshot[]; names: readonly string[]; emailSha256?: string } | null, salt: string, now: number): ErasureRow[] {
  const rows: ErasureRow[] = [];
  for (const [table, removed] of Object.entries(erased.remove) as [PersonTable, unknown[]][]) {
    for (const row of removed) rows.push({ ref: recordRef(table, keyOf(table, row)), kind: 'deleted', at: now });
  }
  for (const [table, rewritten] of Object.entries(erased.rewrite) as [PersonTable, unknown[]][]) {
    for (const row of rewritten) rows.push({ ref: recordRef(table, keyOf(table, row)), kind: 'rewritten', version: versionOf(row), at: now });
  }
  if (customer) {
    const marks = customer.tickets.map(customerMarks);
    const emails = new Set([...marks.flatMap((m) => m.emails), ...(customer.emailSha256 ? [customer.emailSha256] : [])]);
    const names = new Set([...marks.flatMap((m) => m.names), ...customer.names].map((n) => nameFingerprint(n, salt)));
    for (const sha of emails) rows.push({ ref: emailRef(sha), kind: 'email', at: now });
    for (const fingerprint of names) rows.push({ ref: nameRef(fingerprint), kind: 'name', at: now });
  }
  return rows;
}

/**
 * Whether an incoming row (restored or pulled) would bring an erased person back. `stored` is this
 * browser's copy of the record, if it has one, in the form the incoming row was given (so that the
 * rewritten copy coming back from the team server is recognised as itself, whatever its key order).
 */
export interface ErasureCheck {
  erased(table: PersonTable, row: unknown, stored?: unknown): boolean;
  /** Whether `erased` needs this browser's copy of the row: only rewritten records are compared with it. */
  wasRewritten(table: PersonTable, row: unknown): boolean;
}

/** The check the stored list makes: no list, no check (every row passes). */
export function erasureCheck(list: readonly ErasureRow[]): ErasureCheck {
  if (list.length === 0) return { erased: () => false, wasRewritten: () => false };
  const byRef = new Map(list.map((row) => [row.ref, row]));
  const salt = list.find((row) => row.kind === 'salt')?.salt ?? '';
  const hasFingerprints = list.some((row) => row.kind === 'email' || row.kind === 'name');
  const deleted = (table: PersonTable, key: string) => byRef.get(recordRef(table, key))?.kind === 'deleted';
  // A restore or a first sync reads the same customers' names again and again: each is hashed once.
  const fingerprints = new Map<string, string>();
  const fingerprintOf = (name: string) => fingerprints.get(name) ?? fingerprints.set(name, nameFingerprint(name, salt)).get(name)!;
  const suppressed = (ticket: TicketSnapshot) => {
    const { names, emails } = customerMarks(ticket);
    return emails.some((sha) => byRef.has(emailRef(sha))) || names.some((name) => byRef.has(nameRef(fingerprintOf(name))));
  };
  const erased = (table: PersonTable, row: unknown, stored?: unknown) => {
    const entry = byRef.get(recordRef(table, keyOf(table, row)));
    if (entry?.kind === 'deleted') return true;
    if (entry?.kind === 'rewritten') {
      const version = versionOf(row);
      const newer = version !== null && entry.version !== null && version > entry.version;
      if (!newer && (stored === undefined || canonical(stored) !== canonical(row))) return true;
    }
    // A KPI answer of a deleted ticket came with the ticket: it goes with it.
    if (table === 'kpis' && (row as KpiRecord).scope === 'ticket' && deleted('tickets', (row as Extract<KpiRecord, { scope: 'ticket' }>).ticketKey)) return true;
    if (table === 'tickets' && hasFingerprints) return suppressed(row as TicketSnapshot);
    return false;
  };
  return { erased, wasRewritten: (table, row) => byRef.get(recordRef(table, keyOf(table, row)))?.kind === 'rewritten' };
}
