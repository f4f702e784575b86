import type { Evaluation, ScorecardContent } from '../../lib/schemas';
import { formatDateTime, formatScore } from '../dashboard/format';
import { answerLabel, criterionTitle, statusLabel } from './review-text';

/** Every state change of a review: who, when, why, and what changed. All text rendered as text. */
export function ReviewHistory({ evaluation, scorecard }: { evaluation: Evaluation; scorecard: ScorecardContent | undefined }) {
  if (evaluation.history.length === 0) return null;
  return (
    <section aria-label="History">
      <h4>History</h4>
      <ol class="review-history">
        {evaluation.history.map((change, i) => (
          <li key={i}>
            <time dateTime={new Date(change.at).toISOString()}>{formatDateTime(change.at)}</time>: {statusLabel(change.from)} → {statusLabel(change.to)} by{' '}
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
