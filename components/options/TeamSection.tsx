import { useEffect, useState } from 'preact/hooks';
import type { TeamStatus } from '../../lib/messaging/contracts';
import type { TeamClient } from './team-client';

const ROLE_WORDS = { admin: 'admin', supervisor: 'supervisor', agent: 'agent' } as const;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const clock = (at: number) => new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** The status line: `Synced`, `Syncing…`, `Offline` or the error, then when and what is waiting. */
export function statusLine(status: TeamStatus, now: number): string {
  const head = { synced: status.lastSyncedAt === null ? 'Waiting to sync' : 'Synced', syncing: 'Syncing…', offline: 'Offline', error: status.error || 'Sync failed', 'signed-out': status.error || 'Signed out' }[status.phase];
  const parts = [head];
  if (status.phase === 'offline' && status.error) parts.push(status.error);
  parts.push(status.lastSyncedAt === null ? 'never synced yet' : `last synced ${clock(status.lastSyncedAt)}`);
  parts.push(status.pending === 0 ? 'no changes waiting' : `${plural(status.pending, 'change')} waiting to be sent`);
  if (status.retryAt !== null && status.retryAt > now && status.phase !== 'synced') parts.push(`next try ${clock(status.retryAt)}`);
  return parts.join(' · ');
}

function JoinForm({ client, serverUrl, onJoined }: { client: TeamClient; serverUrl: string; onJoined: (status: TeamStatus) => void }) {
  const [form, setForm] = useState({ serverUrl, inviteCode: '' });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const join = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      onJoined(await client.join(form));
      setForm((f) => ({ ...f, inviteCode: '' }));
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack" onSubmit={join}>
      <label>
        <span>Server address</span>
        <input type="url" inputMode="url" required placeholder="https://qa.example.com" autoComplete="url" value={form.serverUrl} onInput={(e) => setForm({ ...form, serverUrl: e.currentTarget.value })} />
      </label>
      <label>
        <span>Invite code</span>
        <input type="text" required autoComplete="off" spellcheck={false} value={form.inviteCode} onInput={(e) => setForm({ ...form, inviteCode: e.currentTarget.value })} />
      </label>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy}>
        Join team
      </button>
    </form>
  );
}

/**
 * Settings → Team: join a team server with an invite code from the team's admin, then see how
 * syncing goes. Until then QA Lens works in this browser alone, as it always has.
 */
export function TeamSection({ client }: { client: TeamClient }) {
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const [error, setError] = useState('');
  const [confirmLeave, setConfirmLeave] = useState(false);

  useEffect(() => {
    const stop = client.onStatus(setStatus);
    client.status().then(setStatus, (e: unknown) => setError(`Could not read the team status: ${messageOf(e)}`));
    return stop;
  }, [client]);

  const act = async (action: () => Promise<TeamStatus | void>) => {
    setError('');
    try {
      const next = await action();
      if (next) setStatus(next);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  const leave = async () => {
    if (status && status.pending > 0 && !confirmLeave) {
      setConfirmLeave(true);
      return;
    }
    setConfirmLeave(false);
    await act(() => client.leave());
  };

  return (
    <section class="options-section" aria-labelledby="team-heading">
      <h2 id="team-heading">Team</h2>
      {!status ? (
        <p class="muted">Loading…</p>
      ) : !status.team ? (
        <>
          <p class="muted">
            Share reviews, acknowledgements, disputes and coaching with your team through your team’s QA Lens server. Your admin gives you its address and an invite code. Your browser asks you to allow that one
            server.
          </p>
          <JoinForm client={client} serverUrl="" onJoined={setStatus} />
        </>
      ) : (
        <>
          <p>
            <strong>{status.team.name}</strong> <span class="muted">on {status.serverUrl}</span>
            {status.member && (
              <>
                <br />
                You are {status.member.name}, {ROLE_WORDS[status.member.role]}. Your name, role and helpdesk identities come from the team.
              </>
            )}
          </p>
          <p role="status" aria-live="polite" class={status.phase === 'error' || status.phase === 'signed-out' ? 'bad' : undefined}>
            {statusLine(status, client.now())}
          </p>
          {status.phase === 'signed-out' && <JoinForm client={client} serverUrl={status.serverUrl ?? ''} onJoined={setStatus} />}
          {status.rejected.length > 0 && (
            <div class="error-summary" role="region" aria-label="Changes the team server refused">
              <p class="error">The team server refused {plural(status.rejected.length, 'change')}; they stay in this browser only:</p>
              <ul>
                {status.rejected.map((r) => (
                  <li key={`${r.kind} ${r.key} ${r.at}`}>
                    {r.kind} {r.key}: {r.reason}
                  </li>
                ))}
              </ul>
              <button type="button" onClick={() => void act(() => client.dismissRejected())}>
                Dismiss
              </button>
            </div>
          )}
          {confirmLeave && status.pending > 0 && (
            <p role="alert" class="error">
              {plural(status.pending, 'change')} {status.pending === 1 ? 'has' : 'have'} not reached the team yet and will stay in this browser only. Press Leave team again to leave anyway.
            </p>
          )}
          <div class="row">
            {status.phase !== 'signed-out' && (
              <button type="button" onClick={() => void act(() => client.syncNow())}>
                Sync now
              </button>
            )}
            <button type="button" onClick={() => void leave()}>
              Leave team
            </button>
          </div>
        </>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
