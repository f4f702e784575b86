/**
 * Every write of a record the team shares goes through `recordChanges`, inside the write's own
 * transaction, so the record and its outbox entry are stored together or not at all: a worker
 * killed between the two cannot lose a change or send one that was rolled back.
 *
 * Where a change comes from decides what happens to it:
 * - `own`: this user wrote it (a review, an acknowledgement). In a team it gets an outbox entry
 *   with the client's next mutation id, for the worker to push.
 * - `derived`: a local consequence of someone else's record (the agent's copy of a review turning
 *   "acknowledged" when they acknowledge it; the acknowledgement itself is theirs to share).
 * - `remote`: pulled from the team server. Never sent back.
 *
 * Whatever the origin, the dashboard's report rows of changed evaluations are brought in step here
 * (lib/db/report-rows.ts), so every write that calls this keeps the reports exact.
 */
import type { Table } from 'dexie';
import { syncKey, type SyncKind, type SyncRecordOf } from '../schemas';
import { refusalFor } from '../sync/write-rules';
import { auditTables } from './audit';
import type { QaLensDatabase } from './database';
import { measured } from '../measured';
import { maintainReportRows } from './report-rows';
import { getTeamLink, syncClient } from './sync-state';

export type ChangeOrigin = 'own' | 'derived' | 'remote';

export type RecordChange = {
  [K in SyncKind]: { kind: K; op: 'put'; record: SyncRecordOf<K> } | { kind: K; op: 'delete'; key: string };
}[SyncKind];

export interface OutboxEntry {
  mutationId: number;
  kind: SyncKind;
  key: string;
  op: 'put' | 'delete';
  record: unknown;
  queuedAt: number;
}

/**
 * The tables a transaction that calls `recordChanges` must include, besides its own: the outbox,
 * the audit log with the profile it names as the actor (see `audit` in ./audit.ts), so every
 * write can log itself in its own transaction, and the report days its evaluations' rows live in.
 */
export function changeTables(db: QaLensDatabase): Table[] {
  return [db.outbox, ...auditTables(db), db.reportDays, db.reportDayIds];
}

/** A read-write transaction over `tables` that may record changes of shared records. */
export function writeTransaction<T>(db: QaLensDatabase, tables: Table[], body: () => Promise<T>): Promise<T> {
  return db.transaction('rw', [...new Set([...tables, ...changeTables(db)])], body);
}

export const put = <K extends SyncKind>(kind: K, record: SyncRecordOf<K>) => ({ kind, op: 'put', record }) as RecordChange;
export const remove = (kind: SyncKind, key: string) => ({ kind, op: 'delete', key }) as RecordChange;

const keyOf = (change: RecordChange) => (change.op === 'put' ? syncKey(change.kind, change.record as never) : change.key);

/** Drafts never leave the browser that wrote them; nothing else is held back here. */
const isDraft = (change: RecordChange) => change.kind === 'evaluation' && change.op === 'put' && change.record.status === 'draft';

/**
 * Records changes the caller has just written, in the caller's transaction (see `writeTransaction`):
 * report rows follow every change of an evaluation, from any origin. Outside a team nothing is
 * queued; in a team, the member's own changes are queued for the server, except those their role
 * may not write (they stay local: the server would refuse them).
 */
export async function recordChanges(
  db: QaLensDatabase,
  changes: readonly RecordChange[],
  origin: ChangeOrigin = 'own',
  now = Date.now(),
  /** false only where the same transaction marks every report row for rebuilding (`rebuildReportRows`). */
  { reportRows = true } = {},
): Promise<void> {
  if (changes.length === 0) return;
  // Measured so `npm run bench` can tell what keeping the rows costs a write.
  if (reportRows) await measured('qa-lens:report-rows-upkeep', () => maintainReportRows(db, changes));
  if (origin === 'own') await queueForTeam(db, changes, now);
}

async function queueForTeam(db: QaLensDatabase, changes: readonly RecordChange[], now: number): Promise<void> {
  const link = await getTeamLink(db);
  if (!link) return;
  const shared = changes.filter((change) => !isDraft(change) && refusalFor(link.member.role, change.kind, change.op === 'put' ? change.record : null) === null);
  if (shared.length === 0) return;
  const client = await syncClient(db);
  const entries = shared.map(
    (change, i): OutboxEntry => ({
      mutationId: client.nextMutationId + i,
      kind: change.kind,
      key: keyOf(change),
      op: change.op,
      record: change.op === 'put' ? change.record : null,
      queuedAt: now,
    }),
  );
  await db.outbox.bulkAdd(entries);
  await db.syncState.put({ ...client, nextMutationId: client.nextMutationId + entries.length });
}
