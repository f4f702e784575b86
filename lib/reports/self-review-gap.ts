import { byName, entry, Mean } from './accumulators';
import { ratedOption, type CriterionInfo } from './criterion-outcomes';
import type { ReportRow } from './report-row';

export interface GapRow {
  /** The agent's name, or the criterion's title. */
  name: string;
  /** `<scorecard id>:<criterion id>` for criterion rows; the agent's name for agent rows. */
  key: string;
  /** Tickets (agent rows) or criterion answers (criterion rows) compared. */
  compared: number;
  /** Mean of self − reviewer, in score points (0–100 scale): positive = the agent rates themselves higher. */
  meanGap: number | null;
  /** The tickets behind the row, so the figure can list its evaluations. */
  ticketKeys: string[];
}

export interface SelfReviewGap {
  byAgent: GapRow[];
  byCriterion: GapRow[];
}

type CriteriaFor = (evaluation: ReportRow) => readonly CriterionInfo[] | undefined;

const newer = (a: ReportRow | undefined, b: ReportRow) => !a || b.submittedAt >= a.submittedAt;

/**
 * The gap between an agent's self-assessment and the reviewer's review of the same ticket: the
 * newest of each kind per ticket, compared at the end.
 */
export class SelfReviewGapAccumulator {
  private readonly selves = new Map<string, ReportRow>();
  /** Kept as a list and matched at the end: self-assessments are few, reviews many, so a map of reviews is mostly wasted. */
  private readonly reviews: ReportRow[] = [];

  add(evaluation: ReportRow): void {
    if (evaluation.kind === 'review') this.reviews.push(evaluation);
    else if (evaluation.kind === 'self-assessment' && newer(this.selves.get(evaluation.ticketKey), evaluation)) this.selves.set(evaluation.ticketKey, evaluation);
  }

  /** The newest review of each ticket that has a self-assessment. */
  private pairedReviews(): Map<string, ReportRow> {
    const paired = new Map<string, ReportRow>();
    if (this.selves.size === 0) return paired;
    for (const review of this.reviews) {
      const key = review.ticketKey;
      if (this.selves.has(key) && newer(paired.get(key), review)) paired.set(key, review);
    }
    return paired;
  }

  result(criteriaFor: CriteriaFor): SelfReviewGap {
    const agents = new Map<string, { gap: Mean; keys: string[] }>();
    const criteria = new Map<string, { title: string; gap: Mean; keys: string[] }>();
    const reviews = this.pairedReviews();
    for (const [ticketKey, self] of this.selves) {
      const review = reviews.get(ticketKey);
      if (!review) continue;
      const agent = review.agent || self.agent;
      if (self.score !== null && review.score !== null) {
        const totals = entry(agents, agent, () => ({ gap: new Mean(), keys: [] }));
        totals.gap.add(self.score - review.score);
        totals.keys.push(ticketKey);
      }
      // Criteria compare only when both used the same scorecard (any version): same criterion ids.
      if (self.scorecardId !== review.scorecardId) continue;
      const selfCriteria = criteriaFor(self);
      const reviewCriteria = new Map(criteriaFor(review)?.map((c) => [c.criterionId, c]));
      for (const criterion of selfCriteria ?? []) {
        const reviewed = reviewCriteria.get(criterion.criterionId);
        const mine = ratedOption(criterion, self.answers.get(criterion.criterionId));
        const theirs = reviewed && ratedOption(reviewed, review.answers.get(criterion.criterionId));
        if (!mine || !theirs) continue;
        const totals = entry(criteria, criterion.key, () => ({ title: criterion.title, gap: new Mean(), keys: [] }));
        totals.gap.add(100 * (mine.value - theirs.value));
        totals.keys.push(ticketKey);
      }
    }
    const row = (name: string, key: string, t: { gap: Mean; keys: string[] }): GapRow => ({
      name,
      key,
      compared: t.gap.count,
      meanGap: t.gap.value,
      ticketKeys: t.keys,
    });
    return {
      byAgent: [...agents].map(([name, t]) => row(name, name, t)).sort(byName),
      byCriterion: [...criteria].map(([key, t]) => row(t.title, key, t)).sort((a, b) => Math.abs(b.meanGap ?? 0) - Math.abs(a.meanGap ?? 0) || byName(a, b)),
    };
  }
}
