import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { newId } from '../../lib/ids';
import { parsePrivacyForm, privacyForm, type PatternRow, type PrivacyForm } from '../../lib/options/privacy-form';
import { PII_KINDS, PII_LABELS, placeholderFor } from '../../lib/privacy/pii-kinds';
import { redactionRules, redactText } from '../../lib/privacy/redact';
import { describeRetention } from '../../lib/privacy/retention';
import type { PrivacyClient } from './privacy-client';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

const SAMPLE = 'Hi, I’m on 07911 123456 or dana@example.com. Card 4111 1111 1111 1111, order #4829173650.';

/**
 * Settings → Privacy: what is redacted before anything is stored (each kind, the team's own
 * patterns, where phone numbers are read), a box to try the rules on, and how long records are kept.
 */
export function PrivacySection({ client }: { client: PrivacyClient }) {
  const [form, setForm] = useState<PrivacyForm | null>(null);
  const [status, setStatus] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [sample, setSample] = useState(SAMPLE);
  useEffect(() => {
    client.getPrivacySettings().then(
      (settings) => setForm(privacyForm(settings)),
      (e: unknown) => setErrors([`Could not load the privacy settings: ${messageOf(e)}`]),
    );
  }, [client]);

  const change = (patch: Partial<PrivacyForm>) => {
    setForm((f) => (f ? { ...f, ...patch } : f));
    setStatus('');
  };
  const setPattern = (index: number, patch: Partial<PatternRow>) => form && change({ patterns: form.patterns.map((p, i) => (i === index ? { ...p, ...patch } : p)) });

  // The rules as typed, for the try-it box; while the form has a problem, the default rules apply.
  const preview = useMemo(() => {
    if (!form) return { text: '', asTyped: true };
    const parsed = parsePrivacyForm(form, () => 'preview');
    return { text: redactText(sample, redactionRules(parsed.ok ? parsed.settings : undefined)), asTyped: parsed.ok };
  }, [form, sample]);

  const save = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!form) return;
    const parsed = parsePrivacyForm(form, newId);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    try {
      const saved = await client.savePrivacySettings(parsed.settings);
      setForm(privacyForm(saved));
      setErrors([]);
      setStatus(`Privacy settings saved. ${describeRetention(saved.retention)}`);
    } catch (e) {
      setErrors([`Could not save the privacy settings: ${messageOf(e)}`]);
    }
  };

  return (
    <section class="options-section" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Privacy</h2>
      <p class="muted">
        Personal data is replaced by a placeholder such as {placeholderFor('email')} or {placeholderFor('card')} before a ticket, an evaluation or an export is stored
        or leaves this browser.
      </p>
      {form && (
        <form onSubmit={save} noValidate>
          <fieldset>
            <legend>Redact before storing</legend>
            {PII_KINDS.map((kind) => (
              <label class="check" key={kind}>
                <input type="checkbox" checked={form.redact[kind]} onChange={(e) => change({ redact: { ...form.redact, [kind]: e.currentTarget.checked } })} />
                <span>
                  {PII_LABELS[kind]} as {placeholderFor(kind)}
                </span>
              </label>
            ))}
            <label class="block">
              <span>Phone regions</span>{' '}
              <input type="text" value={form.phoneRegions} size={12} onInput={(e) => change({ phoneRegions: e.currentTarget.value })} aria-describedby="phone-regions-hint" />
            </label>
            <p id="phone-regions-hint" class="muted hint">
              Two-letter codes (GB, US…) of the countries whose numbers customers write without +: numbers with + are found for every country.
            </p>
          </fieldset>
          <fieldset>
            <legend>Team patterns</legend>
            <p class="muted hint">Your own identifiers (account or membership numbers) as regular expressions, such as ACC-\d{'{8}'}. A pattern that could freeze the panel on a long message is refused.</p>
            {form.patterns.map((row, i) => (
              <div class="row" key={row.id || i}>
                <label>
                  <span>Label {i + 1}</span>
                  <input type="text" maxLength={30} value={row.label} onInput={(e) => setPattern(i, { label: e.currentTarget.value })} />
                </label>
                <label class="grow">
                  <span>Pattern {i + 1}</span>
                  <input type="text" maxLength={200} spellcheck={false} value={row.pattern} onInput={(e) => setPattern(i, { pattern: e.currentTarget.value })} />
                </label>
                <label class="check">
                  <input type="checkbox" checked={row.caseSensitive} onChange={(e) => setPattern(i, { caseSensitive: e.currentTarget.checked })} />
                  <span>Case-sensitive</span>
                </label>
                <button type="button" aria-label={`Remove pattern ${i + 1}`} onClick={() => change({ patterns: form.patterns.filter((_, j) => j !== i) })}>
                  Remove
                </button>
              </div>
            ))}
            <button type="button" onClick={() => change({ patterns: [...form.patterns, { id: '', label: '', pattern: '', caseSensitive: false }] })}>
              Add pattern
            </button>
          </fieldset>
          <fieldset>
            <legend>Try the rules</legend>
            <label class="block">
              <span>Sample text</span>
              <textarea rows={2} cols={60} value={sample} onInput={(e) => setSample(e.currentTarget.value)} />
            </label>
            <p>
              <span class="muted">Stored as: </span>
              <output aria-label="Sample as stored">{preview.text}</output>
            </p>
            {!preview.asTyped && <p class="muted hint">Shown with the default rules until the settings above are fixed.</p>}
          </fieldset>
          <fieldset>
            <legend>Retention</legend>
            <div class="row">
              <label>
                <span>Keep ticket snapshots for (days)</span>
                <input type="number" min={1} max={36500} value={form.ticketDays} onInput={(e) => change({ ticketDays: e.currentTarget.value })} />
              </label>
              <label>
                <span>Keep evaluations for (days)</span>
                <input type="number" min={1} max={36500} value={form.evaluationDays} onInput={(e) => change({ evaluationDays: e.currentTarget.value })} />
              </label>
            </div>
            <p class="muted hint">Empty keeps them until someone deletes them. Once a day QA Lens deletes what is older, here and, in a team, on the team server.</p>
          </fieldset>
          <button type="submit" class="primary">
            Save privacy settings
          </button>
        </form>
      )}
      <p role="status">{status}</p>
      {errors.length > 0 && (
        <div role="alert" class="error-summary">
          <p class="error">The privacy settings were not saved:</p>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
