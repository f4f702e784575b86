/**
 * One sync round: push the outbox in batches, then pull every page since the cursor. Each request
 * carries one batch or one page, and everything it changes locally is written in one transaction
 * with its bookkeeping (outbox entries dropped with the server's answer, a page written with its
 * cursor), so a worker stopped at any point resumes where it was: a batch the server applied but
 * whose answer was lost is sent again and applied once (the server skips mutation ids it has), a
 * page that was not stored is pulled again.
 */
import { applyPulledPage } from '../db/apply-pulled';
import type { OutboxEntry } from '../db/changes';
import type { QaLensDatabase } from '../db/database';
import { getSyncStatus, getTeamLink, saveSyncStatus, syncClient, type RejectedChange, type SyncStatusRow } from '../db/sync-state';
import { SYNC_LIMITS, type Mutation, type SyncKind } from '../schemas/sync';
import { nextRetryAt } from './backoff';
import { createSyncApi, SyncFailure, type Fetch, type SyncApi } from './sync-api';

export interface SyncDeps {
  db: QaLensDatabase;
  fetch?: Fetch;
  now?: () => number;
  random?: () => number;
}

export interface SyncRound {
  /** Mutations the server confirmed in this round. */
  pushed: number;
  /** Pulled changes written locally. */
  pulled: number;
  /** Kinds of record the pull changed, so open pages know what to reload. */
  pulledKinds: SyncKind[];
  status: SyncStatusRow;
}

/** Room left in a request body for the envelope around the mutations. */
const BODY_BUDGET = SYNC_LIMITS.bodyBytes - 4 * 1024;

const toMutation = (entry: OutboxEntry): Mutation => ({ id: entry.mutationId, kind: entry.kind, key: entry.key, op: entry.op, record: entry.record });

/** The oldest entries that fit one request: at most `limit`, and within the body limit. */
async function nextBatch(db: QaLensDatabase, limit: number): Promise<OutboxEntry[]> {
  const entries = await db.outbox.orderBy('mutationId').limit(limit).toArray();
  const batch: OutboxEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = new TextEncoder().encode(JSON.stringify(toMutation(entry))).length + 1;
    if (batch.length > 0 && bytes + size > BODY_BUDGET) break;
    batch.push(entry);
    bytes += size;
  }
  return batch;
}

/**
 * Takes a change the server refused for good out of the queue, keeping why for the Team status.
 * The server remembers the refused id too and passes over it, so the ids after it follow on.
 */
async function setAside(db: QaLensDatabase, entry: OutboxEntry, reason: string, now: number): Promise<void> {
  await db.transaction('rw', [db.outbox, db.syncState], async () => {
    const status = await getSyncStatus(db);
    const rejected: RejectedChange = { mutationId: entry.mutationId, kind: entry.kind, key: entry.key, reason, at: now };
    await db.outbox.delete(entry.mutationId);
    await saveSyncStatus(db, { rejected: [...status.rejected, rejected].slice(-50) });
  });
}

async function pushAll(db: QaLensDatabase, api: SyncApi, now: () => number): Promise<number> {
  const { clientId } = await db.transaction('rw', db.syncState, () => syncClient(db));
  let limit: number = SYNC_LIMITS.mutationsPerPush;
  let pushed = 0;
  for (;;) {
    const batch = await nextBatch(db, limit);
    if (batch.length === 0) return pushed;
    let lastMutationId: number;
    try {
      ({ lastMutationId } = await api.push({ clientId, mutations: batch.map(toMutation) }));
    } catch (error) {
      if (!(error instanceof SyncFailure)) throw error;
      const named = batch.find((e) => e.mutationId === error.details.mutationId);
      if (error.kind === 'rejected' && named) {
        await setAside(db, named, error.message, now());
        continue;
      }
      if (error.kind === 'too-large' && batch.length > 1) {
        limit = Math.max(1, Math.floor(batch.length / 2));
        continue;
      }
      if (error.kind === 'too-large') {
        await setAside(db, batch[0]!, error.message, now());
        continue;
      }
      throw error;
    }
    pushed += await db.outbox.where('mutationId').belowOrEqual(lastMutationId).delete();
    // The server stopped short of this batch (it waits for an earlier id): nothing more to gain this round.
    if (lastMutationId < batch[0]!.mutationId) {
      throw new SyncFailure('unavailable', `The team server did not take change ${batch[0]!.mutationId}; it will be sent again.`);
    }
  }
}

async function pullAll(db: QaLensDatabase, api: SyncApi, now: () => number): Promise<{ pulled: number; kinds: SyncKind[] }> {
  let pulled = 0;
  const kinds = new Set<SyncKind>();
  const link = await getTeamLink(db);
  if (!link) return { pulled, kinds: [] };
  let nextPage = api.pull(link.cursor);
  for (;;) {
    const page = await nextPage;
    const more = page.more && page.changes.length > 0;
    if (more) {
      // Ask for the following page while this one is written: the server's query and the transfer
      // overlap the IndexedDB write. A page fetched but never written is simply asked for again.
      nextPage = api.pull(page.cursor);
      nextPage.catch(() => undefined);
    }
    const applied = await applyPulledPage(db, page.changes, page.cursor, now());
    if (!applied) break;
    pulled += applied.applied;
    for (const kind of applied.kinds) kinds.add(kind);
    if (applied.unreadable.length) console.warn('QA Lens: skipped pulled records this version cannot read:', applied.unreadable.join(', '));
    if (!more) break;
  }
  return { pulled, kinds: [...kinds] };
}

/** What the status line says after a failure, and when to try again. */
function failedStatus(error: unknown, previous: SyncStatusRow, now: number, random: number): Partial<SyncStatusRow> {
  const failure = error instanceof SyncFailure ? error : new SyncFailure('unavailable', error instanceof Error ? error.message : String(error));
  if (failure.kind === 'unauthorized') {
    return { phase: 'signed-out', error: `Sign in again: ${failure.message} Ask your team admin for a new invite code.`, retryAt: null };
  }
  const failures = previous.failures + 1;
  return {
    phase: failure.kind === 'offline' ? 'offline' : 'error',
    error: failure.message,
    failures,
    retryAt: nextRetryAt(failures, now, random, failure.details.retryAfterMs),
  };
}

/**
 * Runs one round unless this browser is not in a team, is signed out (until it joins again), or a
 * backoff holds syncing back (`ignoreBackoff`, as "Sync now" and coming back online do). Callers
 * make sure two rounds never overlap.
 */
export async function syncOnce(deps: SyncDeps, options: { ignoreBackoff?: boolean } = {}): Promise<SyncRound | null> {
  const { db } = deps;
  const now = deps.now ?? (() => Date.now());
  const random = deps.random ?? Math.random;
  const link = await getTeamLink(db);
  if (!link) return null;
  const before = await getSyncStatus(db);
  if (before.phase === 'signed-out') return null;
  if (!options.ignoreBackoff && before.retryAt !== null && before.retryAt > now()) return null;

  await saveSyncStatus(db, { phase: 'syncing' });
  const api = createSyncApi(link.serverUrl, link.token, deps.fetch, now);
  let pushed = 0;
  try {
    pushed = await pushAll(db, api, now);
    const { pulled, kinds } = await pullAll(db, api, now);
    const status = await saveSyncStatus(db, { phase: 'synced', error: '', lastSyncedAt: now(), failures: 0, retryAt: null });
    return { pushed, pulled, pulledKinds: kinds, status };
  } catch (error) {
    const status = await saveSyncStatus(db, failedStatus(error, await getSyncStatus(db), now(), random()));
    return { pushed, pulled: 0, pulledKinds: [], status };
  }
}
