import { formatNumber, type ScoreBreakdown } from '@/lib/scoring';

/** The live score, announced politely, with the arithmetic behind it one click away. */
export function ScoreSummary({ breakdown }: { breakdown: ScoreBreakdown }) {
  const { score, passed, criticalFailures, unanswered } = breakdown;
  return (
    <section class="score-summary" aria-label="Score">
      <div role="status" class="score-line">
        {score === null ? (
          <span>No criteria rated yet</span>
        ) : (
          <>
            <strong class="score">{formatNumber(score)}%</strong>{' '}
            {unanswered.length > 0 ? (
              <span class="muted">so far · {unanswered.length} unanswered</span>
            ) : (
              <span class={passed ? 'good' : 'bad'}>{passed ? 'Passed' : 'Not passed'}</span>
            )}
            {criticalFailures.length > 0 && <span class="bad"> · Critical failure: {criticalFailures.map((c) => c.title).join(', ')}</span>}
          </>
        )}
      </div>
      {score !== null && (
        <details>
          <summary>How this score is reached</summary>
          <ul class="arithmetic">
            {breakdown.arithmetic.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
