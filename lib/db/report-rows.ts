/**
 * The report rows the dashboard reads instead of every full evaluation: one stored day
 * (lib/reports/report-days.ts) per day with submissions, kept in step with the evaluations inside
 * the transaction of every write that changes them (`maintainReportRows`, called by
 * `recordChanges` for every origin), and built for evaluations stored before they existed by
 * `buildReportRows`, in batches that survive the page or worker being stopped.
 */
import { dayIds, decodeDay, dayOf, encodeDay, REPORT_ROWS_VERSION, reportRowsBuilt, type ReportDay } from '../reports/report-days';
import { toReportRow, type ReportRow } from '../reports/report-row';
import type { Evaluation } from '../schemas';
import type { RecordChange } from './changes';
import type { QaLensDatabase } from './database';

/** Where the build of report rows for existing evaluations stands. */
export interface ReportBuildRow {
  key: 'rows';
  /** The layout the stored days have (or are being rebuilt to). */
  version: number;
  /**
   * Evaluations submitted up to this time (ms) are built; -1 before the first batch, null once
   * every evaluation is. The build walks the submission index, so each batch fills a few days.
   */
  upTo: number | null;
  /** Evaluations built so far. */
  built: number;
}

/** What the changes mean for report rows: the new row of each changed evaluation, or null when it has none (deleted, or a draft). */
function rowChanges(changes: readonly RecordChange[]): Map<string, ReportRow | null> {
  const wanted = new Map<string, ReportRow | null>();
  for (const change of changes) {
    if (change.kind !== 'evaluation') continue;
    if (change.op === 'delete') wanted.set(change.key, null);
    else wanted.set(change.record.id, toReportRow(change.record) ?? null);
  }
  return wanted;
}

/** Below this many changed evaluations, each is looked up in the index on its own; above, one walk over the index covers them. */
const FEW_CHANGES = 50;

/** The stored day of each of these evaluations that has a report row. */
async function storedDays(db: QaLensDatabase, ids: readonly string[]): Promise<Map<string, number>> {
  const homes = new Map<string, number>();
  if (ids.length <= FEW_CHANGES) {
    const days = await Promise.all(ids.map((id) => db.reportDayIds.where('ids').equals(id).primaryKeys()));
    ids.forEach((id, i) => {
      const day = days[i]![0];
      if (day !== undefined) homes.set(id, day);
    });
    return homes;
  }
  const wanted = new Set(ids);
  const sorted = [...wanted].sort();
  await db.reportDayIds
    .where('ids')
    .between(sorted[0]!, sorted.at(-1)!, true, true)
    .eachKey((id, cursor) => {
      if (wanted.has(id as string)) homes.set(id as string, cursor.primaryKey as number);
    });
  return homes;
}

/**
 * Brings the report rows of the evaluations these changes touch in step with them. Must run in the
 * transaction that wrote the evaluations (`recordChanges` does), with `reportDays` and
 * `reportDayIds` in its scope (`changeTables`). A day in an older layout counts as empty: one is
 * only ever stored while the build state asks for every day to be built again.
 * A row always lives in the day of its evaluation's submission; the index finds where it was
 * before, for deletes and for a submission time that changed.
 */
export async function maintainReportRows(db: QaLensDatabase, changes: readonly RecordChange[], { homesKnown = false } = {}): Promise<void> {
  const wanted = rowChanges(changes);
  if (wanted.size === 0) return;
  const homes = homesKnown ? new Map<string, number>() : await storedDays(db, [...wanted.keys()]);

  const touched = new Set<number>(homes.values());
  for (const row of wanted.values()) if (row) touched.add(dayOf(row.submittedAt));
  const dayList = [...touched];
  const stored = await db.reportDays.bulkGet(dayList);
  const loaded = new Map(dayList.map((day, i) => [day, stored[i]?.version === REPORT_ROWS_VERSION ? decodeDay(stored[i]) : []]));

  const days = new Map<number, ReportRow[]>();
  for (const day of touched) days.set(day, loaded.get(day)!.filter((row) => !wanted.has(row.id)));
  for (const row of wanted.values()) if (row) days.get(dayOf(row.submittedAt))!.push(row);

  const emptied = [...days].filter(([, rows]) => rows.length === 0).map(([day]) => day);
  const kept = [...days].filter(([, rows]) => rows.length > 0).map(([day, rows]) => encodeDay(day, rows));
  if (emptied.length) await Promise.all([db.reportDays.bulkDelete(emptied), db.reportDayIds.bulkDelete(emptied)]);
  if (kept.length) await Promise.all([db.reportDays.bulkPut(kept), db.reportDayIds.bulkPut(kept.map(dayIds))]);
}

/** Every report row, oldest first, or undefined while the build for existing evaluations is unfinished. */
export async function readReportRows(db: QaLensDatabase): Promise<ReportRow[] | undefined> {
  return db.transaction('r', [db.reportDays, db.reportState], async () => {
    if (!reportRowsBuilt(await db.reportState.get('rows'))) return undefined;
    return rowsOfDays(await db.reportDays.toArray());
  });
}

/** The report rows of stored days read in key order, oldest first. */
export function rowsOfDays(days: readonly ReportDay[]): ReportRow[] {
  return days.flatMap(decodeDay);
}

/**
 * Drops every report row and marks them to be built again from the evaluations (in batches, with
 * the dashboard's progress bar), inside the caller's transaction, which must include `reportDays`,
 * `reportDayIds` and `reportState`. For writes of so many evaluations that keeping the rows row by row would cost
 * more than building them all again (a big restore).
 */
export async function rebuildReportRows(db: QaLensDatabase): Promise<void> {
  await Promise.all([db.reportDays.clear(), db.reportDayIds.clear()]);
  await db.reportState.delete('rows');
}

export interface BuildProgress {
  built: number;
  /** Submitted evaluations stored when the build started. */
  total: number;
}

export const BUILD_BATCH = 1_000;

/**
 * The next batch of evaluations by submission time after `upTo`, and the time it is complete up
 * to. A batch never splits the evaluations of one millisecond, so resuming after it misses none.
 */
async function nextBatch(db: QaLensDatabase, upTo: number, size: number): Promise<{ batch: Evaluation[]; upTo: number | null }> {
  const batch = await db.evaluations.where('submittedAt').above(upTo).limit(size).toArray();
  if (batch.length < size) return { batch, upTo: null };
  const last = batch.at(-1)!.submittedAt!;
  const complete = batch.filter((e) => e.submittedAt! < last);
  if (complete.length > 0) return { batch: complete, upTo: complete.at(-1)!.submittedAt! };
  // A whole batch submitted in one millisecond (an import can do that): take all of that millisecond.
  return { batch: await db.evaluations.where('submittedAt').equals(last).toArray(), upTo: last };
}

/**
 * Builds the report rows of every stored evaluation, one batch per transaction, resuming where the
 * last batch left off: after the upgrade that added them, or when their layout changed
 * (`REPORT_ROWS_VERSION`). Writes made meanwhile keep their own rows current (`maintainReportRows`),
 * so a batch that reaches them writes the same rows again. Returns at once when nothing is left.
 * Two pages (or a page and the worker) building at once take turns batch by batch.
 */
export async function buildReportRows(db: QaLensDatabase, onProgress?: (progress: BuildProgress) => void, batchSize = BUILD_BATCH): Promise<void> {
  if (reportRowsBuilt(await db.reportState.get('rows'))) return;
  const total = await db.evaluations.where('submittedAt').above(-1).count();
  for (;;) {
    const state = await db.transaction('rw', [db.evaluations, db.reportDays, db.reportDayIds, db.reportState], async () => {
      let current = await db.reportState.get('rows');
      if (reportRowsBuilt(current)) return current!;
      if (!current || current.version !== REPORT_ROWS_VERSION) {
        // No build yet, or days in an older layout: start over from an empty table.
        await Promise.all([db.reportDays.clear(), db.reportDayIds.clear()]);
        current = { key: 'rows', version: REPORT_ROWS_VERSION, upTo: -1, built: 0 };
      }
      const { batch, upTo } = await nextBatch(db, current.upTo ?? -1, batchSize);
      // Built in submission order, rows written meanwhile are in the days these land in.
      await maintainReportRows(db, batch.map((record) => ({ kind: 'evaluation', op: 'put', record }) as RecordChange), { homesKnown: true });
      const next: ReportBuildRow = { ...current, upTo, built: current.built + batch.length };
      await db.reportState.put(next);
      return next;
    });
    onProgress?.({ built: state.built, total: Math.max(total, state.built) });
    if (state.upTo === null) return;
  }
}
