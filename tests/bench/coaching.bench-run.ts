// Coaching and reminder planning over a year of a team's reviews, each against a baseline in the
// same run of what the work cannot avoid: for measurements, scoring the agent's reviews of the
// period once with lib/scoring; for reminder planning, asking of every review whether it is about
// the user. Pure functions over data in memory: no database, no browser.
import { measure, reviewsOf } from '@/lib/coaching/measure';
import { isAboutMe } from '@/lib/evaluations/is-about-me';
import { weakestCriteria } from '@/lib/coaching/weakest-criteria';
import { planReminders } from '@/lib/reminders/plan-reminders';
import { scoreEvaluation } from '@/lib/scoring';
import type { Evaluation } from '@/lib/schemas';
import { makeReview, SCORECARD } from '../unit/feedback/review-factories';
import { timeMedian, writeBenchSection } from './write-section';

const RUNS = 30;
const WARMUP = 3;
const AGENTS = 25;
const REVIEWS = 10_000;
const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-11-23T10:00:00Z');

const time = (work: () => unknown) => timeMedian(work, RUNS, WARMUP);

it('measures baselines, weakest criteria and reminder planning over a team’s year of reviews', () => {
  const options = ['yes', 'no'];
  const reviews: Evaluation[] = Array.from({ length: REVIEWS }, (_, i) =>
    makeReview({
      id: `ev-${i}`,
      agent: `Agent ${i % AGENTS}`,
      choices: { greeting: options[i % 2]!, clarify: options[(i >> 1) % 2]!, tone: String(1 + (i % 4)) },
      submittedAt: NOW - (i % 365) * DAY,
      acknowledgeBy: NOW + DAY,
    }),
  );
  const scorecards = () => SCORECARD;
  const agent = { name: 'Agent 7' };
  const period = { from: NOW - 90 * DAY, to: NOW };

  const profile = { name: 'Agent 7', role: 'agent' as const, identities: [] };
  const inPeriod = reviewsOf(reviews, agent, period);
  const scoring = time(() => inPeriod.forEach((e) => scoreEvaluation(SCORECARD, e.answers)));
  const matching = time(() => reviews.filter((e) => isAboutMe(e.ticket.agent, e.ticket.helpdesk, profile)));
  const criterion = { kind: 'criterion', scorecardId: SCORECARD.id, criterionId: 'greeting', title: 'Greeting' } as const;
  const rows = [
    ['QA-score baseline of one agent (90 days)', time(() => measure({ metric: { kind: 'qa-score' }, agent, period, evaluations: reviews, scorecards })), scoring],
    ['Criterion baseline of one agent (90 days)', time(() => measure({ metric: criterion, agent, period, evaluations: reviews, scorecards })), scoring],
    ['Weakest criteria of one agent (90 days)', time(() => weakestCriteria(reviews, agent, period, scorecards)), scoring],
    ['Reminder planning on the agent’s browser', time(() => planReminders(reviews, [], profile, 'Europe/London')), matching],
  ] as const;

  const table = [
    '## Coaching measurement and reminder planning',
    '',
    `Command: \`npx vitest run --config vitest.bench.config.ts tests/bench/coaching.bench-run.ts\` (part of \`npm run bench\`; Node, median of ${RUNS} runs after ${WARMUP} warm-ups). Data: ${REVIEWS.toLocaleString('en')} submitted reviews of ${AGENTS} agents over a year; the agent has ${inPeriod.length} in the last 90 days. Baselines in the same run: **scoring** = \`scoreEvaluation\` once on each of the agent's ${inPeriod.length} reviews of the period (${scoring.toFixed(2)} ms); **matching** = \`isAboutMe\` on every review (${matching.toFixed(2)} ms).`,
    '',
    '| Work | Median | Baseline | Ratio |',
    '| --- | --: | --- | --: |',
    ...rows.map(([work, ms, base]) => `| ${work} | ${ms.toFixed(2)} ms | ${base === scoring ? 'scoring' : 'matching'} | ${(ms / base).toFixed(2)}× |`),
  ].join('\n');
  writeBenchSection('coaching', table);
  console.log(table);
  expect(rows).toHaveLength(4);
});
