/**
 * A draw as the records that keep it: one per stratum (the targeted pool per agent too), each
 * carrying the seed, when and by whom it was drawn, the pool it saw, and its items.
 */
import type { Author, Sample } from '../schemas';
import type { PoolSummary, StratumDraw } from './draw-sample';

export interface DrawContext {
  planId: string;
  drawId: string;
  seed: number;
  pool: PoolSummary;
  drawnBy: Author;
  now: number;
  newId: () => string;
  coachingPlanId?: string | null;
}

export function sampleRecords(strata: readonly StratumDraw[], purpose: Sample['purpose'], context: DrawContext): Sample[] {
  return strata.map((s) => ({
    id: context.newId(),
    planId: context.planId,
    drawId: context.drawId,
    purpose,
    coachingPlanId: context.coachingPlanId ?? null,
    seed: context.seed,
    drawnAt: context.now,
    drawnBy: context.drawnBy,
    stratum: s.stratum,
    quota: s.quota,
    available: s.available,
    pool: context.pool,
    items: s.items,
    // One entry for the draw (its items say what was drawn); replacements add one each.
    log: [{ at: context.now, by: context.drawnBy.name, action: 'drawn' as const, key: s.stratum.key, replacementKey: null, reason: `seed ${context.seed}` }],
    createdAt: context.now,
    updatedAt: context.now,
  }));
}
