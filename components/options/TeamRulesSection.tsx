import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { parseTeamRulesForm, teamRulesForm, type RootCauseRow, type TeamRulesForm } from '../../lib/options/team-rules-form';
import { RootCauseCategorySchema, type RootCauseCategory } from '../../lib/schemas';
import type { OptionsClient } from './options-client';

const CATEGORY_LABELS: Record<RootCauseCategory, string> = {
  agent: 'Agent (the agent can fix it)',
  process: 'Process',
  product: 'Product',
  policy: 'Policy',
  tooling: 'Tooling',
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Rules the whole team reviews by: balanced feedback, its minimum length, acknowledgement deadlines, root causes. */
export function TeamRulesSection({ client }: { client: Pick<OptionsClient, 'getTeamSettings' | 'saveTeamSettings'> }) {
  const [form, setForm] = useState<TeamRulesForm | null>(null);
  const [status, setStatus] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  useEffect(() => {
    client.getTeamSettings().then(
      (settings) => setForm(teamRulesForm(settings)),
      (e: unknown) => setErrors([`Could not load the team rules: ${messageOf(e)}`]),
    );
  }, [client]);

  const change = (patch: Partial<TeamRulesForm>) => {
    setForm((f) => (f ? { ...f, ...patch } : f));
    setStatus('');
  };
  const setCause = (index: number, patch: Partial<RootCauseRow>) =>
    form && change({ rootCauses: form.rootCauses.map((c, i) => (i === index ? { ...c, ...patch } : c)) });

  const save = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!form) return;
    const parsed = parseTeamRulesForm(form);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    try {
      setForm(teamRulesForm(await client.saveTeamSettings(parsed.settings)));
      setErrors([]);
      setStatus('Team rules saved.');
    } catch (e) {
      setErrors([`Could not save the team rules: ${messageOf(e)}`]);
    }
  };

  return (
    <section class="options-section" aria-labelledby="team-rules-heading">
      <h2 id="team-rules-heading">Team rules</h2>
      {form && (
        <form onSubmit={save} noValidate>
          <label class="check">
            <input type="checkbox" checked={form.requireBalancedFeedback} onChange={(e) => change({ requireBalancedFeedback: e.currentTarget.checked })} />
            <span>Require at least one strength and one improvement in every review</span>
          </label>
          <div class="row">
            <label>
              <span>Minimum feedback length (characters)</span>
              <input type="text" inputMode="numeric" value={form.minFeedbackChars} onInput={(e) => change({ minFeedbackChars: e.currentTarget.value })} />
            </label>
            <label>
              <span>Working days to acknowledge a review</span>
              <input
                type="text"
                inputMode="numeric"
                aria-describedby="ack-days-hint"
                value={form.acknowledgementWorkingDays}
                onInput={(e) => change({ acknowledgementWorkingDays: e.currentTarget.value })}
              />
            </label>
          </div>
          <p id="ack-days-hint" class="muted hint">
            Monday to Friday; 0 sets no deadline.
          </p>
          <fieldset>
            <legend>Root causes</legend>
            <p class="muted hint">Causes other than Agent are systemic: reports show them apart, not as the agent’s failing.</p>
            <ol>
              {form.rootCauses.map((cause, index) => (
                <li key={index} class="row">
                  <label class="grow">
                    <span>Name of root cause {index + 1}</span>
                    <input type="text" maxLength={200} value={cause.label} onInput={(e) => setCause(index, { label: e.currentTarget.value })} />
                  </label>
                  <label>
                    <span>Category of root cause {index + 1}</span>
                    <select value={cause.category} onChange={(e) => setCause(index, { category: e.currentTarget.value as RootCauseCategory })}>
                      {RootCauseCategorySchema.options.map((category) => (
                        <option key={category} value={category}>
                          {CATEGORY_LABELS[category]}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button type="button" onClick={() => change({ rootCauses: form.rootCauses.filter((_, i) => i !== index) })}>
                    Remove root cause {index + 1}
                  </button>
                </li>
              ))}
            </ol>
            <button type="button" onClick={() => change({ rootCauses: [...form.rootCauses, { id: '', label: '', category: 'process' }] })}>
              Add root cause
            </button>
          </fieldset>
          <button type="submit" class="primary">
            Save team rules
          </button>
        </form>
      )}
      <p role="status">{status}</p>
      {errors.length > 0 && (
        <div role="alert" class="error-summary">
          <p class="error">The team rules were not saved:</p>
          <ul>
            {errors.map((error, i) => (
              <li key={i}>{error}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
