/**
 * A stratified random sample for a monitoring plan: each quota (agent × channel, and complexity
 * band when the plan splits by it) is a stratum, drawn on its own in a seeded random order. A
 * stratum with enough eligible tickets gets exactly its quota, plus backups for replacements; one
 * with too few gets them all and reports the shortfall. With `byCsatBand`, each quota is split
 * across CSAT bands in proportion to the stratum's pool (largest remainders), so the sample keeps
 * the customers' mix. The targeted pool (low CSAT, reopened, complaints, Spotlight flags) is drawn
 * apart, from what the random sample left, and is never mixed into it.
 */
import type { Channel, ComplexityBand, CsatBand, MonitoringPlan, SampleItem, Stratum, TargetReason } from '../schemas';
import { sameName, ticketIdentity, type PoolTicket } from './pool';
import { seededOrder } from './seeded-order';

const DAY_MS = 24 * 60 * 60 * 1000;
const CSAT_BANDS: readonly CsatBand[] = ['low', 'neutral', 'high', 'none'];

export type DrawPlan = Pick<
  MonitoringPlan,
  'agents' | 'channels' | 'quotas' | 'byComplexity' | 'byCsatBand' | 'reviewers' | 'exclusions' | 'backupsPerStratum' | 'targeted'
>;

export interface DrawInput {
  plan: DrawPlan;
  pool: readonly PoolTicket[];
  seed: number;
  now: number;
  /** Keys of tickets with a submitted review, for the "already reviewed" exclusion. */
  reviewed: ReadonlySet<string>;
}

export interface StratumDraw {
  stratum: Stratum;
  quota: number;
  /** Eligible tickets the stratum had. */
  available: number;
  /** Sampled first (each with its reviewer), then backups, in draw order. */
  items: SampleItem[];
  /** How many the quota wanted beyond what the pool had: 0 when met. */
  shortfall: number;
}

export interface PoolSummary {
  size: number;
  eligible: number;
  excluded: { reviewed: number; tooOld: number; reviewersOwn: number };
}

export interface DrawResult {
  seed: number;
  pool: PoolSummary;
  strata: StratumDraw[];
  /** Problem tickets per agent: reviewed apart and labelled not representative. */
  targeted: StratumDraw[];
  /** Sampled tickets no reviewer may take (each reviewer handled it). */
  unassigned: number;
}

const nameKey = (name: string | null | undefined) => (name ?? '').trim().toLocaleLowerCase();

export const stratumKey = (agent: string, channel: Channel | null, complexity: ComplexityBand | null) =>
  `${nameKey(agent)}|${channel ?? '*'}|${complexity ?? '*'}`;

/** The eligible tickets of the plan's agents and channels, and what the exclusions left out. */
export function eligibleTickets(input: Omit<DrawInput, 'seed'>): { eligible: PoolTicket[]; summary: PoolSummary } {
  const { plan, pool, reviewed, now } = input;
  const { alreadyReviewed, maxAgeDays, reviewersOwnTickets } = plan.exclusions;
  const agents = new Set(plan.agents.map(nameKey));
  const reviewers = new Set(reviewersOwnTickets ? plan.reviewers.map(nameKey) : []);
  const channels = new Set(plan.channels);
  const oldest = maxAgeDays === null ? -Infinity : now - maxAgeDays * DAY_MS;
  const excluded = { reviewed: 0, tooOld: 0, reviewersOwn: 0 };
  const eligible: PoolTicket[] = [];
  // Names are compared once per distinct spelling, not once per ticket.
  const keys = new Map<string, string>();
  for (const ticket of pool) {
    if (!channels.has(ticket.channel)) continue;
    const raw = ticket.agent ?? '';
    let agent = keys.get(raw);
    if (agent === undefined) keys.set(raw, (agent = nameKey(raw)));
    if (!agents.has(agent)) continue;
    if (alreadyReviewed && reviewed.has(ticket.key)) excluded.reviewed += 1;
    else if (ticket.datedAt !== null && ticket.datedAt < oldest) excluded.tooOld += 1;
    else if (reviewers.has(agent)) excluded.reviewersOwn += 1;
    else eligible.push(ticket);
  }
  return { eligible, summary: { size: pool.length, eligible: eligible.length, excluded } };
}

/** How many of `quota` each CSAT band gets: in proportion to the band's tickets, remainders to the largest fractions. */
export function allocateByBand(quota: number, counts: ReadonlyMap<CsatBand, number>): Map<CsatBand, number> {
  const total = [...counts.values()].reduce((s, n) => s + n, 0);
  const shares = new Map<CsatBand, number>();
  if (total <= quota) {
    for (const band of CSAT_BANDS) shares.set(band, counts.get(band) ?? 0);
    return shares;
  }
  const exact = CSAT_BANDS.map((band) => ({ band, value: (quota * (counts.get(band) ?? 0)) / total }));
  let left = quota;
  for (const { band, value } of exact) {
    shares.set(band, Math.floor(value));
    left -= Math.floor(value);
  }
  // Ties go to the band listed first, so the split never depends on anything but the counts.
  const byRemainder = [...exact].sort((a, b) => b.value - Math.floor(b.value) - (a.value - Math.floor(a.value)));
  for (let i = 0; i < left; i++) {
    const band = byRemainder[i]!.band;
    shares.set(band, shares.get(band)! + 1);
  }
  return shares;
}

function toItem(t: PoolTicket, state: SampleItem['state'], order: number, reasons: TargetReason[] = []): SampleItem {
  // The sample keeps the ticket's identity and strata, not the flags it was judged by.
  return { ...ticketIdentity(t), csatBand: t.csatBand, complexity: t.complexity, state, order, reviewer: null, replaces: null, replacement: null, reasons };
}

/**
 * One stratum: the seeded order of its tickets, read until the quota (per CSAT band when asked)
 * and the backups are filled or the tickets run out.
 */
export function drawStratum(tickets: readonly PoolTicket[], input: { stratum: Stratum; quota: number; backups: number; seed: number; byCsatBand: boolean }): StratumDraw {
  const { stratum, quota, backups, seed, byCsatBand } = input;
  const want = Math.min(quota, tickets.length);
  let need: Map<CsatBand, number> | null = null;
  if (byCsatBand) {
    const counts = new Map<CsatBand, number>();
    for (const t of tickets) counts.set(t.csatBand, (counts.get(t.csatBand) ?? 0) + 1);
    need = allocateByBand(quota, counts);
  }
  const sampled: SampleItem[] = [];
  const spare: SampleItem[] = [];
  const maxBackups = Math.min(backups, tickets.length - want);
  let order = 0;
  for (const ticket of seededOrder(tickets, seed, stratum.key)) {
    if (sampled.length === want && spare.length === maxBackups) break;
    const bandLeft = need ? need.get(ticket.csatBand)! : want - sampled.length;
    if (sampled.length < want && bandLeft > 0) {
      need?.set(ticket.csatBand, bandLeft - 1);
      sampled.push(toItem(ticket, 'sampled', order++));
    } else if (spare.length < maxBackups) {
      spare.push(toItem(ticket, 'backup', order++));
    }
  }
  // Backups are numbered after every sampled ticket: they are taken in that order.
  spare.forEach((item, i) => (item.order = sampled.length + i));
  return { stratum, quota, available: tickets.length, items: [...sampled, ...spare], shortfall: Math.max(0, quota - tickets.length) };
}

const REASON_TESTS: Record<TargetReason, (t: PoolTicket) => boolean> = {
  'low-csat': (t) => t.csatBand === 'low',
  reopened: (t) => t.reopened,
  complaint: (t) => t.complaint,
  spotlight: (t) => t.spotlight,
};

export function drawSample(input: DrawInput): DrawResult {
  const { plan, seed } = input;
  const { eligible, summary } = eligibleTickets(input);
  // Grouped by the agent's name as spelled, then channel and band: no key string per ticket.
  const byStratum = new Map<string, PoolTicket[]>();
  const grouped = new Map<string | null, Map<string, PoolTicket[]>>();
  for (const ticket of eligible) {
    if (plan.byComplexity && ticket.complexity === null) continue;
    let cells = grouped.get(ticket.agent);
    if (!cells) grouped.set(ticket.agent, (cells = new Map()));
    const cell = plan.byComplexity ? `${ticket.channel}|${ticket.complexity}` : ticket.channel;
    const list = cells.get(cell);
    if (list) list.push(ticket);
    else cells.set(cell, [ticket]);
  }
  for (const [agent, cells] of grouped) {
    for (const [cell, list] of cells) {
      const [channel, complexity = null] = cell.split('|') as [Channel, ComplexityBand?];
      const key = stratumKey(agent ?? '', channel, complexity);
      // Two spellings of one agent ("Ana", "ana ") are one stratum.
      const earlier = byStratum.get(key);
      byStratum.set(key, earlier ? earlier.concat(list) : list);
    }
  }
  const strata = plan.quotas
    .filter((q) => q.count > 0)
    .map((q) => {
      const complexity = plan.byComplexity ? q.complexity : null;
      const stratum: Stratum = { key: stratumKey(q.agent, q.channel, complexity), agent: q.agent, channel: q.channel, complexity };
      return drawStratum(byStratum.get(stratum.key) ?? [], { stratum, quota: q.count, backups: plan.backupsPerStratum, seed, byCsatBand: plan.byCsatBand });
    })
    .sort((a, b) => (a.stratum.key < b.stratum.key ? -1 : 1));

  const targeted = drawTargeted(eligible, strata, plan, seed);
  const unassigned = assignReviewers([...strata, ...targeted], plan.reviewers);
  return { seed, pool: summary, strata, targeted, unassigned };
}

/** Per agent, flagged tickets the random sample did not take, in their own seeded order. */
function drawTargeted(eligible: readonly PoolTicket[], strata: readonly StratumDraw[], plan: DrawPlan, seed: number): StratumDraw[] {
  const { reasons, perAgent } = plan.targeted;
  if (reasons.length === 0 || perAgent === 0) return [];
  const taken = new Set(strata.flatMap((s) => s.items.map((i) => i.key)));
  const flaggedBy = new Map<string, PoolTicket[]>();
  for (const t of eligible) {
    if (taken.has(t.key) || !reasons.some((r) => REASON_TESTS[r](t))) continue;
    const key = nameKey(t.agent);
    const list = flaggedBy.get(key);
    if (list) list.push(t);
    else flaggedBy.set(key, [t]);
  }
  return plan.agents.map((agent) => {
    const flagged = flaggedBy.get(nameKey(agent)) ?? [];
    const stratum: Stratum = { key: `targeted|${nameKey(agent)}`, agent, channel: null, complexity: null };
    const items: SampleItem[] = [];
    for (const ticket of seededOrder(flagged, seed, stratum.key)) {
      if (items.length === perAgent) break;
      items.push(toItem(ticket, 'sampled', items.length, reasons.filter((r) => REASON_TESTS[r](ticket))));
    }
    return { stratum, quota: perAgent, available: flagged.length, items, shortfall: Math.max(0, perAgent - flagged.length) };
  });
}

/**
 * Splits the sampled tickets among the reviewers, never giving anyone a ticket they handled
 * themselves. Loads come first: each ticket goes to the reviewer with the fewest tickets so far,
 * then the fewest of that agent's (so reviewers see every agent), then the first listed. Tickets
 * fewer reviewers may take are placed first, so a reviewer who is also an agent picks up the
 * others' tickets and loads end within one of each other wherever the rules allow. Returns how
 * many tickets nobody could take.
 */
export function assignReviewers(strata: readonly StratumDraw[], reviewers: readonly string[]): number {
  const total = new Map(reviewers.map((r) => [r, 0]));
  const perAgent = new Map<string, Map<string, number>>();
  const pending = strata.flatMap(({ items }) =>
    items.filter((item) => item.state === 'sampled').map((item) => ({ item, allowed: reviewers.filter((r) => !sameName(r, item.agent)) })),
  );
  // A stable sort: within the same number of allowed reviewers, strata and draw order stand.
  pending.sort((a, b) => a.allowed.length - b.allowed.length);
  let unassigned = 0;
  for (const { item, allowed } of pending) {
    const agentKey = (item.agent ?? '').trim().toLocaleLowerCase();
    const mine = perAgent.get(agentKey) ?? new Map<string, number>();
    perAgent.set(agentKey, mine);
    let best: string | null = null;
    for (const reviewer of allowed) {
      if (best === null) {
        best = reviewer;
        continue;
      }
      const load = total.get(reviewer)! - total.get(best)!;
      if (load < 0 || (load === 0 && (mine.get(reviewer) ?? 0) < (mine.get(best) ?? 0))) best = reviewer;
    }
    item.reviewer = best;
    if (best === null) unassigned += 1;
    else {
      mine.set(best, (mine.get(best) ?? 0) + 1);
      total.set(best, total.get(best)! + 1);
    }
  }
  return unassigned;
}

/**
 * A coaching follow-up: `count` of the agent's tickets dated since the coaching plan started, drawn
 * in seeded random order from the eligible pool (exclusions as the plan has them), split among the
 * reviewers like any sample.
 */
export function drawFollowUp(input: DrawInput & { agent: string; since: number; count: number }): { draw: StratumDraw; pool: PoolSummary; unassigned: number } {
  const { eligible, summary } = eligibleTickets({ ...input, plan: { ...input.plan, agents: [input.agent] } });
  const since = eligible.filter((t) => t.datedAt !== null && t.datedAt >= input.since);
  const stratum: Stratum = { key: `follow-up|${input.agent.trim().toLocaleLowerCase()}`, agent: input.agent, channel: null, complexity: null };
  const draw = drawStratum(since, { stratum, quota: input.count, backups: input.plan.backupsPerStratum, seed: input.seed, byCsatBand: false });
  const unassigned = assignReviewers([draw], input.plan.reviewers);
  return { draw, pool: { ...summary, eligible: since.length }, unassigned };
}
