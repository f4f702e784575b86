/**
 * Why a fingerprint: the customer's email (and a message author that is an address) is redacted to `[email]` before anything is stored
 * (`redactTicket`), so Settings → Privacy could not find a customer by the address a data-subject
 * request gives. The email itself is never kept; instead the worker keeps, on the stored customer,
 * the SHA-256 of the normalised address (`customer.emailSha256`), and the same address typed into
 * Settings gives the same fingerprint. It is still personal data: anyone who has the address can
 * recompute it, and it links that customer's tickets together. So it is exported with the person,
 * erased with them (their tickets go), and leaves the browser only on the ticket it sits on.
 */
import type { Person, TranscriptMessage } from '../schemas';

/** The form both sides hash: trimmed and lower-cased, as mail systems treat addresses in practice. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** Whether a value is an email address (not a placeholder such as `[email]`, not a name). */
export const isEmailAddress = (value: string) => /^[^\s@[\]]+@[^\s@[\]]+\.[^\s@[\]]+$/.test(normaliseEmail(value));

/** The hex SHA-256 of the normalised address. */
export async function emailFingerprint(email: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(normaliseEmail(email)));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The ticket with every email it names a person by fingerprinted, to be redacted next: the
 * customer's email, and each message author that is an address (Outlook gives the sender's address
 * when it has no display name), so a request by that address finds those tickets once redaction has
 * made them `[email]`. From an address the fingerprint is computed; with none (or only a
 * placeholder), `keepExisting` decides: a ticket the worker already fingerprinted keeps it, a ticket
 * read off the page (which could forge one) loses it. The one function for every door a ticket is
 * stored through: the worker's observed ticket, `saveTicketSnapshot`, `submitEvaluation`.
 */
export async function withEmailFingerprints<T extends { customer: Person | null; messages: readonly TranscriptMessage[] }>(ticket: T, { keepExisting }: { keepExisting: boolean }): Promise<T> {
  const [customer, messages] = await Promise.all([customerFingerprinted(ticket.customer, keepExisting), Promise.all(ticket.messages.map((m) => authorFingerprinted(m, keepExisting)))]);
  return { ...ticket, customer, messages };
}

async function customerFingerprinted(customer: Person | null, keepExisting: boolean): Promise<Person | null> {
  if (!customer) return customer;
  const { emailSha256: existing, ...rest } = customer;
  if (customer.email !== undefined && isEmailAddress(customer.email)) return { ...rest, emailSha256: await emailFingerprint(customer.email) };
  return keepExisting && existing ? { ...rest, emailSha256: existing } : rest;
}

async function authorFingerprinted(message: TranscriptMessage, keepExisting: boolean): Promise<TranscriptMessage> {
  const { authorSha256: existing, ...rest } = message;
  if (isEmailAddress(message.author)) return { ...rest, authorSha256: await emailFingerprint(message.author) };
  return keepExisting && existing ? { ...rest, authorSha256: existing } : rest;
}
