/**
 * Subject rights: finding everything held about one person (a customer, by email or name, or an
 * agent) and planning its erasure. Pure: it reads rows and returns what to delete and what to
 * rewrite; lib/db/subject-rights.ts carries the plan out in one transaction.
 */
import { mapText } from './map-text';
import type { Acknowledgement, CoachingPlan, Dispute, Evaluation, ImportedTicket, KpiRecord, Person, Reminder, SyncKind, TicketSnapshot } from '../schemas';

export type PersonKind = 'customer' | 'agent';
export interface PersonQuery {
  kind: PersonKind;
  /** An email address or a name, matched whole, in any case. */
  value: string;
  /**
   * The fingerprint of `value` when it is an email (`emailFingerprint` in ./email-fingerprint.ts),
   * worked out by the caller so that this module stays pure and synchronous: a stored customer
   * carries only that fingerprint of their email, which redaction replaced with `[email]`.
   */
  emailSha256?: string;
}

export interface PersonTables {
  tickets: TicketSnapshot[];
  evaluations: Evaluation[];
  acknowledgements: Acknowledgement[];
  disputes: Dispute[];
  coachingPlans: CoachingPlan[];
  kpis: KpiRecord[];
  importedTickets: ImportedTicket[];
  reminders: Reminder[];
}
export type PersonTable = keyof PersonTables;

/** What stands in for an erased person's name or email wherever text mentioned them. */
export const ERASED = '[erased]';

/** Why a query cannot be run, or null: too short a value would match (and erase) far too much. */
export function personQueryProblem(query: PersonQuery): string | null {
  const value = query.value.trim();
  if (value.length < 3) return 'Enter the person’s email address or full name (at least 3 characters).';
  if (value.length > 320) return 'That is longer than any email address or name QA Lens keeps.';
  return null;
}

const same = (a: string | undefined | null, b: string) => (a ?? '').trim().toLocaleLowerCase() === b;
/** The person by name, by an email kept as it was (rows from before redaction), or by their email's fingerprint. */
const isPerson = (person: Person | null | undefined, needle: string, emailSha256: string | undefined) =>
  !!person && (same(person.name, needle) || same(person.email, needle) || (!!emailSha256 && person.emailSha256 === emailSha256));

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces every mention of any of the terms (each as a whole word, in any case unless
 * `caseSensitive`) with `[erased]`.
 */
export function mentionEraser(terms: readonly string[], { caseSensitive = false } = {}): <T>(row: T) => T {
  // Longest first, so a full name goes whole before a shorter term inside it could match.
  const alternatives = [...new Set(terms.map((t) => t.trim()).filter(Boolean))].sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (alternatives.length === 0) return (row) => row;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}@._-])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}@_-]|\\.[\\p{L}\\p{N}])`, caseSensitive ? 'gu' : 'giu');
  return (row) => mapText(row, (text) => text.replace(pattern, ERASED));
}

/**
 * The parts of the customer's names ("Morgan" and "Lee" of "Morgan Lee"), as written: what a
 * conversation calls them by ("Hi Morgan"). Addresses are not names and have no parts.
 */
function nameParts(names: readonly string[]): string[] {
  return names.filter((n) => !n.includes('@')).flatMap((n) => n.split(/\s+/)).filter((part) => part.length >= 2 && /\p{L}/u.test(part) && !PLACEHOLDER.test(part));
}

/** A placeholder redaction or erasure left (`[email]`, `[erased]`): not a name to look for. */
const PLACEHOLDER = /^\[[^\]]*\]$/;

/**
 * The names the customer goes by in their own tickets. Redaction keeps a customer's name readable
 * (only their email becomes `[email]`), so a customer found by email is erased by these names too,
 * wherever they are quoted: transcripts, evidence, comments.
 */
function customerNames(tickets: readonly TicketSnapshot[]): string[] {
  const names = tickets.flatMap((t) => [t.customer?.name ?? '', ...t.messages.filter((m) => m.role === 'customer').map((m) => m.author)]);
  return names.map((n) => n.trim()).filter((n) => n.length >= 3 && !PLACEHOLDER.test(n));
}

/** The customer's own words quoted as evidence in a review of their conversation: the quote and its author go. */
function eraseCustomerQuotes<T>(value: T): T {
  if (Array.isArray(value)) return value.map(eraseCustomerQuotes) as T;
  if (!value || typeof value !== 'object') return value;
  const row = value as Record<string, unknown>;
  if (row.role === 'customer' && typeof row.quote === 'string') return { ...row, quote: ERASED, author: ERASED } as T;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, eraseCustomerQuotes(v)])) as T;
}

/**
 * How every row is rewritten to take the person out: their value and, for a customer, the names
 * they go by in their tickets become `[erased]`; reviews of a customer's conversations also lose
 * the customer's quoted words and each part of their names (a first name alone), and so do the
 * acknowledgements and disputes that answer those reviews. Rows it leaves unchanged do not mention the person.
 */
function personEraser(query: PersonQuery, about: PersonRecords['about'], reviewsOfTheirTickets: ReadonlySet<string>): (table: PersonTable, row: unknown) => unknown {
  // The value itself stays a term: a name, or an email some row from before redaction kept whole.
  const names = query.kind === 'customer' ? [query.value, ...customerNames(about.tickets)] : [query.value];
  const erase = mentionEraser(names);
  // Inside reviews of the customer's own conversations a first name alone refers to them ("Hi
  // Morgan"); anywhere else it could be anyone, or a word ("Hope", "Will"), so there only full
  // names count. Matched as the name writes it, capitalised: "I hope" is not Hope Lee even here.
  const eraseParts = mentionEraser(nameParts(names), { caseSensitive: true });
  return (table, row) => {
    const erased = erase(row);
    if (table === 'evaluations') return reviewsOfTheirTickets.has((row as Evaluation).id) ? eraseCustomerQuotes(eraseParts(erased)) : erased;
    // The agent's answer to such a review talks about the same conversation ("Morgan was upset").
    const answersAReview = table === 'acknowledgements' || table === 'disputes';
    return answersAReview && reviewsOfTheirTickets.has((row as Acknowledgement | Dispute).evaluationId) ? eraseParts(erased) : erased;
  };
}

/** What is held about the person, table by table: the rows about them, and the rows that only mention them. */
export interface PersonRecords {
  about: { [T in PersonTable]: PersonTables[T] };
  /** Rows about someone else that name the person in their text (a customer quoted in another ticket). */
  mentioning: { [T in PersonTable]: PersonTables[T] };
  /** For a customer, the ids of the reviews of their own conversations, where their first name alone refers to them. */
  reviewsOfTheirTickets: ReadonlySet<string>;
}

export function findPersonRecords(tables: PersonTables, query: PersonQuery): PersonRecords {
  const needle = query.value.trim().toLocaleLowerCase();
  const about = empty();
  let reviewsOfTheirTickets = new Set<string>();
  if (query.kind === 'customer') {
    about.tickets = tables.tickets.filter(
      (t) =>
        isPerson(t.customer, needle, query.emailSha256) ||
        // An author that was an address is kept as its fingerprint (redaction made it `[email]`).
        t.messages.some((m) => m.role === 'customer' && (same(m.author, needle) || (!!query.emailSha256 && m.authorSha256 === query.emailSha256))),
    );
    const keys = new Set(about.tickets.map((t) => t.key));
    reviewsOfTheirTickets = new Set(tables.evaluations.filter((e) => keys.has(e.ticket.key)).map((e) => e.id));
    // A review of the customer's conversation is about the agent's work, not the customer: it stays,
    // and only its quotes and comments lose the customer (see planErasure).
    about.kpis = tables.kpis.filter((k) => k.scope === 'ticket' && keys.has(k.ticketKey));
    about.importedTickets = tables.importedTickets.filter((t) => keys.has(t.key));
  } else {
    about.evaluations = tables.evaluations.filter((e) => isPerson(e.ticket.agent, needle, undefined));
    const ids = new Set(about.evaluations.map((e) => e.id));
    about.acknowledgements = tables.acknowledgements.filter((a) => ids.has(a.evaluationId) || same(a.agent.name, needle));
    about.disputes = tables.disputes.filter((d) => ids.has(d.evaluationId) || same(d.agent.name, needle));
    about.coachingPlans = tables.coachingPlans.filter((p) => isPerson(p.agent, needle, undefined));
    about.kpis = tables.kpis.filter((k) => same(k.agent, needle));
    about.importedTickets = tables.importedTickets.filter((t) => same(t.agent, needle));
    about.tickets = tables.tickets.filter((t) => isPerson(t.agent, needle, undefined));
    about.reminders = tables.reminders.filter((r) => ids.has(r.id.split(':')[1] ?? '') || about.coachingPlans.some((p) => r.id.endsWith(`:${p.id}`)));
  }
  const erase = personEraser(query, about, reviewsOfTheirTickets);
  const mentioning = empty();
  for (const table of PERSON_TABLES) {
    const held = new Set<unknown>(about[table]);
    (mentioning[table] as unknown[]) = (tables[table] as unknown[]).filter((row) => !held.has(row) && JSON.stringify(erase(table, row)) !== JSON.stringify(row));
  }
  return { about, mentioning, reviewsOfTheirTickets };
}

export const PERSON_TABLES: readonly PersonTable[] = ['tickets', 'evaluations', 'acknowledgements', 'disputes', 'coachingPlans', 'kpis', 'importedTickets', 'reminders'];

/** The kind each person table's rows are shared with the team server as, when they are shared at all. */
export const PERSON_TABLE_SHARED_AS: Partial<Record<PersonTable, SyncKind>> = {
  tickets: 'ticket',
  evaluations: 'evaluation',
  acknowledgements: 'acknowledgement',
  disputes: 'dispute',
  coachingPlans: 'coaching-plan',
  kpis: 'kpi',
};

function empty(): PersonRecords['about'] {
  return { tickets: [], evaluations: [], acknowledgements: [], disputes: [], coachingPlans: [], kpis: [], importedTickets: [], reminders: [] };
}

export interface ErasurePlan {
  /** Rows removed whole, by table. */
  remove: { [T in PersonTable]: PersonTables[T] };
  /** Rows kept with the person taken out of them, by table. */
  rewrite: { [T in PersonTable]: PersonTables[T] };
}

/**
 * What erasing the person does. A customer: the snapshots of their conversations go, with their KPI
 * answers; reviews of those conversations stay (they judge the agent's work) with the customer's
 * words taken out of their quotes; every other mention becomes `[erased]`. An agent: every review,
 * self-assessment, acknowledgement, dispute, coaching plan, KPI record and reminder about them goes;
 * snapshots of their tickets stay (the customer's conversation) with the agent taken out.
 */
export function planErasure(records: PersonRecords, query: PersonQuery, now: number): ErasurePlan {
  const eraseIn = personEraser(query, records.about, records.reviewsOfTheirTickets);
  const remove = empty();
  const rewrite = empty();
  const needle = query.value.trim().toLocaleLowerCase();
  if (query.kind === 'customer') {
    remove.tickets = records.about.tickets;
    remove.kpis = records.about.kpis;
    rewrite.importedTickets = records.about.importedTickets.map((t) => eraseIn('importedTickets', t) as ImportedTicket);
  } else {
    remove.evaluations = records.about.evaluations;
    remove.acknowledgements = records.about.acknowledgements;
    remove.disputes = records.about.disputes;
    remove.coachingPlans = records.about.coachingPlans;
    remove.kpis = records.about.kpis;
    remove.reminders = records.about.reminders;
    rewrite.importedTickets = records.about.importedTickets.map((t) => ({ ...t, agent: null }));
    rewrite.tickets = records.about.tickets.map((t) =>
      eraseIn('tickets', { ...t, agent: null, messages: t.messages.map((m) => (m.role === 'agent' && same(m.author, needle) ? { ...m, author: ERASED } : m)) }) as TicketSnapshot,
    );
  }
  for (const table of PERSON_TABLES) {
    const stamped = (records.mentioning[table] as unknown[]).map((row) => stamp(eraseIn(table, row), now));
    (rewrite[table] as unknown[]) = [...(rewrite[table] as unknown[]).map((row) => stamp(row, now)), ...stamped];
  }
  return { remove, rewrite };
}

/** A rewritten row is a newer version of itself, so a restore or the team server does not bring the old one back. */
const stamp = <T>(row: T, now: number): T => (row && typeof row === 'object' && 'updatedAt' in row ? { ...row, updatedAt: Math.max(now, (row as { updatedAt: number }).updatedAt + 1) } : row);
