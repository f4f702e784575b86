/**
 * This browser's side of team sync, as stored in `syncState`: who it is to the server (client id
 * and the next mutation id), which team it belongs to, and how the last sync went.
 */
import type { Member, Team } from '../schemas';
import type { QaLensDatabase } from './database';

/** The client's identity to the server. Created once per browser profile, never restored from a backup. */
export interface SyncClientRow {
  key: 'client';
  /** A UUID the server ties to the member who first pushes with it. */
  clientId: string;
  /** The id the next outbox entry gets. */
  nextMutationId: number;
}

/** The team this browser syncs with, from joining until leaving. */
export interface TeamLinkRow {
  key: 'link';
  /** `https://qa.example.com` (no trailing slash). */
  serverUrl: string;
  team: Team;
  member: Member;
  /** The bearer token; the server keeps only its hash. */
  token: string;
  expiresAt: number;
  /** The team revision this browser has pulled up to. */
  cursor: number;
  joinedAt: number;
}

export type SyncPhase = 'synced' | 'syncing' | 'offline' | 'error' | 'signed-out';

/** A change the server refused for good (not a network failure), set aside so the rest can flow. */
export interface RejectedChange {
  mutationId: number;
  kind: string;
  key: string;
  reason: string;
  at: number;
}

/** How syncing goes, for the status line, the badge and the backoff. Survives the worker being stopped. */
export interface SyncStatusRow {
  key: 'status';
  phase: SyncPhase;
  /** The last error as the user should read it; empty when the last sync worked. */
  error: string;
  lastSyncedAt: number | null;
  /** Failed attempts in a row, for the backoff. */
  failures: number;
  /** No sync before this time (backoff or the server's Retry-After); null = any time. */
  retryAt: number | null;
  rejected: RejectedChange[];
}

export type SyncStateRow = SyncClientRow | TeamLinkRow | SyncStatusRow;

export const IDLE_STATUS: SyncStatusRow = Object.freeze({
  key: 'status',
  phase: 'synced',
  error: '',
  lastSyncedAt: null,
  failures: 0,
  retryAt: null,
  rejected: [],
}) as SyncStatusRow;

/** The client row, created on first use. Call inside a transaction that includes `syncState`. */
export async function syncClient(db: QaLensDatabase): Promise<SyncClientRow> {
  const stored = (await db.syncState.get('client')) as SyncClientRow | undefined;
  if (stored) return stored;
  const created: SyncClientRow = { key: 'client', clientId: crypto.randomUUID(), nextMutationId: 1 };
  await db.syncState.put(created);
  return created;
}

export async function getTeamLink(db: QaLensDatabase): Promise<TeamLinkRow | undefined> {
  return (await db.syncState.get('link')) as TeamLinkRow | undefined;
}

export async function getSyncStatus(db: QaLensDatabase): Promise<SyncStatusRow> {
  return ((await db.syncState.get('status')) as SyncStatusRow | undefined) ?? IDLE_STATUS;
}

export async function saveSyncStatus(db: QaLensDatabase, change: Partial<Omit<SyncStatusRow, 'key'>>): Promise<SyncStatusRow> {
  return db.transaction('rw', db.syncState, async () => {
    const next: SyncStatusRow = { ...(await getSyncStatus(db)), ...change, key: 'status' };
    await db.syncState.put(next);
    return next;
  });
}
