/**
 * The retention purge: deletes ticket snapshots and evaluations older than the team keeps them.
 * It runs in batches, each its own transaction that also moves a progress row forward, so a worker
 * stopped half-way leaves what it deleted deleted and the next run carries on; the audit entry is
 * written with the last batch, once, with the counts of the whole run. Deletes of shared records go
 * through `recordChanges` as tombstones, so the team server forgets them too.
 */
import { retentionCutoffs } from '../privacy/retention';
import type { Evaluation, TicketSnapshot } from '../schemas';
import { audit, SYSTEM_ACTOR } from './audit';
import { recordChanges, remove, writeTransaction, type RecordChange } from './changes';
import type { QaLensDatabase } from './database';
import { getTeamSettings } from './settings';

const RUN_KEY = 'retention-run';
export const PURGE_BATCH = 200;

export interface PurgeCounts {
  tickets: number;
  evaluations: number;
  acknowledgements: number;
  disputes: number;
}

interface RunRow {
  key: typeof RUN_KEY;
  value: { startedAt: number; counts: PurgeCounts };
}

const ZERO: PurgeCounts = { tickets: 0, evaluations: 0, acknowledgements: 0, disputes: 0 };

/** When an evaluation counts from: its submission, or a draft's last change. */
const evaluationTime = (e: Evaluation) => e.submittedAt ?? e.updatedAt;

/** Runs the purge to the end (or for `maxBatches`); returns the counts of the whole run, earlier interrupted batches included. */
export async function purgeExpired(db: QaLensDatabase, now: number, options: { batch?: number; maxBatches?: number } = {}): Promise<PurgeCounts & { done: boolean }> {
  const { retention } = (await getTeamSettings(db)).privacy;
  const cutoffs = retentionCutoffs(retention, now);
  const batch = options.batch ?? PURGE_BATCH;
  for (let n = 0; n < (options.maxBatches ?? Infinity); n++) {
    const result = await purgeBatch(db, cutoffs, batch, now);
    if (result.done) return result;
  }
  const row = (await db.settings.get(RUN_KEY)) as RunRow | undefined;
  return { ...(row?.value.counts ?? ZERO), done: false };
}

async function purgeBatch(db: QaLensDatabase, cutoffs: ReturnType<typeof retentionCutoffs>, batch: number, now: number): Promise<PurgeCounts & { done: boolean }> {
  return writeTransaction(db, [db.tickets, db.evaluations, db.acknowledgements, db.disputes, db.settings], async () => {
    const run = ((await db.settings.get(RUN_KEY)) as RunRow | undefined)?.value ?? { startedAt: now, counts: { ...ZERO } };
    const tickets: TicketSnapshot[] = cutoffs.tickets === null ? [] : await db.tickets.filter((t) => t.capturedAt < cutoffs.tickets!).limit(batch).toArray();
    const evaluations: Evaluation[] =
      cutoffs.evaluations === null ? [] : await db.evaluations.filter((e) => evaluationTime(e) < cutoffs.evaluations!).limit(batch).toArray();
    const ids = evaluations.map((e) => e.id);
    const [acknowledgements, disputes] = await Promise.all([db.acknowledgements.where('evaluationId').anyOf(ids).toArray(), db.disputes.where('evaluationId').anyOf(ids).toArray()]);

    await db.tickets.bulkDelete(tickets.map((t) => t.key));
    await db.evaluations.bulkDelete(ids);
    await db.acknowledgements.bulkDelete(acknowledgements.map((a) => a.id));
    await db.disputes.bulkDelete(disputes.map((d) => d.id));
    const changes: RecordChange[] = [
      ...tickets.map((t) => remove('ticket', t.key)),
      // A draft never reached the team server: it needs no tombstone.
      ...evaluations.filter((e) => e.status !== 'draft').map((e) => remove('evaluation', e.id)),
      ...acknowledgements.map((a) => remove('acknowledgement', a.id)),
      ...disputes.map((d) => remove('dispute', d.id)),
    ];
    await recordChanges(db, changes, 'own', now);

    const counts: PurgeCounts = {
      tickets: run.counts.tickets + tickets.length,
      evaluations: run.counts.evaluations + evaluations.length,
      acknowledgements: run.counts.acknowledgements + acknowledgements.length,
      disputes: run.counts.disputes + disputes.length,
    };
    const done = tickets.length < batch && evaluations.length < batch;
    if (!done) {
      await db.settings.put({ key: RUN_KEY, value: { startedAt: run.startedAt, counts } } satisfies RunRow);
      return { ...counts, done };
    }
    await db.settings.delete(RUN_KEY);
    const total = counts.tickets + counts.evaluations + counts.acknowledgements + counts.disputes;
    if (total > 0) {
      await audit(
        db,
        {
          action: 'retention.purge',
          summary: `Retention purge: ${counts.tickets} ticket snapshots, ${counts.evaluations} evaluations, ${counts.acknowledgements} acknowledgements and ${counts.disputes} disputes past their retention period deleted.`,
          actor: SYSTEM_ACTOR,
        },
        now,
      );
    }
    return { ...counts, done };
  });
}
