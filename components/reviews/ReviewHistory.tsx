import type { Evaluation, ScorecardContent } from '../../lib/schemas';
import { NA_LABEL, scaleOptions } from '../../lib/scoring';
import { formatDateTime, formatScore } from '../dashboard/format';

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

/** Every state change of a review: who, when, why, and what changed. All text rendered as text. */
export function ReviewHistory({ evaluation, scorecard }: { evaluation: Evaluation; scorecard: ScorecardContent | undefined }) {
  if (evaluation.history.length === 0) return null;
  return (
    <section aria-label="History">
      <h4>History</h4>
      <ol class="review-history">
        {evaluation.history.map((change, i) => (
          <li key={i}>
            <time dateTime={new Date(change.at).toISOString()}>{formatDateTime(change.at)}</time>: {STATUS_LABELS[change.from]} → {STATUS_LABELS[change.to]} by{' '}
            {change.by.name || 'unknown'} ({change.by.role})
            {change.reason && <p class="history-reason">{change.reason}</p>}
            {change.answerChanges.length > 0 && (
              <ul>
                {change.answerChanges.map((a) => (
                  <li key={a.criterionId}>
                    {criterionTitle(scorecard, a.criterionId)}: {answerLabel(scorecard, a.criterionId, a.before)} → {answerLabel(scorecard, a.criterionId, a.after)}
                  </li>
                ))}
              </ul>
            )}
            {change.scoreBefore !== change.scoreAfter && (
              <p>
                Score {formatScore(change.scoreBefore)} → {formatScore(change.scoreAfter)}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
