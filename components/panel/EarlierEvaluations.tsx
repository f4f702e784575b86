import type { Evaluation } from '@/lib/schemas';
import { formatNumber } from '@/lib/scoring';

/** Evaluations already submitted for this ticket, newest first. */
export function EarlierEvaluations({ evaluations }: { evaluations: Evaluation[] }) {
  return (
    <section class="earlier" aria-labelledby="earlier-heading">
      <h2 id="earlier-heading">Earlier evaluations of this ticket</h2>
      {evaluations.length === 0 ? (
        <p class="muted">None yet.</p>
      ) : (
        <ul>
          {evaluations.map((e) => (
            <li key={e.id} data-testid="earlier-evaluation">
              <strong>{e.score === null ? '–' : `${formatNumber(e.score)}%`}</strong>{' '}
              <span class={e.passed ? 'good' : 'bad'}>{e.passed ? 'Passed' : 'Not passed'}</span>{' '}
              <span class="muted">
                · {e.kind === 'review' ? 'Review' : e.kind} by {e.author.name || 'unnamed reviewer'} ·{' '}
                {new Date(e.submittedAt ?? e.updatedAt).toLocaleString()}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
