/**
 * Reading and writing many records at once: evaluations page by page for exports of any size, and
 * imports written all or nothing.
 */
import type { Evaluation, ImportedTicket, KpiRecord, Scorecard } from '../schemas';
import { redactEvaluation } from '../privacy';
import { audit } from './audit';
import { put, recordChanges, writeTransaction } from './changes';
import type { QaLensDatabase } from './database';
import { getRedactionRules } from './privacy';

/** Thrown when an import cannot be written as a whole; nothing was written. */
export class ImportRefused extends Error {
  override name = 'ImportRefused';
}

export const EXPORT_PAGE_SIZE = 500;

/**
 * Every evaluation, in primary-key order (ids are time-ordered), one page at a time: each page is
 * its own short read, keyed on the last id seen, so memory holds one page and no transaction is
 * kept open while the caller writes the page out.
 */
export async function* evaluationPages(db: QaLensDatabase, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<Evaluation[]> {
  let last: string | undefined;
  for (;;) {
    const query = last === undefined ? db.evaluations.orderBy(':id') : db.evaluations.where(':id').above(last);
    const page = await query.limit(pageSize).toArray();
    if (page.length === 0) return;
    yield page;
    last = page.at(-1)!.id;
    if (page.length < pageSize) return;
  }
}

export function countEvaluations(db: QaLensDatabase): Promise<number> {
  return db.evaluations.count();
}

/** Writes the evaluations in one transaction; refuses the whole import if any id is already stored. */
export async function importEvaluations(db: QaLensDatabase, evaluations: readonly Evaluation[], now = Date.now()): Promise<void> {
  const rules = await getRedactionRules(db);
  const redacted = evaluations.map((e) => redactEvaluation(e, rules));
  await writeTransaction(db, [db.evaluations], async () => {
    const stored = await db.evaluations.bulkGet(redacted.map((e) => e.id));
    const clash = stored.find((e) => e !== undefined);
    if (clash) throw new ImportRefused(`Evaluation ${clash.id} is already in this profile. Nothing was imported.`);
    await db.evaluations.bulkAdd(redacted);
    await recordChanges(db, redacted.map((e) => put('evaluation', e)), 'own', now);
    await audit(db, { action: 'import', summary: `${redacted.length} evaluations imported from CSV.` }, now);
  });
}

/** Ids of these evaluations that are already stored, to report them before the user confirms. */
export async function storedEvaluationIds(db: QaLensDatabase, ids: readonly string[]): Promise<Set<string>> {
  const keys = await db.evaluations.where(':id').anyOf([...ids]).primaryKeys();
  return new Set(keys);
}

/** Writes KPI records in one transaction. */
export async function importKpis(db: QaLensDatabase, records: readonly KpiRecord[], now = Date.now()): Promise<void> {
  await writeTransaction(db, [db.kpis], async () => {
    await db.kpis.bulkAdd([...records]);
    await recordChanges(db, records.map((r) => put('kpi', r)), 'own', now);
    await audit(db, { action: 'import', summary: `${records.length} KPI records imported from CSV.` }, now);
  });
}

/**
 * Writes a ticket list and the CSAT answers it carried in one transaction. A ticket already listed
 * is replaced by the newer import: the list is a set of candidates, keyed by ticket.
 */
export async function importTicketList(db: QaLensDatabase, tickets: readonly ImportedTicket[], kpis: readonly KpiRecord[], now = Date.now()): Promise<void> {
  await writeTransaction(db, [db.importedTickets, db.kpis], async () => {
    await db.importedTickets.bulkPut([...tickets]);
    await db.kpis.bulkAdd([...kpis]);
    await recordChanges(db, kpis.map((r) => put('kpi', r)), 'own', now);
    await audit(db, { action: 'import', summary: `Ticket list imported from CSV: ${tickets.length} tickets, ${kpis.length} CSAT answers.` }, now);
  });
}

/** Every stored scorecard version, archived ones included: imports match rows against the exact version. */
export function listScorecardVersions(db: QaLensDatabase): Promise<Scorecard[]> {
  return db.scorecards.toArray();
}
