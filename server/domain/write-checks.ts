/**
 * The server's checks on one mutation beyond its schema: the role rules shared with the extension
 * (`refusalFor`), single writers, and "an agent writes only about themselves". They need what the
 * server already holds (the stored record, the review an answer is about), which the store looks
 * up and passes in. Pure: no database.
 */
import type { Dispute, Evaluation, Member, SyncKind } from '../../lib/schemas';
import { canonical } from '../../lib/sync/canonical-json';
import { refusalFor } from '../../lib/sync/write-rules';
import { membersMatching } from './visibility';

export interface StoredRecord {
  authorId: string | null;
  deleted: boolean;
  body: unknown;
  about: readonly string[];
}

export interface WriteAttempt {
  member: Pick<Member, 'id' | 'name' | 'role' | 'identities'>;
  kind: SyncKind;
  op: 'put' | 'delete';
  /** The parsed record of a put; null for a delete. */
  record: unknown;
  stored: StoredRecord | null;
  /** For acknowledgements and disputes: the stored evaluation they answer, if the server has it. */
  answered: StoredRecord | null;
}

const SINGLE_WRITER: Partial<Record<SyncKind, string>> = {
  evaluation: 'Only the member who first shared this evaluation can change it.',
  acknowledgement: 'Only the agent who acknowledged this review can change the acknowledgement.',
};

/** Why this mutation is refused, as a sentence for the member; null when it may be applied. */
export function writeRefusal(attempt: WriteAttempt): string | null {
  const { member, kind, op, stored } = attempt;
  // A delete is judged on what it deletes.
  const subject = op === 'put' ? attempt.record : (stored?.body ?? null);
  const roleRefusal = refusalFor(member.role, kind, subject);
  if (roleRefusal) return roleRefusal;

  const byOther = stored !== null && stored.authorId !== null && stored.authorId !== member.id;
  if (byOther && SINGLE_WRITER[kind]) return SINGLE_WRITER[kind];

  if (kind === 'dispute') return disputeRefusal(attempt, byOther);
  if (member.role !== 'agent') return null;
  if (kind === 'acknowledgement') return answerRefusal(attempt, 'acknowledge');
  if (kind === 'evaluation' || kind === 'ticket') {
    const about = subject === null ? [] : aboutTicket(subject as Pick<Evaluation, 'ticket'> | TicketLike, kind, member);
    if (!about) return kind === 'evaluation' ? 'A team agent can only share self-assessments of their own tickets.' : 'A team agent can only share snapshots of their own tickets.';
  }
  return null;
}

type TicketLike = { agent: Evaluation['ticket']['agent']; helpdesk: string };

function aboutTicket(subject: Pick<Evaluation, 'ticket'> | TicketLike, kind: 'evaluation' | 'ticket', member: WriteAttempt['member']): boolean {
  const ticket = kind === 'evaluation' ? (subject as Pick<Evaluation, 'ticket'>).ticket : (subject as TicketLike);
  return membersMatching(ticket.agent, ticket.helpdesk, [member]).length > 0;
}

/** Acknowledgements and raised disputes come from the agent the review is about. */
function answerRefusal(attempt: WriteAttempt, verb: 'acknowledge' | 'dispute'): string | null {
  const review = attempt.answered;
  if (!review || review.deleted) return `The review you ${verb} is not on the team server (it may have been deleted).`;
  if ((review.body as Evaluation).kind !== 'review') return `Only reviews can be ${verb === 'acknowledge' ? 'acknowledged' : 'disputed'}.`;
  if (!review.about.includes(attempt.member.id)) return `You can only ${verb} reviews of your own tickets.`;
  return null;
}

function disputeRefusal(attempt: WriteAttempt, byOther: boolean): string | null {
  const { member, stored } = attempt;
  const storedDispute = stored && !stored.deleted ? (stored.body as Dispute) : null;
  if (member.role === 'agent') {
    if (byOther) return 'Only the agent who raised this dispute can change it.';
    if (storedDispute?.status === 'resolved') return 'This dispute has been resolved; raise a new one if you disagree with the decision.';
    return answerRefusal(attempt, 'dispute');
  }
  // Supervisors and admins resolve: the agent's side of the dispute stays as the agent wrote it.
  if (attempt.op === 'delete') return 'Disputes are kept as the record of a decision; resolve it instead of deleting it.';
  if (!storedDispute) return 'This dispute is not on the team server yet: it can be resolved once the agent’s dispute has arrived.';
  const record = attempt.record as Dispute;
  const same = record.evaluationId === storedDispute.evaluationId && canonical(record.criteria) === canonical(storedDispute.criteria);
  if (!same) return 'A resolution cannot change what the agent disputed: only the decision is yours.';
  return null;
}
