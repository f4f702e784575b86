import type { TargetedSubmitEvent } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PersonCounts } from '../../lib/db/subject-rights';
import { PERSON_TABLES, personQueryProblem, type PersonKind, type PersonQuery } from '../../lib/privacy/person';
import { TABLE_LABELS } from './BackupSection';
import type { PrivacyClient } from './privacy-client';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function describeCounts(counts: PersonCounts): string {
  const part = (key: 'about' | 'mentioning') =>
    PERSON_TABLES.filter((t) => counts[t][key] > 0)
      .map((t) => `${counts[t][key]} ${TABLE_LABELS[t]}`)
      .join(', ');
  const about = part('about');
  const mentioning = part('mentioning');
  if (!about && !mentioning) return 'Nothing held about this person.';
  return [about && `About them: ${about}.`, mentioning && `Mentioning them: ${mentioning}.`].filter(Boolean).join(' ');
}

/** The step after Find: the counts alone, or one of the two confirmations. */
type Step = 'found' | 'export' | 'erase';
type FocusTarget = 'download' | 'erase-permanently' | 'export' | 'erase' | 'value';

/**
 * The data-subject requests a DPO passes on: export everything held about a person, or erase it.
 * The person is found first, and each action shows what it covers and asks once more, so the admin
 * sees what will leave or go before anything does.
 */
export function SubjectRightsSection({ client }: { client: Pick<PrivacyClient, 'findPerson' | 'exportPerson' | 'erasePerson'> }) {
  const [kind, setKind] = useState<PersonKind>('customer');
  const [value, setValue] = useState('');
  const [reference, setReference] = useState('');
  const [found, setFound] = useState<{ query: PersonQuery; counts: PersonCounts } | null>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<Step>('found');
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const downloadButton = useRef<HTMLButtonElement>(null);
  const erasePermanentlyButton = useRef<HTMLButtonElement>(null);
  const exportButton = useRef<HTMLButtonElement>(null);
  const eraseButton = useRef<HTMLButtonElement>(null);
  const valueInput = useRef<HTMLInputElement>(null);
  const targets: Record<FocusTarget, { current: HTMLElement | null }> = {
    download: downloadButton,
    'erase-permanently': erasePermanentlyButton,
    export: exportButton,
    erase: eraseButton,
    value: valueInput,
  };
  // Each step removes the button that was pressed, so focus is moved on purpose, before paint: a
  // useEffect would run later and could pull focus back from a control the user already reached.
  // While busy the target may still be disabled, which cannot take focus: wait for the render after.
  useLayoutEffect(() => {
    if (!focusTarget || busy) return;
    targets[focusTarget].current?.focus();
    setFocusTarget(null);
  }, [focusTarget, busy]);
  const goTo = (next: Step, focus: FocusTarget) => {
    setStep(next);
    setFocusTarget(focus);
  };
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  const reset = () => {
    setFound(null);
    setStep('found');
    setStatus('');
    setError('');
  };
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const find = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = { kind, value: value.trim() };
    const problem = personQueryProblem(query);
    reset();
    if (problem) return setError(problem);
    void run(async () => setFound({ query, counts: await client.findPerson(query) }));
  };

  const exportData = () =>
    found &&
    run(async () => {
      const filename = await client.exportPerson(found.query, reference);
      setStatus(`Saved ${filename}.`);
      goTo('found', 'export');
    });

  const erase = () =>
    found &&
    run(async () => {
      const summary = await client.erasePerson(found.query, reference);
      setFound(null);
      setStatus(`Erased: ${summary.removed} records deleted, ${summary.rewritten} rewritten without them. The audit log records that an erasure happened, not who it was.`);
      goTo('found', 'value');
    });

  return (
    <section class="options-section" aria-labelledby="subject-rights-heading">
      <h2 id="subject-rights-heading">Requests about a person</h2>
      <p class="muted">
        For a customer’s or an agent’s request to see or erase their data. Backups downloaded before an erasure are files outside QA Lens and still hold the person:
        delete or re-make them.
      </p>
      <form onSubmit={find} noValidate>
        <div class="row">
          <label>
            <span>Who</span>
            <select
              value={kind}
              onChange={(e) => {
                setKind(e.currentTarget.value as PersonKind);
                reset();
              }}
            >
              <option value="customer">A customer</option>
              <option value="agent">An agent</option>
            </select>
          </label>
          <label class="grow">
            <span>Email or full name</span>
            <input
              ref={valueInput}
              type="text"
              maxLength={320}
              value={value}
              onInput={(e) => {
                setValue(e.currentTarget.value);
                reset();
              }}
            />
          </label>
          <label>
            <span>Request reference (optional)</span>
            <input type="text" maxLength={80} value={reference} onInput={(e) => setReference(e.currentTarget.value)} />
          </label>
          <button type="submit" disabled={busy}>
            Find
          </button>
        </div>
      </form>
      {found && (
        <div>
          <p>{describeCounts(found.counts)}</p>
          {step === 'found' && (
            <div class="actions">
              <button type="button" ref={exportButton} disabled={busy} onClick={() => goTo('export', 'download')}>
                Export a person’s data
              </button>
              <button type="button" ref={eraseButton} disabled={busy} onClick={() => goTo('erase', 'erase-permanently')}>
                Erase a person
              </button>
            </div>
          )}
          {step === 'export' && (
            <div role="group" aria-labelledby="subject-export-heading" class="confirm">
              <p id="subject-export-heading">
                Export {found.query.kind === 'customer' ? 'this customer’s' : 'this agent’s'} data as a JSON file: {describeCounts(found.counts)} The file holds their personal
                data: send it to them securely and do not keep a copy.
              </p>
              <div class="actions">
                <button type="button" ref={downloadButton} disabled={busy} onClick={() => void exportData()}>
                  Download their data (JSON)
                </button>
                <button type="button" disabled={busy} onClick={() => goTo('found', 'export')}>
                  Cancel export
                </button>
              </div>
            </div>
          )}
          {step === 'erase' && (
            <div role="group" aria-labelledby="subject-erase-heading" class="confirm">
              <p id="subject-erase-heading" role="alert" class="error">
                This deletes what is about {found.query.kind === 'customer' ? 'this customer' : 'this agent'} and removes them from every other record, here and, in a team, on the
                team server. It cannot be undone.
              </p>
              <div class="actions">
                <button type="button" class="danger" ref={erasePermanentlyButton} disabled={busy} onClick={() => void erase()}>
                  Erase permanently
                </button>
                <button type="button" disabled={busy} onClick={() => goTo('found', 'erase')}>
                  Cancel
                </button>
              </div>
            </div>
          )}
        </div>
      )}
      <p role="status">{status}</p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
