/**
 * Where a plan stands: which sampled tickets are done (a review of the ticket was submitted after
 * the draw: the review is the record of it, so nothing else has to be written), each reviewer's
 * queue, and progress per agent and channel against the quotas, with the ones behind schedule.
 */
import type { Channel, Evaluation, MonitoringPlan, Sample, SampleItem } from '../schemas';
import { sameName } from './pool';

/** The review that finished each sampled ticket, by sample id and ticket key. */
export type DoneLookup = (sample: Sample, item: SampleItem) => Evaluation | undefined;

/**
 * A sampled ticket is done by the first submitted review of it since the sample was drawn.
 * Self-assessments and calibration scores do not finish a review sample.
 */
export function doneLookup(evaluations: readonly Evaluation[]): DoneLookup {
  const byTicket = new Map<string, Evaluation[]>();
  for (const e of evaluations) {
    if (e.kind !== 'review' || e.status === 'draft' || e.submittedAt === null) continue;
    const list = byTicket.get(e.ticket.key);
    if (list) list.push(e);
    else byTicket.set(e.ticket.key, [e]);
  }
  for (const list of byTicket.values()) list.sort((a, b) => a.submittedAt! - b.submittedAt!);
  return (sample, item) => byTicket.get(item.key)?.find((e) => e.submittedAt! >= sample.drawnAt);
}

export interface QueueItem {
  sample: Sample;
  item: SampleItem;
}

const PURPOSE_ORDER: Record<Sample['purpose'], number> = { 'follow-up': 0, random: 1, targeted: 2 };

/**
 * A reviewer's queue: their sampled tickets not yet done, follow-ups first (coaching is waiting on
 * them), then the random sample, then the targeted pool; oldest draw first; stratum order within.
 */
export function queueFor(reviewer: string, samples: readonly Sample[], done: DoneLookup): QueueItem[] {
  const queue: QueueItem[] = [];
  for (const sample of samples) {
    for (const item of sample.items) {
      if (item.state === 'sampled' && sameName(item.reviewer, reviewer) && !done(sample, item)) queue.push({ sample, item });
    }
  }
  return queue.sort(
    (a, b) =>
      PURPOSE_ORDER[a.sample.purpose] - PURPOSE_ORDER[b.sample.purpose] ||
      a.sample.drawnAt - b.sample.drawnAt ||
      (a.sample.stratum.key < b.sample.stratum.key ? -1 : a.sample.stratum.key > b.sample.stratum.key ? 1 : 0) ||
      a.item.order - b.item.order,
  );
}

export interface ProgressRow {
  agent: string;
  channel: Channel;
  quota: number;
  done: number;
  /** Reviews the quota expects by now, at an even pace over the period. */
  expected: number;
  behind: boolean;
}

/** How far through the period `now` is, 0 to 1. */
export function elapsed(plan: Pick<MonitoringPlan, 'startAt' | 'endAt'>, now: number): number {
  return Math.min(1, Math.max(0, (now - plan.startAt) / (plan.endAt - plan.startAt)));
}

/**
 * Done / quota per agent and channel, counting the random sample only (the targeted pool and
 * follow-ups are extra). Behind schedule: fewer done than an even pace would have by now.
 */
export function planProgress(plan: MonitoringPlan, samples: readonly Sample[], done: DoneLookup, now: number): ProgressRow[] {
  const fraction = elapsed(plan, now);
  const rows = new Map<string, ProgressRow>();
  const keyOf = (agent: string, channel: Channel) => `${agent.trim().toLocaleLowerCase()}|${channel}`;
  for (const q of plan.quotas) {
    const key = keyOf(q.agent, q.channel);
    const row = rows.get(key) ?? { agent: q.agent, channel: q.channel, quota: 0, done: 0, expected: 0, behind: false };
    row.quota += q.count;
    rows.set(key, row);
  }
  for (const sample of samples) {
    if (sample.planId !== plan.id || sample.purpose !== 'random' || sample.stratum.channel === null) continue;
    const row = rows.get(keyOf(sample.stratum.agent, sample.stratum.channel));
    if (!row) continue;
    for (const item of sample.items) if (item.state === 'sampled' && done(sample, item)) row.done += 1;
  }
  return [...rows.values()]
    .filter((r) => r.quota > 0)
    .map((r) => {
      const expected = Math.floor(r.quota * fraction);
      return { ...r, expected, behind: r.done < expected };
    });
}

/** The plan, stratum and position a ticket counts toward, for the panel. */
export interface TicketAssignment {
  plan: MonitoringPlan;
  sample: Sample;
  item: SampleItem;
  /** Done / quota of the ticket's agent and channel in the plan (random sample only). */
  progress: ProgressRow | undefined;
}

export function assignmentOf(ticketKey: string, plans: readonly MonitoringPlan[], samples: readonly Sample[], done: DoneLookup, now: number): TicketAssignment | undefined {
  for (const sample of samples) {
    const item = sample.items.find((i) => i.key === ticketKey && i.state === 'sampled');
    const plan = item && plans.find((p) => p.id === sample.planId);
    if (!item || !plan) continue;
    const progress = sample.stratum.channel === null ? undefined : planProgress(plan, samples, done, now).find((r) => sameName(r.agent, sample.stratum.agent) && r.channel === sample.stratum.channel);
    return { plan, sample, item, progress };
  }
  return undefined;
}
