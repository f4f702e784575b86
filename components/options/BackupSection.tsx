import type { TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { RestoreSummary } from '../../lib/db/backup';
import type { BackupHeader } from '../../lib/imports/read-backup';
import type { BackupTable } from '../../lib/schemas';
import type { BackupClient, BackupProgress } from './backup-client';

/** How each table's rows are named in what the settings page says. */
export const TABLE_LABELS: Record<BackupTable, string> = {
  scorecards: 'scorecard versions',
  tickets: 'ticket snapshots',
  evaluations: 'evaluations',
  settings: 'settings',
  acknowledgements: 'acknowledgements',
  disputes: 'disputes',
  coachingPlans: 'coaching plans',
  kpis: 'KPI records',
  importedTickets: 'imported tickets',
  reminders: 'reminders',
  monitoringPlans: 'monitoring plans',
  samples: 'sample strata',
  calibrationSessions: 'calibration sessions',
  seenTickets: 'seen tickets',
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const pad = (n: number) => String(n).padStart(2, '0');
const today = (d = new Date()) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

const listCounts = (counts: Partial<Record<string, number>>) =>
  (Object.keys(TABLE_LABELS) as BackupTable[])
    .filter((t) => (counts[t] ?? 0) > 0)
    .map((t) => `${(counts[t] ?? 0).toLocaleString()} ${TABLE_LABELS[t]}`)
    .join(', ') || 'nothing';

function summarise(summary: RestoreSummary): string {
  const total = (key: keyof RestoreSummary[BackupTable]) => Object.values(summary).reduce((n, c) => n + c[key], 0);
  const restored = `Restored: ${total('added').toLocaleString()} records added, ${total('updated').toLocaleString()} updated to a newer version, ${total('unchanged').toLocaleString()} already here.`;
  const kept = total('keptErased');
  // Said whenever it happens: the user should know the file held more than came back, and why.
  return kept === 0 ? restored : `${restored} ${kept.toLocaleString()} ${kept === 1 ? 'record was' : 'records were'} kept erased: ${kept === 1 ? 'it belongs' : 'they belong'} to a person erased on request.`;
}

/** Where a long step has come: a year of a big team's data takes a while to write, check or merge. */
function StepProgress({ label, done, total }: { label: string } & BackupProgress) {
  return (
    <label class="field backup-progress">
      <span>
        {label}: {total > 0 ? Math.floor((100 * done) / total) : 0}%
      </span>
      <progress max={Math.max(total, 1)} value={done} />
    </label>
  );
}

/** "Backup and restore": the whole database to one JSON file, and back, merged without duplicates. */
export function BackupSection({ client }: { client: BackupClient }) {
  const [pending, setPending] = useState<{ backup: BackupHeader; fileName: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [progress, setProgress] = useState<({ label: string } & BackupProgress) | null>(null);
  const track = (label: string) => (step: BackupProgress) => setProgress({ label, ...step });

  const start = () => {
    setBusy(true);
    setStatus('');
    setErrors([]);
  };
  const stop = () => {
    setBusy(false);
    setProgress(null);
  };

  const download = async () => {
    start();
    try {
      const filename = `qa-lens-backup-${today()}.json`;
      const counts = await client.downloadBackup(filename, track('Writing the backup'));
      setStatus(`Saved ${filename} with ${listCounts(counts)}.`);
    } catch (e) {
      setErrors([`Could not make the backup: ${messageOf(e)}`]);
    } finally {
      stop();
    }
  };

  const choose = async (event: TargetedEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    setPending(null);
    if (!file) return;
    start();
    try {
      const result = await client.readBackup(file, track(`Checking ${file.name}`));
      if (result.ok) setPending({ backup: result.header, fileName: file.name });
      else setErrors([`${file.name} cannot be restored:`, ...result.errors]);
    } catch (e) {
      setErrors([`Could not read ${file.name}: ${messageOf(e)}`]);
    } finally {
      input.value = '';
      stop();
    }
  };

  const restore = async () => {
    if (!pending) return;
    start();
    try {
      setStatus(summarise(await client.restore(pending.backup, track(`Restoring ${pending.fileName}`))));
      setPending(null);
    } catch (e) {
      setPending(null);
      setErrors([`Could not restore ${pending.fileName}. Nothing was changed: ${messageOf(e)}`]);
    } finally {
      stop();
    }
  };
  const cancel = () => {
    setPending(null);
    void client.discard();
  };

  const backup = pending?.backup;
  return (
    <section class="options-section" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup and restore</h2>
      <p class="muted">
        A backup holds everything QA Lens keeps in this browser profile. Restoring merges it in: records you lack are added, older copies are replaced by newer
        ones, and nothing is duplicated.
      </p>
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={() => void download()}>
          Download backup
        </button>
      </div>
      <label>
        <span>Restore from backup</span>
        <input type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void choose(e)} />
      </label>
      {backup && pending && (
        <div class="restore-preview">
          <p>
            {pending.fileName}: made {new Date(backup.exportedAt).toLocaleString()}
            {backup.exportedBy ? ` by ${backup.exportedBy}` : ''}, with{' '}
            {listCounts(backup.counts)}.
            {backup.migratedFrom < backup.schemaVersion && ` Made by an older QA Lens (schema version ${backup.migratedFrom}); it will be brought up to date.`}
          </p>
          <div class="actions">
            <button type="button" class="primary" disabled={busy} onClick={() => void restore()}>
              Restore
            </button>
            <button type="button" disabled={busy} onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {progress && <StepProgress {...progress} />}
      <p role="status">{status}</p>
      {errors.length > 0 && (
        <div role="alert" class="error-summary">
          <p class="error">{errors[0]}</p>
          {errors.length > 1 && (
            <ul>
              {errors.slice(1).map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
