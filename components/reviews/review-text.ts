import type { Evaluation, ScorecardContent } from '../../lib/schemas';
import { NA_LABEL, scaleOptions } from '../../lib/scoring';

const STATUS_LABELS: Record<Evaluation['status'], string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  acknowledged: 'Acknowledged',
  disputed: 'Disputed',
  resolved: 'Resolved',
};

export const statusLabel = (status: Evaluation['status']) => STATUS_LABELS[status];

/** How an answer reads: its option's label, N/A, or "no answer". */
export function answerLabel(scorecard: ScorecardContent | undefined, criterionId: string, answer: { optionId?: string; na: boolean } | undefined): string {
  if (answer?.na) return NA_LABEL;
  const criterion = scorecard?.sections.flatMap((s) => s.criteria).find((c) => c.id === criterionId);
  const option = criterion && scaleOptions(criterion.scale).find((o) => o.id === answer?.optionId);
  return option?.label ?? answer?.optionId ?? 'no answer';
}

export const criterionTitle = (scorecard: ScorecardContent | undefined, criterionId: string) =>
  scorecard?.sections.flatMap((s) => s.criteria).find((c) => c.id === criterionId)?.title ?? criterionId;

/** The review's criteria in the order its scorecard lists them (any it no longer has, last). */
export function criterionOrder(evaluation: Evaluation, scorecard: ScorecardContent | undefined): string[] {
  const ids = scorecard?.sections.flatMap((s) => s.criteria.map((c) => c.id)) ?? [];
  return [...ids.filter((id) => id in evaluation.answers), ...Object.keys(evaluation.answers).filter((id) => !ids.includes(id))];
}
