/**
 * The worker's side of team sync: when rounds run (an alarm every minute, start-up, coming back
 * online, a few seconds after a page writes), that they never overlap, and who hears about the
 * result (open pages, the badge, the reminders). The round itself is `syncOnce` in lib/sync.
 */
import { browser } from 'wxt/browser';
import { openDatabase, type QaLensDatabase } from '../db';
import { getSyncStatus, getTeamLink, IDLE_STATUS } from '../db/sync-state';
import { unlinkTeam } from '../db/team-link';
import type { EventOf, TeamStatus } from '../messaging/contracts';
import { joinTeam } from '../sync/join-team';
import { createSyncApi } from '../sync/sync-api';
import { syncOnce, type SyncRound } from '../sync/sync-engine';
import { refreshBadge } from './badge';
import { runReminders } from './reminders';

export const SYNC_ALARM = 'team-sync';
const SYNC_EVERY_MINUTES = 1;
/** A local write is pushed this long after the page reports it, so a burst of writes goes in one round. */
export const SOON_MS = 3_000;
const LOCK_NAME = 'qa-lens-team-sync';

export async function teamStatus(db: QaLensDatabase): Promise<TeamStatus> {
  const [link, status, pending] = await Promise.all([getTeamLink(db), getSyncStatus(db), db.outbox.count()]);
  const shown = link ? status : IDLE_STATUS;
  return {
    team: link?.team ?? null,
    serverUrl: link?.serverUrl ?? null,
    member: link?.member ?? null,
    phase: shown.phase,
    error: shown.error,
    lastSyncedAt: shown.lastSyncedAt,
    retryAt: shown.retryAt,
    pending,
    rejected: shown.rejected.map(({ kind, key, reason, at }) => ({ kind, key, reason, at })),
  };
}

async function broadcast<N extends 'data/changed' | 'team/status'>(event: N, data: EventOf<N>): Promise<void> {
  // Rejects when no extension page is listening, which is normal.
  await browser.runtime.sendMessage({ event, data }).catch(() => undefined);
}

/** Tells everyone what a round changed: open pages, reminders (a new review has a deadline), the badge. */
async function announce(db: QaLensDatabase, round: SyncRound | null): Promise<void> {
  if (round && round.pulledKinds.length > 0) {
    await broadcast('data/changed', { kinds: round.pulledKinds });
    if (round.pulledKinds.some((k) => k === 'evaluation' || k === 'coaching-plan' || k === 'member')) await runReminders(db, Date.now());
  }
  await refreshBadge(db, Date.now());
  await broadcast('team/status', await teamStatus(db));
}

/** Runs `body` holding the sync lock, so two rounds never run at once even if two copies of the worker did. */
async function holdingLock<T>(body: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? locks.request(LOCK_NAME, body) : body();
}

let current: Promise<SyncRound | null> | null = null;
let again = false;

/**
 * One round now, or, if one is running, one more right after it (the running round may have read
 * the outbox before the write that asked for this one).
 */
export function runSync(db: QaLensDatabase = openDatabase(), options: { ignoreBackoff?: boolean } = {}): Promise<SyncRound | null> {
  if (current) {
    again = true;
    return current;
  }
  current = (async () => {
    let round: SyncRound | null = null;
    do {
      again = false;
      await broadcast('team/status', { ...(await teamStatus(db)), phase: 'syncing' });
      round = await holdingLock(() => syncOnce({ db }, options));
      await announce(db, round);
    } while (again);
    return round;
  })().finally(() => {
    current = null;
  });
  return current;
}

let soon: ReturnType<typeof setTimeout> | undefined;

/** A page wrote shared records: push them in a few seconds (the minute alarm covers a worker stopped meanwhile). */
export function syncSoon(db: QaLensDatabase = openDatabase()): void {
  clearTimeout(soon);
  soon = setTimeout(() => void runSync(db, { ignoreBackoff: true }).catch(console.error), SOON_MS);
}

async function keepAlarm(db: QaLensDatabase): Promise<void> {
  if (await getTeamLink(db)) {
    if (!(await browser.alarms.get(SYNC_ALARM))) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_EVERY_MINUTES });
  } else {
    await browser.alarms.clear(SYNC_ALARM);
  }
}

/** Joins a team, then keeps the minute alarm and syncs at once. */
export async function joinTeamAndSync(db: QaLensDatabase, input: { serverUrl: string; inviteCode: string }, now: number): Promise<TeamStatus> {
  await joinTeam(db, input, now);
  await keepAlarm(db);
  await runSync(db, { ignoreBackoff: true });
  return teamStatus(db);
}

/** Leaves the team: the server forgets this browser's token (if it can be reached), the browser keeps its records. */
export async function leaveTeam(db: QaLensDatabase): Promise<TeamStatus> {
  const link = await getTeamLink(db);
  if (link) await createSyncApi(link.serverUrl, link.token).leave().catch(() => undefined);
  await unlinkTeam(db);
  await keepAlarm(db);
  await announce(db, null);
  return teamStatus(db);
}

/** The worker's sync wiring: the minute alarm, start-up, install, and the network coming back. */
export function wireTeamSync(): void {
  const db = openDatabase();
  const start = () => void keepAlarm(db).then(() => runSync(db)).catch(console.error);
  browser.runtime.onStartup.addListener(start);
  browser.runtime.onInstalled.addListener(start);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void runSync(db).catch(console.error);
  });
  // Back online: try at once rather than wait out a backoff that grew while offline.
  globalThis.addEventListener?.('online', () => void runSync(db, { ignoreBackoff: true }).catch(console.error));
  // A worker woken for anything else (a message, a panel) syncs too: it may have been stopped mid-round.
  start();
}
