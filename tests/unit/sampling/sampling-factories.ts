import type { Channel, ComplexityBand, MonitoringPlan, Sample } from '@/lib/schemas';
import type { DrawResult } from '@/lib/sampling/draw-sample';
import { sampleRecords } from '@/lib/sampling/sample-records';
import { csatBand, type PoolTicket } from '@/lib/sampling/pool';

export const NOW = Date.UTC(2025, 4, 20, 12);
export const DAY = 24 * 60 * 60 * 1000;

let next = 0;
export function poolTicket(input: { agent: string; channel?: Channel; id?: string; csat?: number | null; complexity?: ComplexityBand | null; daysOld?: number; reopened?: boolean; complaint?: boolean }): PoolTicket {
  const id = input.id ?? String(10_000 + next++);
  const csat = input.csat ?? null;
  return {
    key: `zendesk:${id}`,
    helpdesk: 'zendesk',
    ticketId: id,
    url: `https://acme.zendesk.com/agent/tickets/${id}`,
    channel: input.channel ?? 'email',
    agent: input.agent,
    createdAt: NOW - (input.daysOld ?? 1) * DAY,
    complexity: input.complexity ?? null,
    csat,
    csatBand: csatBand(csat),
    reopened: input.reopened ?? false,
    complaint: input.complaint ?? false,
    spotlight: false,
    datedAt: NOW - (input.daysOld ?? 1) * DAY,
  };
}

/** `count` tickets of an agent on a channel. */
export const tickets = (count: number, agent: string, channel: Channel = 'email', extra: Partial<Parameters<typeof poolTicket>[0]> = {}) =>
  Array.from({ length: count }, () => poolTicket({ agent, channel, ...extra }));

export function plan(overrides: Partial<MonitoringPlan> = {}): MonitoringPlan {
  return {
    id: 'plan-may',
    name: 'May monitoring',
    objectives: '',
    startAt: Date.UTC(2025, 4, 1),
    endAt: Date.UTC(2025, 5, 1),
    agents: ['Ana', 'Ben'],
    channels: ['email', 'chat'],
    byComplexity: false,
    byCsatBand: false,
    quotas: [
      { agent: 'Ana', channel: 'email', complexity: null, count: 4 },
      { agent: 'Ana', channel: 'chat', complexity: null, count: 2 },
      { agent: 'Ben', channel: 'email', complexity: null, count: 4 },
      { agent: 'Ben', channel: 'chat', complexity: null, count: 2 },
    ],
    methods: ['transcript-review'],
    reviewers: ['Rita', 'Sol'],
    exclusions: { alreadyReviewed: true, maxAgeDays: null, reviewersOwnTickets: true },
    backupsPerStratum: 2,
    targeted: { reasons: [], perAgent: 0 },
    marginPoints: 5,
    createdBy: { name: 'Lead', role: 'supervisor' },
    createdAt: Date.UTC(2025, 4, 1),
    updatedAt: Date.UTC(2025, 4, 1),
    ...overrides,
  };
}

/** The draw's strata as stored sample records, as lib/db keeps them. */
export function samplesOf(result: DrawResult, planId = 'plan-may', drawnAt = NOW): Sample[] {
  let id = 0;
  const context = { planId, drawId: 'draw-1', seed: result.seed, pool: result.pool, drawnBy: { name: 'Lead', role: 'supervisor' as const }, now: drawnAt, newId: () => `sample-${id++}` };
  return [...sampleRecords(result.strata, 'random', context), ...sampleRecords(result.targeted, 'targeted', context)];
}
