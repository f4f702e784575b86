import { z } from 'zod';
import { RecordId, Timestamp } from './common';

/** Service KPIs that sit beside QA scores in reports and coaching goals. */
export const KpiMetricSchema = z.enum(['csat', 'nps', 'fcr', 'first-response', 'resolution', 'reopens', 'aht']);
export type KpiMetric = z.infer<typeof KpiMetricSchema>;

const seconds = z.number().nonnegative().max(365 * 24 * 3600);

/** KPIs of one ticket, entered in the panel or imported from a helpdesk export. */
export const TicketKpisSchema = z.object({
  /** The customer's satisfaction answer on a 1–5 scale (4 and 5 count as satisfied). */
  csat: z.number().min(1).max(5).nullable().default(null),
  /** The customer's 0–10 likelihood to recommend. */
  nps: z.number().int().min(0).max(10).nullable().default(null),
  firstContactResolved: z.boolean().nullable().default(null),
  firstResponseSeconds: seconds.nullable().default(null),
  resolutionSeconds: seconds.nullable().default(null),
  reopens: z.number().int().nonnegative().max(1000).nullable().default(null),
});
export type TicketKpis = z.infer<typeof TicketKpisSchema>;

/** KPIs of one agent over a period, as workforce or helpdesk reports give them. */
export const AgentPeriodKpisSchema = z.object({
  csatPercent: z.number().min(0).max(100).nullable().default(null),
  fcrPercent: z.number().min(0).max(100).nullable().default(null),
  /** Net promoter score, −100 to 100. */
  nps: z.number().min(-100).max(100).nullable().default(null),
  ahtSeconds: seconds.nullable().default(null),
});
export type AgentPeriodKpis = z.infer<typeof AgentPeriodKpisSchema>;

export const KpiRecordSchema = z.discriminatedUnion('scope', [
  z.object({
    id: RecordId,
    scope: z.literal('ticket'),
    /** `<helpdesk>:<ticket id>`, as on evaluations. */
    ticketKey: z.string().min(1).max(300),
    agent: z.string().max(500).nullable().default(null),
    /** When the ticket was created or solved, for trends; null when unknown. */
    at: Timestamp.nullable().default(null),
    kpis: TicketKpisSchema,
    source: z.enum(['panel', 'import']),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  }),
  z.object({
    id: RecordId,
    scope: z.literal('agent-period'),
    agent: z.string().min(1).max(500),
    periodStart: Timestamp,
    periodEnd: Timestamp,
    kpis: AgentPeriodKpisSchema,
    source: z.enum(['panel', 'import']),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  }),
]);
export type KpiRecord = z.infer<typeof KpiRecordSchema>;
