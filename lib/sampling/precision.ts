/**
 * How sure a plan's figures are: each agent's mean score with its t interval and pass rate with its
 * Wilson interval over the plan period's reviews, the reviews a quota needs for the plan's margin,
 * and, for a coached agent, before against after with the interval of the change.
 */
import { compareMeans, compareRates, type Difference } from '../stats/compare';
import { meanInterval, sampleSizeForMargin, standardDeviation, sumsOf, wilsonInterval, type Interval, type ScoreSums } from '../stats/intervals';
import type { CoachingPlan, Evaluation, MonitoringPlan } from '../schemas';
import { sameName } from './pool';

/** Spread assumed for sizing until the plan has reviews of its own: a common one for 0–100 QA scores. */
export const DEFAULT_SD_POINTS = 15;

export interface AgentPrecision {
  agent: string;
  reviews: number;
  mean: Interval | null;
  passRate: Interval | null;
}

export interface PlanPrecision {
  agents: AgentPrecision[];
  /** The spread of all the period's review scores, or the default until there are two. */
  sd: number;
  sdFromReviews: number;
  /** Reviews per agent for the plan's margin at that spread. */
  neededPerAgent: number;
}

const isReview = (e: Evaluation) => e.kind === 'review' && e.status !== 'draft' && e.submittedAt !== null;

function figures(reviews: readonly Evaluation[]): { sums: ScoreSums; passes: number; verdicts: number } {
  const verdicts = reviews.filter((e) => e.passed !== null);
  return { sums: sumsOf(reviews.flatMap((e) => (e.score === null ? [] : [e.score]))), passes: verdicts.filter((e) => e.passed).length, verdicts: verdicts.length };
}

export function planPrecision(plan: MonitoringPlan, evaluations: readonly Evaluation[]): PlanPrecision {
  const inPlan = evaluations.filter((e) => isReview(e) && e.submittedAt! >= plan.startAt && e.submittedAt! < plan.endAt);
  const agents = plan.agents.map((agent) => {
    const mine = inPlan.filter((e) => sameName(e.ticket.agent?.name, agent));
    const { sums, passes, verdicts } = figures(mine);
    return { agent, reviews: mine.length, mean: meanInterval(sums), passRate: wilsonInterval(passes, verdicts) };
  });
  const all = figures(inPlan.filter((e) => plan.agents.some((a) => sameName(e.ticket.agent?.name, a))));
  const observed = standardDeviation(all.sums);
  const sd = observed !== null && observed > 0 ? observed : DEFAULT_SD_POINTS;
  return { agents, sd, sdFromReviews: observed === null ? 0 : all.sums.n, neededPerAgent: sampleSizeForMargin({ sd, margin: plan.marginPoints }) };
}

export interface CoachingEffect {
  before: { mean: Interval | null; passRate: Interval | null; reviews: number };
  after: { mean: Interval | null; passRate: Interval | null; reviews: number };
  score: Difference | null;
  passRate: Difference | null;
}

/** The coached agent's reviews before coaching (the baseline period) against those since it started. */
export function coachingEffect(coaching: CoachingPlan, evaluations: readonly Evaluation[], now: number): CoachingEffect {
  const mine = evaluations.filter((e) => isReview(e) && sameName(e.ticket.agent?.name, coaching.agent.name));
  const before = figures(mine.filter((e) => e.submittedAt! >= coaching.baseline.from && e.submittedAt! < coaching.startAt));
  const after = figures(mine.filter((e) => e.submittedAt! >= coaching.startAt && e.submittedAt! <= now));
  const side = (f: typeof before) => ({ mean: meanInterval(f.sums), passRate: wilsonInterval(f.passes, f.verdicts), reviews: f.sums.n });
  return {
    before: side(before),
    after: side(after),
    score: compareMeans(before.sums, after.sums),
    passRate: compareRates({ passes: before.passes, n: before.verdicts }, { passes: after.passes, n: after.verdicts }),
  };
}
