import { allocateByBand, drawFollowUp, drawSample, type DrawResult } from '@/lib/sampling/draw-sample';
import { buildPool } from '@/lib/sampling/pool';
import type { MonitoringPlan } from '@/lib/schemas';
import { DAY, NOW, plan, tickets } from './sampling-factories';

const sampledKeys = (result: DrawResult) => result.strata.flatMap((s) => s.items.filter((i) => i.state === 'sampled').map((i) => i.key));
const draw = (pool: ReturnType<typeof tickets>, overrides: Parameters<typeof plan>[0] = {}, seed = 42, reviewed = new Set<string>()) =>
  drawSample({ plan: plan(overrides), pool, seed, now: NOW, reviewed });

const POOL = [...tickets(30, 'Ana', 'email'), ...tickets(10, 'Ana', 'chat'), ...tickets(30, 'Ben', 'email'), ...tickets(1, 'Ben', 'chat'), ...tickets(20, 'Cleo', 'email')];

describe('reproducible draws', () => {
  it('the same seed on the same pool draws the same sample, whatever order the pool was read in', () => {
    const shuffled = [...POOL].reverse();
    const interleaved = [...POOL.filter((_, i) => i % 2), ...POOL.filter((_, i) => i % 2 === 0)];
    const first = draw(POOL);
    expect(draw(shuffled)).toEqual(first);
    expect(draw(interleaved)).toEqual(first);
  });

  it('another seed draws another sample', () => {
    expect(sampledKeys(draw(POOL, {}, 7))).not.toEqual(sampledKeys(draw(POOL, {}, 42)));
  });

  it('tickets added to one stratum do not change what another draws', () => {
    const before = draw(POOL).strata.find((s) => s.stratum.key === 'ana|email|*')!;
    const after = draw([...POOL, ...tickets(15, 'Ben', 'email')]).strata.find((s) => s.stratum.key === 'ana|email|*')!;
    expect(after.items).toEqual(before.items);
  });

  it('draws every eligible ticket with equal chance over many seeds (no stratum favours its first tickets)', () => {
    const pool = tickets(10, 'Ana', 'email');
    const hits = new Map(pool.map((t) => [t.key, 0]));
    const quotas = [{ agent: 'Ana', channel: 'email' as const, complexity: null, count: 2 }];
    for (let seed = 0; seed < 2_000; seed++) {
      for (const key of sampledKeys(drawSample({ plan: plan({ agents: ['Ana'], quotas, backupsPerStratum: 0 }), pool, seed, now: NOW, reviewed: new Set() }))) {
        hits.set(key, hits.get(key)! + 1);
      }
    }
    // Expected 400 each (2,000 × 2/10); a fair draw stays well within ±25 %.
    for (const count of hits.values()) {
      expect(count).toBeGreaterThan(300);
      expect(count).toBeLessThan(500);
    }
  });
});

describe('quotas per agent × channel', () => {
  it.each([
    ['Ana on email: 30 tickets, quota 4', 'ana|email|*', 4, 30, 0],
    ['Ana on chat: 10 tickets, quota 2', 'ana|chat|*', 2, 10, 0],
    ['Ben on email: 30 tickets, quota 4', 'ben|email|*', 4, 30, 0],
    ['Ben on chat: 1 ticket for a quota of 2', 'ben|chat|*', 1, 1, 1],
  ])('%s', (_, key, sampled, available, shortfall) => {
    const stratum = draw(POOL).strata.find((s) => s.stratum.key === key)!;
    expect(stratum.items.filter((i) => i.state === 'sampled')).toHaveLength(sampled);
    expect(stratum.available).toBe(available);
    expect(stratum.shortfall).toBe(shortfall);
  });

  it('keeps backups per stratum, after the sampled tickets, never more than the pool has left', () => {
    const result = draw(POOL);
    const ana = result.strata.find((s) => s.stratum.key === 'ana|email|*')!;
    expect(ana.items.map((i) => i.state)).toEqual(['sampled', 'sampled', 'sampled', 'sampled', 'backup', 'backup']);
    expect(ana.items.map((i) => i.order)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(result.strata.find((s) => s.stratum.key === 'ben|chat|*')!.items.filter((i) => i.state === 'backup')).toEqual([]);
  });

  it('leaves out agents and channels outside the plan (Cleo is not in it)', () => {
    const result = draw(POOL);
    expect(result.pool).toMatchObject({ size: 91, eligible: 71 });
    expect(result.strata.flatMap((s) => s.items).some((i) => i.agent === 'Cleo')).toBe(false);
  });

  it('splits by complexity band when the plan does, and tickets of unknown complexity fill no band', () => {
    const pool = [...tickets(5, 'Ana', 'email', { complexity: 'high' }), ...tickets(20, 'Ana', 'email', { complexity: 'low' }), ...tickets(9, 'Ana', 'email')];
    const quotas = [
      { agent: 'Ana', channel: 'email' as const, complexity: 'high' as const, count: 3 },
      { agent: 'Ana', channel: 'email' as const, complexity: 'low' as const, count: 3 },
      { agent: 'Ana', channel: 'email' as const, complexity: 'medium' as const, count: 2 },
    ];
    const result = drawSample({ plan: plan({ agents: ['Ana'], byComplexity: true, quotas }), pool, seed: 1, now: NOW, reviewed: new Set() });
    const byBand = Object.fromEntries(result.strata.map((s) => [s.stratum.complexity, [s.items.filter((i) => i.state === 'sampled').every((i) => i.complexity === s.stratum.complexity), s.available, s.shortfall]]));
    expect(byBand).toEqual({ high: [true, 5, 0], low: [true, 20, 0], medium: [true, 0, 2] });
  });
});

describe('CSAT bands in proportion', () => {
  it.each([
    // quota, pool per band (low, neutral, high, none), expected allocation
    [10, [10, 10, 60, 20], [1, 1, 6, 2]],
    [5, [1, 0, 3, 1], [1, 0, 3, 1]],
    [3, [1, 1, 1, 0], [1, 1, 1, 0]],
    [4, [3, 3, 3, 0], [2, 1, 1, 0]],
    [6, [1, 0, 1, 1], [1, 0, 1, 1]],
  ])('quota %i over bands %j → %j', (quota, counts, expected) => {
    const shares = allocateByBand(quota, new Map([['low', counts[0]!], ['neutral', counts[1]!], ['high', counts[2]!], ['none', counts[3]!]] as const));
    expect(['low', 'neutral', 'high', 'none'].map((b) => shares.get(b as never))).toEqual(expected);
  });

  it('draws each band’s share of the quota', () => {
    const pool = [...tickets(10, 'Ana', 'email', { csat: 1 }), ...tickets(60, 'Ana', 'email', { csat: 5 }), ...tickets(30, 'Ana', 'email')];
    const quotas = [{ agent: 'Ana', channel: 'email' as const, complexity: null, count: 10 }];
    const result = drawSample({ plan: plan({ agents: ['Ana'], byCsatBand: true, quotas }), pool, seed: 3, now: NOW, reviewed: new Set() });
    const sampled = result.strata[0]!.items.filter((i) => i.state === 'sampled');
    expect(sampled.filter((i) => i.csatBand === 'low')).toHaveLength(1);
    expect(sampled.filter((i) => i.csatBand === 'high')).toHaveLength(6);
    expect(sampled.filter((i) => i.csatBand === 'none')).toHaveLength(3);
  });
});

describe('exclusions', () => {
  const quotas = [{ agent: 'Ana', channel: 'email' as const, complexity: null, count: 10 }];
  const only = (pool: ReturnType<typeof tickets>, exclusions: MonitoringPlan['exclusions'], reviewed = new Set<string>(), reviewers = ['Rita', 'Sol']) =>
    drawSample({ plan: plan({ agents: ['Ana', 'Rita'], quotas, exclusions, reviewers }), pool, seed: 5, now: NOW, reviewed });

  it('already reviewed tickets are left out and counted', () => {
    const pool = tickets(6, 'Ana');
    const result = only(pool, { alreadyReviewed: true, maxAgeDays: null, reviewersOwnTickets: true }, new Set([pool[0]!.key, pool[1]!.key]));
    expect(result.pool.excluded.reviewed).toBe(2);
    expect(sampledKeys(result)).not.toContain(pool[0]!.key);
    expect(sampledKeys(result)).toHaveLength(4);
  });

  it('tickets older than N days are left out', () => {
    const pool = [...tickets(3, 'Ana', 'email', { daysOld: 40 }), ...tickets(3, 'Ana', 'email', { daysOld: 5 })];
    const result = only(pool, { alreadyReviewed: true, maxAgeDays: 30, reviewersOwnTickets: true });
    expect(result.pool.excluded.tooOld).toBe(3);
    expect(result.strata[0]!.items.every((i) => i.createdAt! >= NOW - 30 * DAY)).toBe(true);
  });

  it('a reviewer’s own tickets are left out of a peer or self-assessment plan', () => {
    const quotasBoth = [...quotas, { agent: 'Rita', channel: 'email' as const, complexity: null, count: 3 }];
    const pool = [...tickets(4, 'Ana'), ...tickets(4, 'Rita')];
    const result = drawSample({ plan: plan({ agents: ['Ana', 'Rita'], quotas: quotasBoth }), pool, seed: 5, now: NOW, reviewed: new Set() });
    expect(result.pool.excluded.reviewersOwn).toBe(4);
    expect(result.strata.find((s) => s.stratum.agent === 'Rita')!.shortfall).toBe(3);
  });

  it('with the rule off, a reviewer’s tickets are drawn but never given to them', () => {
    const quotasBoth = [{ agent: 'Rita', channel: 'email' as const, complexity: null, count: 3 }];
    const result = drawSample({
      plan: plan({ agents: ['Rita'], quotas: quotasBoth, exclusions: { alreadyReviewed: true, maxAgeDays: null, reviewersOwnTickets: false } }),
      pool: tickets(4, 'Rita'),
      seed: 5,
      now: NOW,
      reviewed: new Set(),
    });
    expect(result.strata[0]!.items.filter((i) => i.state === 'sampled').map((i) => i.reviewer)).toEqual(['Sol', 'Sol', 'Sol']);
  });
});

describe('fair split among reviewers', () => {
  it('splits evenly, every reviewer seeing every agent, nobody their own tickets', () => {
    // Ben reviews too (a peer plan that still samples his own work): his tickets go to the others.
    const result = draw(POOL, { reviewers: ['Rita', 'Sol', 'Ben'], exclusions: { alreadyReviewed: true, maxAgeDays: null, reviewersOwnTickets: false } });
    const items = result.strata.flatMap((s) => s.items).filter((i) => i.state === 'sampled');
    const load = (r: string) => items.filter((i) => i.reviewer === r).length;
    expect(items.filter((i) => i.agent === 'Ben').some((i) => i.reviewer === 'Ben')).toBe(false);
    expect(Math.max(load('Rita'), load('Sol'), load('Ben')) - Math.min(load('Rita'), load('Sol'), load('Ben'))).toBeLessThanOrEqual(1);
    for (const reviewer of ['Rita', 'Sol']) expect(new Set(items.filter((i) => i.reviewer === reviewer).map((i) => i.agent))).toEqual(new Set(['Ana', 'Ben']));
    expect(result.unassigned).toBe(0);
  });

  it('reports tickets nobody may take', () => {
    const quotas = [{ agent: 'Rita', channel: 'email' as const, complexity: null, count: 2 }];
    const result = drawSample({
      plan: plan({ agents: ['Rita'], quotas, reviewers: ['Rita'], exclusions: { alreadyReviewed: true, maxAgeDays: null, reviewersOwnTickets: false } }),
      pool: tickets(3, 'Rita'),
      seed: 1,
      now: NOW,
      reviewed: new Set(),
    });
    expect(result.unassigned).toBe(2);
  });
});

describe('the targeted pool', () => {
  it('draws problem tickets apart from the random sample, with the reason for each', () => {
    const pool = [...tickets(20, 'Ana'), ...tickets(3, 'Ana', 'email', { csat: 1 }), ...tickets(2, 'Ana', 'email', { reopened: true }), ...tickets(2, 'Ana', 'email', { complaint: true })];
    const result = drawSample({
      plan: plan({ agents: ['Ana'], quotas: [{ agent: 'Ana', channel: 'email', complexity: null, count: 5 }], targeted: { reasons: ['low-csat', 'complaint'], perAgent: 3 } }),
      pool,
      seed: 9,
      now: NOW,
      reviewed: new Set(),
    });
    const targeted = result.targeted[0]!;
    expect(targeted.stratum).toMatchObject({ key: 'targeted|ana', channel: null });
    expect(targeted.available).toBeLessThanOrEqual(5);
    expect(targeted.items).toHaveLength(3);
    expect(targeted.items.every((i) => i.reasons.length > 0 && i.reasons.every((r) => r === 'low-csat' || r === 'complaint'))).toBe(true);
    const random = new Set(result.strata.flatMap((s) => s.items.map((i) => i.key)));
    expect(targeted.items.some((i) => random.has(i.key))).toBe(false);
  });
});

describe('coaching follow-up', () => {
  it('draws the coached agent’s tickets since coaching started, none of those already reviewed', () => {
    const pool = [...tickets(5, 'Ana', 'email', { daysOld: 30 }), ...tickets(6, 'Ana', 'chat', { daysOld: 3 }), ...tickets(4, 'Ben', 'email', { daysOld: 2 })];
    const reviewed = new Set([pool[5]!.key]);
    const { draw: followUp } = drawFollowUp({ plan: plan(), pool, seed: 11, now: NOW, reviewed, agent: 'Ana', since: NOW - 10 * DAY, count: 4 });
    const sampled = followUp.items.filter((i) => i.state === 'sampled');
    expect(sampled).toHaveLength(4);
    expect(sampled.every((i) => i.agent === 'Ana' && i.createdAt! >= NOW - 10 * DAY && i.key !== pool[5]!.key)).toBe(true);
    expect(followUp.available).toBe(5);
  });
});

it('keeps a ticket in the pool once when it was both seen in the panel and imported, the export’s facts first', () => {
  const pool = buildPool({
    seen: [{ key: 'zendesk:1', helpdesk: 'zendesk', ticketId: '1', url: 'https://acme.zendesk.com/agent/tickets/1', channel: 'email', agent: 'Ana', createdAt: null, flags: [], firstSeenAt: NOW, lastSeenAt: NOW }],
    imported: [{ key: 'zendesk:1', helpdesk: 'zendesk', ticketId: '1', url: '', channel: 'email', agent: null, createdAt: NOW - DAY, complexity: 'high', reopened: null, complaint: true, importedAt: NOW }],
    kpis: [{ id: 'k', scope: 'ticket', ticketKey: 'zendesk:1', agent: 'Ana', at: null, kpis: { csat: 2, nps: null, firstContactResolved: null, firstResponseSeconds: null, resolutionSeconds: null, reopens: 1 }, source: 'import', createdAt: NOW, updatedAt: NOW }],
  });
  expect(pool).toEqual([
    expect.objectContaining({ key: 'zendesk:1', url: 'https://acme.zendesk.com/agent/tickets/1', agent: 'Ana', createdAt: NOW - DAY, complexity: 'high', csat: 2, csatBand: 'low', reopened: true, complaint: true }),
  ]);
});
