import { useEffect, useState } from 'preact/hooks';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '../../lib/schemas/audit';
import type { PrivacyClient } from './privacy-client';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const when = (at: number) => new Date(at).toLocaleString();

/** The audit log: read-only, filtered by action and text, exportable as CSV. */
export function AuditLogSection({ client }: { client: Pick<PrivacyClient, 'listAuditLog' | 'exportAuditLog'> }) {
  const [action, setAction] = useState<AuditAction | ''>('');
  const [text, setText] = useState('');
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    let current = true;
    client.listAuditLog({ action: action || undefined, text: text || undefined }).then(
      (rows) => current && setEntries(rows),
      (e: unknown) => setError(`Could not read the audit log: ${messageOf(e)}`),
    );
    return () => {
      current = false;
    };
  }, [client, action, text]);

  const exportCsv = async () => {
    if (!entries) return;
    try {
      setStatus(`Saved ${await client.exportAuditLog(entries)} with ${entries.length} entries.`);
    } catch (e) {
      setError(`Could not export the audit log: ${messageOf(e)}`);
    }
  };

  return (
    <section class="options-section" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      <p class="muted">Who did what and when. Entries cannot be edited or deleted, and restoring a backup does not change them.</p>
      <div class="row">
        <label>
          <span>Action</span>
          <select value={action} onChange={(e) => setAction(e.currentTarget.value as AuditAction | '')}>
            <option value="">All actions</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {AUDIT_ACTION_LABELS[a]}
              </option>
            ))}
          </select>
        </label>
        <label class="grow">
          <span>Containing</span>
          <input type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="button" disabled={!entries?.length} onClick={() => void exportCsv()}>
          Export audit log as CSV
        </button>
      </div>
      {entries && entries.length === 0 && <p class="muted">No entries{action || text ? ' match the filter' : ' yet'}.</p>}
      {entries && entries.length > 0 && (
        <table class="audit-log">
          <caption>
            Audit log, newest first ({entries.length} {entries.length === 1 ? 'entry' : 'entries'})
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{when(e.at)}</td>
                <td>{e.actor.name}</td>
                <td>{AUDIT_ACTION_LABELS[e.action]}</td>
                <td>{e.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
