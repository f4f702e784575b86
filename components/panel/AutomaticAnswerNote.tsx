import { CHECK_LABELS } from '@/lib/autoqa/catalogue';
import { confirmed } from '@/lib/autoqa/answers';
import { scaleOptions } from '@/lib/scoring';
import type { Answer, Criterion } from '@/lib/schemas';

const percent = (confidence: number) => `${Math.round(confidence * 100)}%`;

/**
 * What the criterion's automatic check answered and why, and the reviewer's part: confirm it, or
 * change the answer above (which the evaluation records as changed).
 */
export function AutomaticAnswerNote({ criterion, answer, onChange }: { criterion: Criterion; answer: Answer; onChange: (answer: Answer) => void }) {
  const auto = answer.auto;
  if (!auto) return null;
  const check = CHECK_LABELS[auto.check];
  const proposed = scaleOptions(criterion.scale).find((o) => o.id === auto.proposedOptionId)?.label;
  const state =
    auto.outcome === 'unknown'
      ? 'Answer it yourself.'
      : auto.changed
        ? `Changed by you from “${proposed}”.`
        : auto.confirmed
          ? 'Confirmed by you.'
          : 'Confirm it or choose another answer.';
  return (
    <div class={`automatic ${auto.changed ? 'changed' : auto.confirmed ? 'confirmed' : 'pending'}`} data-testid="automatic-answer">
      <p>
        <span class="tag">Automatic</span>{' '}
        {auto.outcome === 'unknown' ? `${check} could not tell: ${auto.reason}` : `${check}: “${proposed}” (${percent(auto.confidence)} sure). ${auto.reason}`} {state}
      </p>
      {auto.outcome !== 'unknown' && !auto.confirmed && !auto.changed && (
        <button type="button" onClick={() => onChange(confirmed(answer))}>
          Confirm automatic answer: {criterion.title}
        </button>
      )}
    </div>
  );
}
