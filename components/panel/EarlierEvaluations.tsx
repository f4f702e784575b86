import { formatDuration } from '@/lib/evaluations/duration';
import type { Evaluation } from '@/lib/schemas';
import { formatNumber } from '@/lib/scoring';

const KIND_LABELS: Record<Evaluation['kind'], string> = { review: 'Review', 'self-assessment': 'Self-assessment', calibration: 'Calibration' };

interface Props {
  evaluations: Evaluation[];
  /** Others' evaluations held back until the user submits their own. */
  hidden: number;
  /** What the user must submit first: their self-assessment, or their calibration score. */
  hiddenUntil?: 'self-assessment' | 'calibration';
}

/** Evaluations already submitted for this ticket, newest first. */
export function EarlierEvaluations({ evaluations, hidden, hiddenUntil = 'self-assessment' }: Props) {
  return (
    <section class="earlier" aria-labelledby="earlier-heading">
      <h2 id="earlier-heading">Earlier evaluations of this ticket</h2>
      {hidden > 0 && hiddenUntil === 'calibration' && (
        <p class="muted" data-testid="hidden-evaluations">
          {hidden === 1 ? 'One evaluation of this ticket is' : `${hidden} evaluations of this ticket are`} hidden until you submit your calibration score.
        </p>
      )}
      {hidden > 0 && hiddenUntil === 'self-assessment' && (
        <p class="muted" data-testid="hidden-evaluations">
          {hidden === 1 ? 'One review of your ticket is' : `${hidden} reviews of your ticket are`} hidden until you submit your self-assessment, so
          it does not sway your own judgement.
        </p>
      )}
      {evaluations.length === 0 ? (
        hidden === 0 && <p class="muted">None yet.</p>
      ) : (
        <ul>
          {evaluations.map((e) => (
            <li key={e.id} data-testid="earlier-evaluation">
              <strong>{e.score === null ? '–' : `${formatNumber(e.score)}%`}</strong>{' '}
              <span class={e.passed ? 'good' : 'bad'}>{e.passed ? 'Passed' : 'Not passed'}</span>{' '}
              <span class="muted">
                · {KIND_LABELS[e.kind]} by {e.author.name || 'unnamed reviewer'} · {new Date(e.submittedAt ?? e.updatedAt).toLocaleString()} ·{' '}
                {formatDuration(e.reviewSeconds)} active
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
