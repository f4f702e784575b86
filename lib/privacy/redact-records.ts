/**
 * Redaction of whole records: every field that can hold what a customer wrote or what a reviewer
 * quoted of it. Identifying fields the product needs stay (ticket ids and URLs, the agent and the
 * reviewer, the customer's name, which erasure looks people up by); everything free-text passes
 * through `redactText`. Idempotent, so it is safe at every door: the worker, the panel, imports,
 * restores, exports and the migration of what was stored before.
 */
import type { Acknowledgement, Answer, Dispute, Evaluation, Evidence, SyncKind, TicketContext } from '../schemas';
import { mapText } from './map-text';
import { DEFAULT_RULES, redactText, type RedactionRules } from './redact';
import { withEmailFingerprints } from './email-fingerprint';

export function redactTicket<T extends TicketContext>(ticket: T, rules: RedactionRules = DEFAULT_RULES): T {
  const r = (text: string) => redactText(text, rules);
  return {
    ...ticket,
    subject: r(ticket.subject),
    customer: ticket.customer && { ...ticket.customer, name: r(ticket.customer.name), ...(ticket.customer.email !== undefined ? { email: r(ticket.customer.email) } : {}) },
    messages: ticket.messages.map((m) => ({ ...m, author: r(m.author), text: r(m.text) })),
  };
}

/**
 * A ticket as read off the helpdesk page, as the worker keeps it: the customer's email and any
 * author that is an address fingerprinted first (so a request by email can still find them), then redacted. A fingerprint
 * the page sent along is dropped: only one computed here is trusted.
 */
export async function redactObservedTicket<T extends TicketContext>(ticket: T, rules: RedactionRules = DEFAULT_RULES): Promise<T> {
  return redactTicket(await withEmailFingerprints(ticket, { keepExisting: false }), rules);
}

const redactEvidence = (e: Evidence, rules: RedactionRules): Evidence => ({ ...e, quote: redactText(e.quote, rules), author: redactText(e.author, rules) });

const redactAnswer = (a: Answer, rules: RedactionRules): Answer => ({
  ...a,
  comment: redactText(a.comment, rules),
  evidence: a.evidence.map((e) => redactEvidence(e, rules)),
});

export function redactEvaluation(evaluation: Evaluation, rules: RedactionRules = DEFAULT_RULES): Evaluation {
  const r = (text: string) => redactText(text, rules);
  return {
    ...evaluation,
    ticket: { ...evaluation.ticket, subject: r(evaluation.ticket.subject) },
    answers: Object.fromEntries(Object.entries(evaluation.answers).map(([id, a]) => [id, redactAnswer(a, rules)])),
    strengths: r(evaluation.strengths),
    improvements: r(evaluation.improvements),
    history: evaluation.history.map((h) => ({
      ...h,
      reason: r(h.reason),
      answerChanges: h.answerChanges.map((c) => ({ ...c, before: redactAnswer(c.before, rules), after: redactAnswer(c.after, rules) })),
    })),
  };
}

export function redactAcknowledgement(ack: Acknowledgement, rules: RedactionRules = DEFAULT_RULES): Acknowledgement {
  return { ...ack, comment: redactText(ack.comment, rules) };
}

export function redactDispute(dispute: Dispute, rules: RedactionRules = DEFAULT_RULES): Dispute {
  return {
    ...dispute,
    criteria: dispute.criteria.map((c) => ({ ...c, reason: redactText(c.reason, rules) })),
    resolution: dispute.resolution && { ...dispute.resolution, decisions: dispute.resolution.decisions.map((d) => ({ ...d, reason: redactText(d.reason, rules) })) },
  };
}

/**
 * A shared record of any kind, redacted: for records that arrive from outside this browser (pulled
 * from the team server, restored, imported). Kinds with no free text a customer wrote pass as they are.
 */
export function redactRecord<T>(kind: SyncKind, record: T, rules: RedactionRules = DEFAULT_RULES): T {
  switch (kind) {
    case 'ticket':
      return redactTicket(record as never, rules) as T;
    case 'evaluation':
      return redactEvaluation(record as never, rules) as T;
    case 'acknowledgement':
      return redactAcknowledgement(record as never, rules) as T;
    case 'dispute':
      return redactDispute(record as never, rules) as T;
    default:
      return record;
  }
}

/**
 * Every string in a value redacted, identifying fields apart: for a stored row too old or damaged
 * for its record's own redaction to read, so that a migration still leaves nothing unredacted.
 */
export function redactDeep<T>(value: T, rules: RedactionRules = DEFAULT_RULES): T {
  return mapText(value, (text) => redactText(text, rules));
}
