/**
 * Ticket lists exported from a helpdesk (id, URL, channel, agent, created, CSAT, complexity,
 * reopened, complaint): the pool monitoring plans sample from. A CSAT answer on a row becomes a
 * ticket KPI record beside it.
 */
import { z } from 'zod';
import type { AutoQaConversation } from '../autoqa/conversation';
import { parsePastedTranscript } from '../evaluations/parse-pasted-transcript';
import type { ComplexityBand, ImportedTicket, KpiRecord, SpotlightFlag } from '../schemas';
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
  { field: 'complexity', aliases: ['difficulty', 'complexity_band', 'tier'], required: false },
  { field: 'reopened', aliases: ['reopens', 'reopen_count', 'was_reopened'], required: false },
  { field: 'complaint', aliases: ['is_complaint', 'type', 'tags', 'category'], required: false },
  /** The conversation as text, one "Name: message" per line: read for Spotlight flags, never stored. */
  { field: 'transcript', aliases: ['conversation', 'thread', 'chat_transcript', 'messages'], required: false },
] as const;

const COMPLEXITY_NAMES: Record<string, ComplexityBand> = { low: 'low', simple: 'low', easy: 'low', '1': 'low', medium: 'medium', moderate: 'medium', '2': 'medium', high: 'high', complex: 'high', hard: 'high', '3': 'high' };

/** A band by name (low/medium/high, simple/moderate/complex, or 1–3); empty is "not given". */
const complexityCell = z.string().transform((cell, ctx) => {
  const name = cell.trim().toLowerCase();
  if (name === '') return null;
  const band = COMPLEXITY_NAMES[name];
  if (band) return band;
  ctx.addIssue({ code: 'custom', message: `"${cell.trim()}" is not a complexity band: use low, medium or high` });
  return z.NEVER;
});

/** true/false, yes/no, or a count of reopens (above 0 is reopened). */
const reopenedCell = z.string().transform((cell, ctx) => {
  const text = cell.trim().toLowerCase();
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Number(text) > 0;
  if (['true', 'yes', 'y'].includes(text)) return true;
  if (['false', 'no', 'n'].includes(text)) return false;
  ctx.addIssue({ code: 'custom', message: `"${cell.trim()}" is not yes, no or a number of reopens` });
  return z.NEVER;
});

/** A yes/no flag, or the ticket's type or tags: a complaint when they name one. */
const complaintCell = z.string().transform((cell) => {
  const text = cell.trim().toLowerCase();
  if (text === '') return null;
  if (['true', 'yes', 'y', '1'].includes(text)) return true;
  if (['false', 'no', 'n', '0'].includes(text)) return false;
  return /complain/.test(text);
});

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
  complexity: complexityCell.optional(),
  reopened: reopenedCell.optional(),
  complaint: complaintCell.optional(),
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
      const ticket: ImportedTicket = {
        key,
        ...ref,
        channel: row.channel,
        agent,
        createdAt: at,
        complexity: row.complexity ?? null,
        reopened: row.reopened ?? null,
        complaint: row.complaint ?? null,
        importedAt: context.now,
        ...spotlight,
      };
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
