import { useId, useState } from 'preact/hooks';
import type { EvaluationFilter } from '../../lib/dashboard/filter-evaluations';
import type { Scorecard } from '../../lib/schemas';
import type { CsvExportProgress, CsvIoClient } from './csv-io-client';
import { localDate, scorecardLabel } from './format';

interface Props {
  client: CsvIoClient;
  /** The dashboard's current filter, and how many evaluations it lists. */
  filter: EvaluationFilter;
  filteredCount: number;
  /** Scorecard versions the listed evaluations use: the choices for a wide export. */
  scorecards: readonly Scorecard[];
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const count = (n: number) => n.toLocaleString();

/** The `Export CSV` button and the dialog it opens: shape, which evaluations, Excel BOM, progress. */
export function CsvExportDialog({ client, filter, filteredCount, scorecards }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [shape, setShape] = useState<'long' | 'wide'>('long');
  const [scope, setScope] = useState<'filter' | 'all'>('filter');
  const [bom, setBom] = useState(false);
  const [wideKey, setWideKey] = useState('');
  const [progress, setProgress] = useState<CsvExportProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  const keyOf = (s: Scorecard) => `${s.id}@${s.version}`;
  const wideScorecard = scorecards.find((s) => keyOf(s) === wideKey) ?? scorecards[0];

  const run = async () => {
    setBusy(true);
    setError('');
    setStatus('');
    setProgress(null);
    try {
      const wide = shape === 'wide' && wideScorecard ? { kind: 'wide' as const, scorecard: wideScorecard } : { kind: 'long' as const };
      const filename = `qa-lens-evaluations-${wide.kind === 'wide' ? 'wide-' : ''}${localDate(new Date())}.csv`;
      const exported = await client.exportCsv({ shape: wide, bom, filename, filter: scope === 'filter' ? filter : null }, setProgress);
      setStatus(exported === null ? 'Export cancelled.' : `Exported ${count(exported)} ${exported === 1 ? 'evaluation' : 'evaluations'} to ${filename}.`);
    } catch (e) {
      setError(`Could not export: ${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" class="primary" aria-expanded={open} aria-controls={open ? `${id}-dialog` : undefined} onClick={() => setOpen(!open)}>
        Export CSV
      </button>
      {open && (
        <section id={`${id}-dialog`} role="dialog" aria-labelledby={`${id}-title`} class="transfer-dialog">
          <h2 id={`${id}-title`}>Export evaluations as CSV</h2>
          <fieldset>
            <legend>Shape</legend>
            <label>
              <input type="radio" name={`${id}-shape`} checked={shape === 'long'} onChange={() => setShape('long')} /> Long
              <span class="muted"> — one row per criterion of each evaluation</span>
            </label>
            <label>
              <input type="radio" name={`${id}-shape`} checked={shape === 'wide'} disabled={scorecards.length === 0} onChange={() => setShape('wide')} /> Wide
              <span class="muted"> — one row per evaluation, a column per criterion of one scorecard version</span>
            </label>
          </fieldset>
          {shape === 'wide' && wideScorecard && (
            <label class="field">
              <span>Scorecard version</span>
              <select value={keyOf(wideScorecard)} onChange={(e) => setWideKey(e.currentTarget.value)}>
                {scorecards.map((s) => (
                  <option key={keyOf(s)} value={keyOf(s)}>
                    {scorecardLabel(s.name, s.version)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <fieldset>
            <legend>Evaluations</legend>
            <label>
              <input type="radio" name={`${id}-scope`} checked={scope === 'filter'} onChange={() => setScope('filter')} />
              {` The current filter (${count(filteredCount)})`}
            </label>
            <label>
              <input type="radio" name={`${id}-scope`} checked={scope === 'all'} onChange={() => setScope('all')} /> Everything
            </label>
          </fieldset>
          <label>
            <input type="checkbox" checked={bom} onChange={(e) => setBom(e.currentTarget.checked)} /> Add a byte order mark for Excel
          </label>
          <div class="actions">
            <button type="button" class="primary" disabled={busy || (scope === 'filter' && filteredCount === 0)} onClick={() => void run()}>
              Export
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
          {progress && (
            <label class="field">
              <span>Export progress</span>
              <progress max={Math.max(progress.total, 1)} value={progress.read} />
            </label>
          )}
          <p role="status">{progress && busy ? `Read ${count(progress.read)} of ${count(progress.total)} evaluations…` : status}</p>
          {error && (
            <p role="alert" class="error">
              {error}
            </p>
          )}
        </section>
      )}
    </>
  );
}
