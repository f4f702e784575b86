import type { Channel, Evaluation, TicketContext, TranscriptMessage } from '../schemas';

/** What the reviewer typed for fields the adapter could not read. */
export interface TicketFillIns {
  agent?: string;
  channel?: Channel;
  /** A conversation the reviewer pasted where none could be read. */
  messages?: TranscriptMessage[];
}

/**
 * The fields the reviewer may fill in: those the adapter finished reading without (a helpdesk that
 * changed its markup, a generic site). While the read is still under way nothing is editable.
 */
export function fillableFields(ticket: TicketContext): { agent: boolean; channel: boolean; transcript: boolean } {
  const finished = ticket.complete || ticket.problem !== undefined;
  return {
    agent: finished && ticket.agent === null,
    channel: ticket.problem !== undefined && ticket.channel === 'other',
    transcript: finished && ticket.messages.length === 0,
  };
}

/** The ticket as the evaluation should record it: what was read, completed by what was typed. */
export function withFillIns(ticket: TicketContext, fillIns: TicketFillIns): TicketContext {
  const fillable = fillableFields(ticket);
  const agent = fillable.agent && fillIns.agent?.trim() ? { name: fillIns.agent.trim() } : ticket.agent;
  const channel = fillable.channel && fillIns.channel ? fillIns.channel : ticket.channel;
  const messages = fillable.transcript && fillIns.messages?.length ? fillIns.messages : ticket.messages;
  return { ...ticket, agent, channel, messages };
}

/** A conversation pasted earlier for this ticket, kept in its snapshot, where none can be read now. */
export function pastedFromSnapshot(snapshot: TicketContext | undefined, ticket: TicketContext): TicketFillIns {
  const pasted = snapshot?.messages.filter((m) => m.id.startsWith('pasted-')) ?? [];
  return fillableFields(ticket).transcript && pasted.length ? { messages: pasted } : {};
}

/** Fill-ins kept in a saved draft, so a reload does not ask again. */
export function fillInsFromDraft(draft: Evaluation | null, ticket: TicketContext): TicketFillIns {
  if (!draft) return {};
  const fillable = fillableFields(ticket);
  return {
    ...(fillable.agent && draft.ticket.agent ? { agent: draft.ticket.agent.name } : {}),
    ...(fillable.channel && draft.ticket.channel !== 'other' ? { channel: draft.ticket.channel } : {}),
  };
}
