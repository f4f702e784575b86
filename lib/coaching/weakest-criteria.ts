import type { Evaluation, Person } from '../schemas';
import { scoreEvaluation } from '../scoring';
import { reviewsOf, type Period, type ScorecardLookup } from './measure';

export interface CriterionAverage {
  scorecardId: string;
  criterionId: string;
  title: string;
  /** Mean of 100 × the chosen option's value. */
  value: number;
  sampleSize: number;
}

/**
 * The agent's criteria from lowest to highest average over the period: where coaching would help
 * most. Ties go to the criterion rated more often (the firmer evidence), then by title.
 */
export function weakestCriteria(evaluations: Evaluation[], agent: Person, period: Period, scorecards: ScorecardLookup): CriterionAverage[] {
  const sums = new Map<string, { scorecardId: string; criterionId: string; title: string; total: number; count: number }>();
  for (const evaluation of reviewsOf(evaluations, agent, period)) {
    const scorecard = scorecards(evaluation.scorecardId, evaluation.scorecardVersion);
    if (!scorecard) continue;
    // Scored once per evaluation: the same reading of each scale as the panel and the baseline.
    for (const criterion of scoreEvaluation(scorecard, evaluation.answers).criteria) {
      if (criterion.state !== 'rated' || criterion.value === null) continue;
      const key = `${evaluation.scorecardId}/${criterion.criterionId}`;
      const entry = sums.get(key) ?? { scorecardId: evaluation.scorecardId, criterionId: criterion.criterionId, title: criterion.title, total: 0, count: 0 };
      entry.total += 100 * criterion.value;
      entry.count += 1;
      sums.set(key, entry);
    }
  }
  return [...sums.values()]
    .map((s) => ({ scorecardId: s.scorecardId, criterionId: s.criterionId, title: s.title, value: Math.round((100 * s.total) / s.count) / 100, sampleSize: s.count }))
    .sort((a, b) => a.value - b.value || b.sampleSize - a.sampleSize || a.title.localeCompare(b.title));
}
