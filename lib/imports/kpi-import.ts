/**
 * KPI records from helpdesk or workforce reports. A file holds one scope, told by its columns:
 * per ticket (a ticket id column) or per agent and period (period start and end columns).
 */
import { z } from 'zod';
import { AgentPeriodKpisSchema, TicketKpisSchema, type KpiRecord } from '../schemas';
import { describeIssues } from '../schemas/describe-issues';
import { optionalBooleanCell, optionalNumberCell, optionalTimeCell, requiredCell, timeCell } from './csv-cells';
import { normaliseColumn, type FieldSpec } from './import-preview';
import { TableImport } from './table-import';
import type { RecordContext } from './ticket-list-import';
import { ticketRefFrom } from './ticket-ref-cells';

const optional = { required: false } as const;

export const TICKET_KPI_FIELDS: readonly FieldSpec[] = [
  { field: 'ticket_id', aliases: ['id', 'ticket', 'ticket_number'], required: true },
  { field: 'url', aliases: ['ticket_url', 'link'], ...optional },
  { field: 'helpdesk', aliases: [], ...optional },
  { field: 'agent', aliases: ['assignee', 'agent_name'], ...optional },
  { field: 'at', aliases: ['date', 'created', 'created_at', 'solved_at'], ...optional },
  { field: 'csat', aliases: ['satisfaction', 'csat_score'], ...optional },
  { field: 'nps', aliases: ['nps_score', 'likelihood_to_recommend'], ...optional },
  { field: 'fcr', aliases: ['first_contact_resolution', 'first_contact_resolved', 'one_touch'], ...optional },
  { field: 'first_response_seconds', aliases: ['first_reply_seconds', 'frt_seconds'], ...optional },
  { field: 'resolution_seconds', aliases: ['full_resolution_seconds'], ...optional },
  { field: 'reopens', aliases: ['reopened', 'reopen_count'], ...optional },
];

export const AGENT_PERIOD_FIELDS: readonly FieldSpec[] = [
  { field: 'agent', aliases: ['agent_name', 'assignee'], required: true },
  { field: 'period_start', aliases: ['from', 'start'], required: true },
  { field: 'period_end', aliases: ['to', 'end'], required: true },
  { field: 'csat_percent', aliases: ['csat', 'csat_pct'], ...optional },
  { field: 'fcr_percent', aliases: ['fcr', 'fcr_pct'], ...optional },
  { field: 'nps', aliases: ['nps_score'], ...optional },
  { field: 'aht_seconds', aliases: ['aht', 'average_handle_time_seconds'], ...optional },
];

const number = optionalNumberCell.optional().transform((n) => n ?? null);

const TicketKpiRowSchema = z.object({
  ticket_id: requiredCell('the ticket id'),
  url: z.string().optional(),
  helpdesk: z.string().optional(),
  agent: z.string().trim().optional(),
  at: optionalTimeCell.optional(),
  csat: number,
  nps: number,
  fcr: optionalBooleanCell.optional(),
  first_response_seconds: number,
  resolution_seconds: number,
  reopens: number,
});

const AgentPeriodRowSchema = z.object({
  agent: requiredCell('the agent'),
  period_start: timeCell,
  period_end: timeCell,
  csat_percent: number,
  fcr_percent: number,
  nps: number,
  aht_seconds: number,
});

/** The scope a header describes: a period start column means agent-period KPIs. */
export const kpiScopeOf = (header: readonly string[]): KpiRecord['scope'] =>
  header.some((c) => ['period_start', 'from', 'start'].includes(normaliseColumn(c))) ? 'agent-period' : 'ticket';

const fromZod = <T>(result: z.ZodSafeParseResult<T>): T | string => (result.success ? result.data : describeIssues(result.error));

export function ticketKpiImport(context: RecordContext) {
  return new TableImport({
    fields: TICKET_KPI_FIELDS,
    row: TicketKpiRowSchema,
    check: (row): KpiRecord | string => {
      const ref = ticketRefFrom(row);
      if (typeof ref === 'string') return ref;
      const kpis = fromZod(
        TicketKpisSchema.safeParse({
          csat: row.csat,
          nps: row.nps,
          firstContactResolved: row.fcr ?? null,
          firstResponseSeconds: row.first_response_seconds,
          resolutionSeconds: row.resolution_seconds,
          reopens: row.reopens,
        }),
      );
      if (typeof kpis === 'string') return kpis;
      const { now, newId } = context;
      const base = { id: newId(), source: 'import' as const, createdAt: now, updatedAt: now };
      return { ...base, scope: 'ticket', ticketKey: `${ref.helpdesk}:${ref.ticketId}`, agent: row.agent || null, at: row.at ?? null, kpis };
    },
    key: (record) => (record.scope === 'ticket' ? record.ticketKey : record.id),
    describe: (key) => `ticket ${key}`,
  });
}

export function agentPeriodKpiImport(context: RecordContext) {
  return new TableImport({
    fields: AGENT_PERIOD_FIELDS,
    row: AgentPeriodRowSchema,
    check: (row): KpiRecord | string => {
      if (row.period_end < row.period_start) return 'period_end is before period_start';
      const kpis = fromZod(
        AgentPeriodKpisSchema.safeParse({ csatPercent: row.csat_percent, fcrPercent: row.fcr_percent, nps: row.nps, ahtSeconds: row.aht_seconds }),
      );
      if (typeof kpis === 'string') return kpis;
      const { now, newId } = context;
      return { id: newId(), source: 'import', createdAt: now, updatedAt: now, scope: 'agent-period', agent: row.agent, periodStart: row.period_start, periodEnd: row.period_end, kpis };
    },
    key: (record) => (record.scope === 'agent-period' ? `${record.agent}|${record.periodStart}|${record.periodEnd}` : record.id),
    describe: (key) => `agent period ${key.replaceAll('|', ' ')}`,
  });
}
