import type { TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { RestoreSummary } from '../../lib/db/backup';
import type { Backup, BackupTable } from '../../lib/schemas';
import type { BackupClient } from './backup-client';

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
  const total = (key: 'added' | 'updated' | 'unchanged') => Object.values(summary).reduce((n, c) => n + c[key], 0);
  return `Restored: ${total('added').toLocaleString()} records added, ${total('updated').toLocaleString()} updated to a newer version, ${total('unchanged').toLocaleString()} already here.`;
}

/** "Backup and restore": the whole database to one JSON file, and back, merged without duplicates. */
export function BackupSection({ client }: { client: BackupClient }) {
  const [pending, setPending] = useState<{ backup: Backup; fileName: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [errors, setErrors] = useState<string[]>([]);

  const start = () => {
    setBusy(true);
    setStatus('');
    setErrors([]);
  };

  const download = async () => {
    start();
    try {
      const filename = `qa-lens-backup-${today()}.json`;
      const counts = await client.downloadBackup(filename);
      setStatus(`Saved ${filename} with ${listCounts(counts)}.`);
    } catch (e) {
      setErrors([`Could not make the backup: ${messageOf(e)}`]);
    } finally {
      setBusy(false);
    }
  };

  const choose = async (event: TargetedEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    setPending(null);
    if (!file) return;
    start();
    try {
      const result = await client.readBackup(file);
      if (result.ok) setPending({ backup: result.backup, fileName: file.name });
      else setErrors([`${file.name} cannot be restored:`, ...result.errors]);
    } catch (e) {
      setErrors([`Could not read ${file.name}: ${messageOf(e)}`]);
    } finally {
      input.value = '';
      setBusy(false);
    }
  };

  const restore = async () => {
    if (!pending) return;
    start();
    try {
      setStatus(summarise(await client.restore(pending.backup)));
      setPending(null);
    } catch (e) {
      setErrors([`Could not restore ${pending.fileName}. Nothing was changed: ${messageOf(e)}`]);
    } finally {
      setBusy(false);
    }
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
            {listCounts(Object.fromEntries(Object.entries(backup.tables).map(([t, rows]) => [t, rows.length])))}.
            {backup.migratedFrom < backup.schemaVersion && ` Made by an older QA Lens (schema version ${backup.migratedFrom}); it will be brought up to date.`}
          </p>
          <div class="actions">
            <button type="button" class="primary" disabled={busy} onClick={() => void restore()}>
              Restore
            </button>
            <button type="button" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
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
