import { useMemo, useState } from 'preact/hooks';
import { checkFeedback, type FeedbackIssue } from '@/lib/evaluations/check-feedback';
import { scoreEvaluation } from '@/lib/scoring';
import type { Answer, Evaluation, EvaluationKind, Scorecard, TeamSettings, TranscriptMessage } from '@/lib/schemas';
import { CriterionField } from './CriterionField';
import { ScoreSummary } from './ScoreSummary';

interface Props {
  kind: EvaluationKind;
  scorecards: Scorecard[];
  scorecard: Scorecard;
  draft: Evaluation | null;
  settings: TeamSettings;
  /** The conversation, so feedback that quotes it counts as specific. */
  messages: TranscriptMessage[];
  saveState: string;
  /** Why the draft could not be saved, while it waits in memory to be saved again. */
  saveError: string | null;
  onRetrySave: () => void;
  onPickScorecard: (scorecard: Scorecard) => void;
  onChange: (scorecard: Scorecard, change: (draft: Evaluation) => Evaluation) => void;
  onSubmit: () => Promise<void>;
}

const SAVE_LABELS: Record<string, string> = { saving: 'Saving draft…', saved: 'Draft saved', error: 'Draft not saved' };

/**
 * The scorecard for one ticket: every criterion, the feedback fields and the live score. A review's
 * feedback is checked before it is sent: missing strengths or improvements stop it (when the team
 * asks for both); vague or very short feedback is flagged, and the reviewer may send it anyway.
 */
export function EvaluationForm({ kind, scorecards, scorecard, draft, settings, messages, saveState, saveError, onRetrySave, onPickScorecard, onChange, onSubmit }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [flags, setFlags] = useState<FeedbackIssue[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const answers = draft?.answers ?? {};
  const breakdown = useMemo(() => scoreEvaluation(scorecard, answers), [scorecard, answers]);
  const selfAssessment = kind === 'self-assessment';
  const change = (fn: (draft: Evaluation) => Evaluation) => {
    setError(null);
    setFlags([]);
    onChange(scorecard, fn);
  };
  const setAnswer = (criterionId: string, answer: Answer) => change((d) => ({ ...d, answers: { ...d.answers, [criterionId]: answer } }));
  const submit = async (event: Event) => {
    event.preventDefault();
    if (draft && !selfAssessment) {
      const check = checkFeedback({ evaluation: draft, scorecard, settings, messages });
      setFlags(check.flags);
      if (check.blocking.length > 0) {
        setError(`Before sending this review: ${check.blocking.map((issue) => issue.message).join(' ')}`);
        return;
      }
      if (check.flags.length > 0) return;
    }
    await send();
  };
  const send = async () => {
    setFlags([]);
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
            <CriterionField
              key={criterion.id}
              criterion={criterion}
              answer={answers[criterion.id]}
              rootCauses={settings.rootCauses}
              onChange={(a) => setAnswer(criterion.id, a)}
            />
          ))}
        </fieldset>
      ))}
      <label class="field">
        Strengths
        <textarea
          value={draft?.strengths ?? ''}
          placeholder={selfAssessment ? 'What you did well, with examples' : 'What went well: name the criterion or quote the conversation'}
          onInput={(e) => change((d) => ({ ...d, strengths: e.currentTarget.value }))}
        />
      </label>
      <label class="field">
        Improvements
        <textarea
          value={draft?.improvements ?? ''}
          placeholder={selfAssessment ? 'What you would do differently' : 'What to do differently next time, and how'}
          onInput={(e) => change((d) => ({ ...d, improvements: e.currentTarget.value }))}
        />
      </label>
      <ScoreSummary breakdown={breakdown} />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {flags.length > 0 && !error && (
        <div role="alert" class="feedback-flags">
          <p>This feedback may be hard for the agent to act on:</p>
          <ul>
            {flags.map((flag) => (
              <li key={`${flag.field}:${flag.kind}`}>{flag.message}</li>
            ))}
          </ul>
          <button type="button" disabled={submitting} onClick={() => void send()}>
            Send anyway
          </button>
        </div>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={submitting}>
          {selfAssessment ? 'Submit self-assessment' : 'Submit evaluation'}
        </button>
        <span class={saveError ? 'error save-state' : 'muted save-state'} role="status">
          {(saveError && saveState !== 'saved' ? saveError : SAVE_LABELS[saveState]) ?? ''}
        </span>
        {saveError && (
          <button type="button" onClick={onRetrySave}>
            Retry save
          </button>
        )}
      </div>
    </form>
  );
}
