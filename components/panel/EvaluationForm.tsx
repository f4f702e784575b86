import { useMemo, useState } from 'preact/hooks';
import { scoreEvaluation } from '@/lib/scoring';
import type { Answer, Evaluation, Scorecard } from '@/lib/schemas';
import { CriterionField } from './CriterionField';
import { ScoreSummary } from './ScoreSummary';

interface Props {
  scorecards: Scorecard[];
  scorecard: Scorecard;
  draft: Evaluation | null;
  saveState: string;
  onPickScorecard: (scorecard: Scorecard) => void;
  onChange: (scorecard: Scorecard, change: (draft: Evaluation) => Evaluation) => void;
  onSubmit: () => Promise<void>;
}

const SAVE_LABELS: Record<string, string> = { saving: 'Saving draft…', saved: 'Draft saved', error: 'Draft could not be saved' };

/** The scorecard for one ticket: every criterion, the feedback fields and the live score. */
export function EvaluationForm({ scorecards, scorecard, draft, saveState, onPickScorecard, onChange, onSubmit }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const answers = draft?.answers ?? {};
  const breakdown = useMemo(() => scoreEvaluation(scorecard, answers), [scorecard, answers]);
  const change = (fn: (draft: Evaluation) => Evaluation) => {
    setError(null);
    onChange(scorecard, fn);
  };
  const setAnswer = (criterionId: string, answer: Answer) => change((d) => ({ ...d, answers: { ...d.answers, [criterionId]: answer } }));
  const submit = async (event: Event) => {
    event.preventDefault();
    setSubmitting(true);
    try {
      await onSubmit();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSubmitting(false);
    }
  };
  const options = scorecards.some((s) => s.id === scorecard.id) ? scorecards : [scorecard, ...scorecards];

  return (
    <form class="evaluation" onSubmit={submit} noValidate>
      <label class="field">
        Scorecard
        <select
          value={scorecard.id}
          onChange={(event) => {
            const picked = options.find((s) => s.id === event.currentTarget.value);
            if (picked) onPickScorecard(picked);
          }}
        >
          {options.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} (v{s.version})
            </option>
          ))}
        </select>
      </label>
      {scorecard.sections.map((section) => (
        <fieldset key={section.id} class="section">
          <legend>
            {section.title}
            {section.bonus && <span class="tag">Bonus</span>}
          </legend>
          {section.criteria.map((criterion) => (
            <CriterionField key={criterion.id} criterion={criterion} answer={answers[criterion.id]} onChange={(a) => setAnswer(criterion.id, a)} />
          ))}
        </fieldset>
      ))}
      <label class="field">
        Strengths
        <textarea value={draft?.strengths ?? ''} placeholder="What went well, with examples" onInput={(e) => change((d) => ({ ...d, strengths: e.currentTarget.value }))} />
      </label>
      <label class="field">
        Improvements
        <textarea value={draft?.improvements ?? ''} placeholder="What to do differently next time" onInput={(e) => change((d) => ({ ...d, improvements: e.currentTarget.value }))} />
      </label>
      <ScoreSummary breakdown={breakdown} />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={submitting}>
          Submit evaluation
        </button>
        <span class="muted save-state" aria-live="polite">
          {SAVE_LABELS[saveState] ?? ''}
        </span>
      </div>
    </form>
  );
}
