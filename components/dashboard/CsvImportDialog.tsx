import type { TargetedEvent } from 'preact';
import { useId, useState } from 'preact/hooks';
import { canConfirm } from '../../lib/imports/import-preview';
import { CSV_IMPORT_KINDS, EXPECTED_COLUMNS, type CsvImportKind, type CsvImportPreview } from '../../lib/imports/preview-csv-import';
import type { CsvIoClient } from './csv-io-client';

/** Refused rows listed in full up to this many; the count always covers all of them. */
const SHOWN_REJECTIONS = 200;

const NOUNS: Record<CsvImportKind, [string, string]> = {
  evaluations: ['evaluation', 'evaluations'],
  kpis: ['KPI record', 'KPI records'],
  tickets: ['ticket', 'tickets'],
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const describe = (kind: CsvImportKind, n: number) => `${n.toLocaleString()} ${NOUNS[kind][n === 1 ? 0 : 1]}`;

/** The `Import` button and its dialog: choose a kind and a file, read the preview, confirm. */
export function CsvImportDialog({ client, onImported }: { client: CsvIoClient; onImported: () => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<CsvImportKind>('evaluations');
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<CsvImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  const reset = () => {
    setPreview(null);
    setStatus('');
    setError('');
  };

  const choose = async (event: TargetedEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    reset();
    if (!file) return;
    setFileName(file.name);
    setBusy(true);
    try {
      setPreview(await client.previewImport(kind, file));
    } catch (e) {
      setError(`Could not read ${file.name}: ${messageOf(e)}`);
    } finally {
      // Choosing the same file again (after fixing it) must fire another change.
      input.value = '';
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!preview) return;
    setBusy(true);
    setError('');
    try {
      await client.confirmImport(preview);
      setStatus(`Imported ${describe(preview.kind, preview.preview.accepted.length)} from ${fileName}.`);
      setPreview(null);
      onImported();
    } catch (e) {
      setError(`Could not import ${fileName}: ${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" aria-expanded={open} aria-controls={open ? `${id}-dialog` : undefined} onClick={() => setOpen(!open)}>
        Import
      </button>
      {open && (
        <section id={`${id}-dialog`} role="dialog" aria-labelledby={`${id}-title`} class="transfer-dialog">
          <h2 id={`${id}-title`}>Import from CSV</h2>
          <label class="field">
            <span>What the file holds</span>
            <select
              value={kind}
              disabled={busy}
              onChange={(e) => {
                setKind(e.currentTarget.value as CsvImportKind);
                reset();
              }}
            >
              {(Object.keys(CSV_IMPORT_KINDS) as CsvImportKind[]).map((k) => (
                <option key={k} value={k}>
                  {CSV_IMPORT_KINDS[k]}
                </option>
              ))}
            </select>
          </label>
          <p class="muted hint">Expected: {EXPECTED_COLUMNS[kind]}. Nothing is written until you confirm, and only a file with no refused rows can be imported.</p>
          <label class="field">
            <span>CSV file</span>
            <input type="file" accept=".csv,text/csv" disabled={busy} onChange={(e) => void choose(e)} />
          </label>
          {preview && <ImportPreviewView preview={preview} fileName={fileName} />}
          <div class="actions">
            {preview && canConfirm(preview.preview) && (
              <button type="button" class="primary" disabled={busy} onClick={() => void confirm()}>
                Confirm import
              </button>
            )}
            <button type="button" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
          <p role="status">{busy ? 'Reading the file…' : status}</p>
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

function ImportPreviewView({ preview: { kind, preview }, fileName }: { preview: CsvImportPreview; fileName: string }) {
  if (preview.fileError) {
    return (
      <p role="alert" class="error">
        {fileName} cannot be imported: {preview.fileError}
      </p>
    );
  }
  const rejected = preview.rejected;
  return (
    <div class="import-preview">
      <p>
        {fileName}: {preview.rows.toLocaleString()} rows read; {describe(kind, preview.accepted.length)} ready to import.
      </p>
      <table class="column-mapping">
        <caption>Columns</caption>
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">QA Lens field</th>
          </tr>
        </thead>
        <tbody>
          {preview.mapping.map((m, i) => (
            <tr key={i}>
              <td>{m.column}</td>
              <td>{m.field ?? 'ignored'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rejected.length > 0 && (
        <div role="alert" class="error-summary">
          <p class="error">
            {rejected.length.toLocaleString()} {rejected.length === 1 ? 'row was' : 'rows were'} refused, so nothing can be imported. Fix them and choose the file
            again.
          </p>
          <ul class="rejected-rows">
            {rejected.slice(0, SHOWN_REJECTIONS).map((r, i) => (
              <li key={i}>
                Line {r.line}: {r.reason}
              </li>
            ))}
          </ul>
          {rejected.length > SHOWN_REJECTIONS && <p>…and {(rejected.length - SHOWN_REJECTIONS).toLocaleString()} more.</p>}
        </div>
      )}
    </div>
  );
}
