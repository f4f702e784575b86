// Drawing a monitoring plan's sample from a big pool, and Krippendorff's alpha over a large
// calibration, each against a baseline in the same run of what the work cannot avoid: one pass
// over the pool that names each ticket's stratum; one pass that reads every rating once.
import { drawSample, stratumKey } from '@/lib/sampling/draw-sample';
import type { PoolTicket } from '@/lib/sampling/pool';
import { availableParallelism, loadavg } from 'node:os';
import { krippendorffAlpha, type Rating } from '@/lib/stats/agreement';
import type { Channel, MonitoringPlan } from '@/lib/schemas';
import { timeMedian, writeBenchSection } from './write-section';

const RUNS = 30;
const WARMUP = 3;
const POOL_SIZE = 100_000;
const AGENTS = 50;
const CHANNELS: Channel[] = ['email', 'chat', 'messaging'];
const RATERS = 50;
const UNITS = 1_000;
const NOW = Date.parse('2026-11-23T10:00:00Z');
const TARGET_DRAW_MS = 200;
const TARGET_ALPHA_MS = 100;

const time = (work: () => unknown) => timeMedian(work, RUNS, WARMUP);

it('measures a stratified draw from 100,000 tickets and Krippendorff’s alpha over 50 raters × 1,000 units', () => {
  const agents = Array.from({ length: AGENTS }, (_, i) => `Agent ${i}`);
  // Ticket keys in a scrambled order, as a pool read from several imports would be.
  const pool: PoolTicket[] = Array.from({ length: POOL_SIZE }, (_, i) => {
    const id = String((i * 7_919) % POOL_SIZE);
    const csat = i % 7 === 0 ? null : 1 + (i % 5);
    return {
      key: `zendesk:${id}`,
      helpdesk: 'zendesk',
      ticketId: id,
      url: `https://acme.zendesk.com/agent/tickets/${id}`,
      channel: CHANNELS[i % CHANNELS.length]!,
      agent: agents[(i >> 2) % AGENTS]!,
      createdAt: NOW - (i % 30) * 86_400_000,
      complexity: null,
      csat,
      csatBand: csat === null ? 'none' : csat <= 2 ? 'low' : csat < 4 ? 'neutral' : 'high',
      reopened: i % 23 === 0,
      complaint: i % 31 === 0,
      spotlight: false,
      datedAt: NOW - (i % 30) * 86_400_000,
    };
  });
  const plan: Pick<MonitoringPlan, 'agents' | 'channels' | 'quotas' | 'byComplexity' | 'byCsatBand' | 'reviewers' | 'exclusions' | 'backupsPerStratum' | 'targeted'> = {
    agents,
    channels: CHANNELS,
    quotas: agents.flatMap((agent) => CHANNELS.map((channel) => ({ agent, channel, complexity: null, count: 10 }))),
    byComplexity: false,
    byCsatBand: true,
    reviewers: ['Rita', 'Sol', 'Tom', 'Uma', 'Vic'],
    exclusions: { alreadyReviewed: true, maxAgeDays: 60, reviewersOwnTickets: true },
    backupsPerStratum: 2,
    targeted: { reasons: ['low-csat', 'reopened', 'complaint'], perAgent: 3 },
  };
  const reviewed = new Set(pool.filter((_, i) => i % 10 === 0).map((t) => t.key));
  const onePass = time(() => {
    const counts = new Map<string, number>();
    for (const t of pool) {
      const key = stratumKey(t.agent ?? '', t.channel, null);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  });
  let drawn = 0;
  const draw = time(() => {
    const result = drawSample({ plan, pool, seed: 20_261_123, now: NOW, reviewed });
    drawn = result.strata.reduce((s, st) => s + st.items.filter((i) => i.state === 'sampled').length, 0);
  });

  // Scores of a 5-point scale (1–5), a tenth of them missing, raters mostly agreeing.
  const data: Rating[][] = Array.from({ length: RATERS }, (_, r) =>
    Array.from({ length: UNITS }, (_, u) => ((r * 31 + u * 17) % 10 === 0 ? null : 1 + ((u + (r % 3 === 0 ? 1 : 0)) % 5))),
  );
  // What any agreement statistic must do: gather each unit's ratings, missing ones left out.
  const readAll = time(() => {
    const units: number[][] = [];
    for (let u = 0; u < UNITS; u++) {
      const values: number[] = [];
      for (const row of data) if (row[u] !== null) values.push(row[u] as number);
      units.push(values);
    }
    return units;
  });
  const alpha = time(() => krippendorffAlpha(data, 'ordinal'));
  const alphaInterval = time(() => krippendorffAlpha(data, 'interval'));

  const rows = [
    [`Stratified draw: ${plan.quotas.length} strata, CSAT bands in proportion, targeted pool, reviewers split (${drawn} sampled)`, draw, onePass, 'one pass over the pool', TARGET_DRAW_MS],
    [`Krippendorff's alpha, ordinal, ${RATERS} raters × ${UNITS.toLocaleString('en')} units`, alpha, readAll, 'one pass over the ratings', TARGET_ALPHA_MS],
    [`Krippendorff's alpha, interval, ${RATERS} raters × ${UNITS.toLocaleString('en')} units`, alphaInterval, readAll, 'one pass over the ratings', TARGET_ALPHA_MS],
  ] as const;
  const table = [
    '## Sampling and agreement',
    '',
    `Command: \`npx vitest run --config vitest.bench.config.ts tests/bench/sampling.bench-run.ts\` (part of \`npm run bench\`; Node, median of ${RUNS} runs after ${WARMUP} warm-ups). Pool: ${POOL_SIZE.toLocaleString('en')} tickets of ${AGENTS} agents on ${CHANNELS.length} channels, a tenth already reviewed; quota 10 per agent × channel with 2 backups. Baselines in the same run: **one pass over the pool** naming each ticket's stratum (${onePass.toFixed(2)} ms); **one pass over the ratings** gathering each unit's ratings (${(RATERS * UNITS).toLocaleString('en')} in all) (${readAll.toFixed(2)} ms). Load average when run: ${loadavg()[0]!.toFixed(1)} with ${availableParallelism()} CPUs reported (other work on the machine slows both sides of a ratio alike; the absolute figures and their targets suffer from it).`,
    '',
    '| Work | Median | Target | Baseline | Ratio |',
    '| --- | --: | --: | --- | --: |',
    ...rows.map(([work, ms, base, baseName, target]) => `| ${work} | ${ms.toFixed(2)} ms | ≤ ${target} ms${ms > target ? ' (missed)' : ''} | ${baseName} | ${(ms / base).toFixed(1)}× |`),
  ].join('\n');
  writeBenchSection('sampling', table);
  console.log(table);
  expect(drawn).toBe(plan.quotas.length * 10);
});
