import { newId } from '../ids';
import {
  ticketKey,
  type EvaluatedTicket,
  type Evaluation,
  type EvaluationKind,
  type Profile,
  type Scorecard,
  type SpotlightFlag,
  type TicketContext,
} from '../schemas';

/** The part of a ticket an evaluation keeps with it, for lists, filters and exports, with its Spotlight flags once known. */
export function evaluatedTicket(ticket: TicketContext, spotlight?: SpotlightFlag[]): EvaluatedTicket {
  return {
    key: ticketKey(ticket),
    helpdesk: ticket.helpdesk,
    ticketId: ticket.ticketId,
    url: ticket.url,
    channel: ticket.channel,
    subject: ticket.subject,
    agent: ticket.agent,
    ...(spotlight ? { spotlight } : {}),
  };
}

/** A fresh, unsaved evaluation of a ticket, pinned to the scorecard version it starts with. */
export function newDraft(input: {
  ticket: TicketContext;
  scorecard: Scorecard;
  author: Profile;
  kind?: EvaluationKind;
  /** For a `calibration` draft: the session it is scored in. */
  calibrationSessionId?: string;
  now: number;
}): Evaluation {
  const { ticket, scorecard, author, now } = input;
  return {
    id: newId(),
    kind: input.kind ?? 'review',
    status: 'draft',
    ticket: evaluatedTicket(ticket),
    scorecardId: scorecard.id,
    scorecardVersion: scorecard.version,
    answers: {},
    strengths: '',
    improvements: '',
    author: { name: author.name, role: author.role },
    score: null,
    passed: null,
    reviewSeconds: 0,
    acknowledgeBy: null,
    history: [],
    ...(input.calibrationSessionId ? { calibrationSessionId: input.calibrationSessionId } : {}),
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
  };
}
