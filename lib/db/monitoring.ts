/**
 * Monitoring plans and their samples in the database. Plans and samples are team records: each
 * write goes through `writeTransaction` and `recordChanges`, so in a team the outbox entry is
 * stored with it. What the panel needs (seen tickets, a ticket's assignment) is in panel-plans.ts,
 * apart, so the panel does not load the drawing code.
 */
import { newId } from '../ids';
import { drawFollowUp, drawSample, type DrawResult, type PoolSummary } from '../sampling/draw-sample';
import { buildPool, type PoolTicket } from '../sampling/pool';
import { doneLookup } from '../sampling/progress';
import { replaceItem } from '../sampling/replace-item';
import { sampleRecords } from '../sampling/sample-records';
import { MonitoringPlanSchema, type Author, type MonitoringPlan, type Sample } from '../schemas';
import { describeIssues } from '../schemas/describe-issues';
import { put, recordChanges, remove, writeTransaction } from './changes';
import type { QaLensDatabase } from './database';

/** A plan or sample change the user must hear about in a sentence: nothing was written. */
export class PlanRefused extends Error {
  override name = 'PlanRefused';
}

/** The sampling pool: seen and imported tickets with their KPIs. */
export async function loadPool(db: QaLensDatabase): Promise<PoolTicket[]> {
  const [seen, imported, kpis, snapshots] = await Promise.all([db.seenTickets.toArray(), db.importedTickets.toArray(), db.kpis.toArray(), db.tickets.toArray()]);
  const pool = buildPool({ seen, imported, kpis });
  // Spotlight keeps its flags on the ticket snapshot of a ticket read in the panel.
  const flagged = new Set(snapshots.filter((t) => (t.spotlight?.length ?? 0) > 0).map((t) => t.key));
  for (const ticket of pool) if (flagged.has(ticket.key)) ticket.spotlight = true;
  return pool;
}

/** Keys of tickets with a submitted review: the "already reviewed" exclusion. */
async function reviewedKeys(db: QaLensDatabase): Promise<Set<string>> {
  const reviews = await db.evaluations.where('kind').equals('review').toArray();
  return new Set(reviews.filter((e) => e.status !== 'draft').map((e) => e.ticket.key));
}

export function listPlans(db: QaLensDatabase): Promise<MonitoringPlan[]> {
  return db.monitoringPlans.toArray().then((plans) => plans.sort((a, b) => b.startAt - a.startAt || a.name.localeCompare(b.name)));
}

export function listSamples(db: QaLensDatabase): Promise<Sample[]> {
  return db.samples.toArray();
}

/** Checks and stores a plan (new or edited). */
export function savePlan(db: QaLensDatabase, plan: MonitoringPlan, now: number): Promise<MonitoringPlan> {
  const parsed = MonitoringPlanSchema.safeParse({ ...plan, updatedAt: now });
  if (!parsed.success) return Promise.reject(new PlanRefused(describeIssues(parsed.error, 'plan')));
  const saved = parsed.data;
  const unknown = saved.quotas.find((q) => !saved.agents.includes(q.agent) || !saved.channels.includes(q.channel));
  if (unknown) return Promise.reject(new PlanRefused(`The quota for ${unknown.agent} on ${unknown.channel} is outside the plan's agents and channels.`));
  return writeTransaction(db, [db.monitoringPlans], async () => {
    await db.monitoringPlans.put(saved);
    await recordChanges(db, [put('monitoring-plan', saved)], 'own', now);
    return saved;
  });
}

export interface DrawSummary {
  seed: number;
  pool: PoolSummary;
  samples: Sample[];
  /** Strata whose pool had fewer eligible tickets than the quota. */
  shortfalls: { stratum: Sample['stratum']; quota: number; available: number }[];
  unassigned: number;
}

function summary(result: Pick<DrawResult, 'seed' | 'pool' | 'unassigned'>, samples: Sample[]): DrawSummary {
  const shortfalls = samples.filter((s) => s.purpose === 'random' && s.available < s.quota).map((s) => ({ stratum: s.stratum, quota: s.quota, available: s.available }));
  return { seed: result.seed, pool: result.pool, samples, shortfalls, unassigned: result.unassigned };
}

async function getPlanOrRefuse(db: QaLensDatabase, planId: string): Promise<MonitoringPlan> {
  const plan = await db.monitoringPlans.get(planId);
  if (!plan) throw new PlanRefused('This monitoring plan no longer exists.');
  return plan;
}

/**
 * Draws the plan's sample with `seed` and stores it in place of the plan's earlier random and
 * targeted sample, in one transaction. Refused once any sampled ticket of the earlier one was
 * reviewed: replace single tickets then, so finished work keeps counting.
 */
export function drawPlanSample(db: QaLensDatabase, planId: string, input: { seed: number; by: Author; now: number }): Promise<DrawSummary> {
  const tables = [db.monitoringPlans, db.samples, db.evaluations, db.seenTickets, db.importedTickets, db.kpis, db.tickets];
  return writeTransaction(db, tables, async () => {
    const plan = await getPlanOrRefuse(db, planId);
    const earlier = (await db.samples.where('planId').equals(planId).toArray()).filter((s) => s.purpose !== 'follow-up');
    const done = doneLookup(await db.evaluations.where('kind').equals('review').toArray());
    const finished = earlier.reduce((n, s) => n + s.items.filter((i) => i.state === 'sampled' && done(s, i)).length, 0);
    if (finished > 0) {
      throw new PlanRefused(`${finished} sampled ${finished === 1 ? 'ticket is' : 'tickets are'} already reviewed, so the sample stays: replace single tickets instead.`);
    }
    const result = drawSample({ plan, pool: await loadPool(db), seed: input.seed, now: input.now, reviewed: await reviewedKeys(db) });
    const context = { planId, drawId: newId(), seed: input.seed, pool: result.pool, drawnBy: input.by, now: input.now, newId };
    const samples = [...sampleRecords(result.strata, 'random', context), ...sampleRecords(result.targeted, 'targeted', context)];
    await db.samples.bulkDelete(earlier.map((s) => s.id));
    await db.samples.bulkAdd(samples);
    await recordChanges(db, [...earlier.map((s) => remove('sample', s.id)), ...samples.map((s) => put('sample', s))], 'own', input.now);
    return summary(result, samples);
  });
}

/** Replaces one sampled ticket with the next backup of its stratum, with the reason logged. */
export function replaceSampledTicket(db: QaLensDatabase, sampleId: string, key: string, input: { reason: string; by: string; now: number }): Promise<Sample> {
  return writeTransaction(db, [db.samples], async () => {
    const sample = await db.samples.get(sampleId);
    if (!sample) throw new PlanRefused('This sample no longer exists: draw the plan again.');
    const next = replaceItem(sample, key, input);
    await db.samples.put(next);
    await recordChanges(db, [put('sample', next)], 'own', input.now);
    return next;
  });
}

/**
 * A coaching follow-up sample: `count` of the coached agent's tickets since the coaching plan
 * started, split among the monitoring plan's reviewers, kept as a sample of purpose `follow-up`.
 */
export function drawFollowUpSample(
  db: QaLensDatabase,
  input: { planId: string; coachingPlanId: string; count: number; seed: number; by: Author; now: number },
): Promise<DrawSummary> {
  const tables = [db.monitoringPlans, db.coachingPlans, db.samples, db.evaluations, db.seenTickets, db.importedTickets, db.kpis, db.tickets];
  return writeTransaction(db, tables, async () => {
    const plan = await getPlanOrRefuse(db, input.planId);
    const coaching = await db.coachingPlans.get(input.coachingPlanId);
    if (!coaching) throw new PlanRefused('This coaching plan no longer exists.');
    if (!Number.isInteger(input.count) || input.count < 1 || input.count > 100) throw new PlanRefused('A follow-up sample takes 1 to 100 tickets.');
    const { draw, pool, unassigned } = drawFollowUp({
      plan,
      pool: await loadPool(db),
      seed: input.seed,
      now: input.now,
      reviewed: await reviewedKeys(db),
      agent: coaching.agent.name,
      since: coaching.startAt,
      count: input.count,
    });
    const context = { planId: plan.id, drawId: newId(), seed: input.seed, pool, drawnBy: input.by, now: input.now, newId, coachingPlanId: coaching.id };
    const samples = sampleRecords([draw], 'follow-up', context);
    await db.samples.bulkAdd(samples);
    await recordChanges(db, samples.map((s) => put('sample', s)), 'own', input.now);
    return summary({ seed: input.seed, pool, unassigned }, samples);
  });
}

