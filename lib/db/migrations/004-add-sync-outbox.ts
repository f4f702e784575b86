import type { Dexie } from 'dexie';

/**
 * Version 4: team sync. `outbox` holds this browser's writes of shared records until the team
 * server has them, keyed by the client's mutation id (1, 2, 3…, so the primary key is the send
 * order). `syncState` keeps the client's id and next mutation id, the team link and the sync
 * status, apart from `settings` so that a restored backup can never bring another browser's
 * client id or token. `members` is the team as the server last described it. No rows change.
 */
export function addSyncOutbox(db: Dexie): void {
  db.version(4).stores({
    outbox: 'mutationId',
    syncState: 'key',
    members: 'id',
  });
}
