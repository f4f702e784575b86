import { useId } from 'preact/hooks';
import { shortQuote, withoutEvidence } from '@/lib/evaluations/evidence';
import { BLANK_ANSWER, type Answer, type Criterion, type RootCause } from '@/lib/schemas';
import { NA_LABEL, scaleOptions } from '@/lib/scoring';
import { EvidenceQuote } from '../shared/EvidenceQuote';
import { reviewed } from '@/lib/autoqa/answers';
import { AutomaticAnswerNote } from './AutomaticAnswerNote';
import { RootCauseSelect } from './RootCauseSelect';

interface Props {
  criterion: Criterion;
  answer: Answer | undefined;
  rootCauses: RootCause[];
  onChange: (answer: Answer) => void;
}

/**
 * One criterion: a radio group of its scale's outcomes (plus N/A where allowed), a comment, the
 * evidence attached from the conversation and the root cause.
 */
export function CriterionField({ criterion, answer, rootCauses, onChange }: Props) {
  const titleId = useId();
  const descriptionId = useId();
  const current: Answer = answer ?? BLANK_ANSWER;
  // A reviewer's choice on an automatic answer is recorded as confirming or changing it.
  const choose = (optionId: string | null) =>
    onChange(reviewed(optionId === null ? { ...current, optionId: undefined, na: true } : { ...current, optionId, na: false }));
  const choices = [
    ...scaleOptions(criterion.scale).map((o) => ({ id: o.id, label: o.label, checked: !current.na && current.optionId === o.id })),
    ...(criterion.allowNa ? [{ id: null, label: NA_LABEL, checked: current.na }] : []),
  ];
  return (
    <div class="criterion" role="group" aria-labelledby={titleId}>
      <div class="criterion-head">
        <span id={titleId} class="criterion-title">
          {criterion.title}
        </span>
        {criterion.critical !== 'none' && (
          <span class="tag critical" title={criterion.critical === 'evaluation' ? 'Failing this fails the evaluation' : 'Failing this fails its section'}>
            Critical
          </span>
        )}
        {criterion.weight !== 1 && <span class="muted weight">weight {criterion.weight}</span>}
      </div>
      {criterion.description && (
        <p id={descriptionId} class="muted criterion-description">
          {criterion.description}
        </p>
      )}
      <div role="radiogroup" aria-labelledby={titleId} aria-describedby={criterion.description ? descriptionId : undefined} class="choices">
        {choices.map((choice) => (
          <label key={choice.id ?? 'na'} class={choice.checked ? 'choice checked' : 'choice'}>
            <input type="radio" name={criterion.id} checked={choice.checked} onChange={() => choose(choice.id)} />
            {choice.label}
          </label>
        ))}
      </div>
      <AutomaticAnswerNote criterion={criterion} answer={current} onChange={onChange} />
      <textarea
        aria-label={`Comment on ${criterion.title}`}
        placeholder="Comment (optional)"
        rows={1}
        value={current.comment}
        onInput={(event) => onChange({ ...current, comment: event.currentTarget.value })}
      />
      {current.evidence.length > 0 && (
        <ul class="evidence" aria-label={`Evidence for ${criterion.title}`}>
          {current.evidence.map((evidence, index) => (
            <li key={`${evidence.messageId}:${index}`} class="evidence-chip">
              <EvidenceQuote evidence={evidence} />
              <button type="button" class="icon" aria-label={`Remove evidence “${shortQuote(evidence.quote)}”`} onClick={() => onChange(withoutEvidence(current, index))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <RootCauseSelect
        causes={rootCauses}
        value={current.rootCauses[0] ?? ''}
        describedBy={titleId}
        onChange={(id) => onChange({ ...current, rootCauses: id ? [id] : [] })}
      />
    </div>
  );
}
