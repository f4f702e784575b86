/**
 * Ticket lists exported from a helpdesk (id, URL, channel, agent, created, CSAT): candidates to
 * sample and score. A CSAT answer on a row becomes a ticket KPI record beside it.
 */
import { z } from 'zod';
import type { AutoQaConversation } from '../autoqa/conversation';
import { parsePastedTranscript } from '../evaluations/parse-pasted-transcript';
import type { ImportedTicket, KpiRecord, SpotlightFlag } from '../schemas';
import { channelCell, optionalNumberCell, optionalTimeCell, requiredCell } from './csv-cells';
import { TableImport, type TableSpec } from './table-import';
import { ticketRefFrom } from './ticket-ref-cells';

export interface ImportedTicketRow {
  ticket: ImportedTicket;
  /** The row's CSAT as a KPI record, or null when the row has none. */
  kpi: KpiRecord | null;
}

export const TICKET_FIELDS = [
  { field: 'ticket_id', aliases: ['id', 'ticket', 'ticket_number', 'number', 'conversation_id'], required: true },
  { field: 'url', aliases: ['ticket_url', 'link', 'permalink'], required: false },
  { field: 'helpdesk', aliases: ['source_system'], required: false },
  { field: 'channel', aliases: ['via', 'source', 'medium'], required: true },
  { field: 'agent', aliases: ['assignee', 'assigned_to', 'agent_name', 'owner'], required: false },
  { field: 'created', aliases: ['created_at', 'created_on', 'date', 'opened'], required: false },
  { field: 'csat', aliases: ['satisfaction', 'satisfaction_score', 'csat_score', 'rating'], required: false },
  /** The conversation as text, one "Name: message" per line: read for Spotlight flags, never stored. */
  { field: 'transcript', aliases: ['conversation', 'thread', 'chat_transcript', 'messages'], required: false },
] as const;

const TicketRowSchema = z.object({
  ticket_id: requiredCell('the ticket id'),
  url: z.string().optional(),
  helpdesk: z.string().optional(),
  channel: channelCell,
  agent: z.string().trim().optional(),
  created: optionalTimeCell.optional(),
  csat: optionalNumberCell
    .refine((n) => n === null || (n >= 1 && n <= 5), 'CSAT must be between 1 and 5')
    .optional(),
  transcript: z.string().optional(),
});

export interface RecordContext {
  now: number;
  newId: () => string;
  /** Spotlight for a row's transcript (lib/autoqa, loaded on demand by the caller); rows are not flagged without it. */
  spotlight?: (conversation: AutoQaConversation) => SpotlightFlag[];
}

export function ticketListImport(context: RecordContext): TableImport<z.infer<typeof TicketRowSchema>, ImportedTicketRow> {
  const spec: TableSpec<z.infer<typeof TicketRowSchema>, ImportedTicketRow> = {
    fields: TICKET_FIELDS,
    row: TicketRowSchema,
    check: (row) => {
      const ref = ticketRefFrom(row);
      if (typeof ref === 'string') return ref;
      const key = `${ref.helpdesk}:${ref.ticketId}`;
      const agent = row.agent || null;
      const at = row.created ?? null;
      const csat = row.csat ?? null;
      const messages = row.transcript?.trim() ? parsePastedTranscript(row.transcript) : [];
      const spotlight = messages.length && context.spotlight ? { spotlight: context.spotlight({ channel: row.channel, messages: messages.map((m) => ({ role: m.role, author: m.author, text: m.text })), csat }) } : {};
      const ticket: ImportedTicket = { key, ...ref, channel: row.channel, agent, createdAt: at, importedAt: context.now, ...spotlight };
      const kpi: KpiRecord | null =
        csat === null
          ? null
          : {
              id: context.newId(),
              scope: 'ticket',
              ticketKey: key,
              agent,
              at,
              kpis: { csat, nps: null, firstContactResolved: null, firstResponseSeconds: null, resolutionSeconds: null, reopens: null },
              source: 'import',
              createdAt: context.now,
              updatedAt: context.now,
            };
      return { ticket, kpi };
    },
    key: (out) => out.ticket.key,
    describe: (key) => `ticket ${key}`,
  };
  return new TableImport(spec);
}
