/**
 * Export a person's data and Erase a person (Settings → Privacy). Both read every table the person
 * can be in, through lib/privacy/person.ts, and both are on the audit log, which names neither the
 * person nor what was said about them.
 */
import { findPersonRecords, PERSON_TABLE_SHARED_AS, PERSON_TABLES, planErasure, type PersonQuery, type PersonRecords, type PersonTable, type PersonTables } from '../privacy/person';
import { emailFingerprint, isEmailAddress } from '../privacy/email-fingerprint';
import { erasureRows } from '../privacy/erasure-list';
import { syncKey } from '../schemas';
import { audit, auditAlone } from './audit';
import { put, recordChanges, remove, writeTransaction, type RecordChange } from './changes';
import type { QaLensDatabase } from './database';
import { addToErasureList, erasureSalt } from './erasures';

const tablesOf = (db: QaLensDatabase) => PERSON_TABLES.map((name) => db.table(name));

async function readPersonTables(db: QaLensDatabase): Promise<PersonTables> {
  const rows = await Promise.all(PERSON_TABLES.map((name) => db.table(name).toArray()));
  return Object.fromEntries(PERSON_TABLES.map((name, i) => [name, rows[i]])) as unknown as PersonTables;
}

/**
 * The query with the fingerprint a customer's email is stored as (see email-fingerprint.ts).
 * Worked out before any transaction opens: awaiting the hash inside one would end it early.
 */
async function fingerprinted(query: PersonQuery): Promise<PersonQuery> {
  const value = query.value.trim();
  return query.kind === 'customer' && isEmailAddress(value) ? { kind: query.kind, value, emailSha256: await emailFingerprint(value) } : { kind: query.kind, value };
}

export type PersonCounts = Record<PersonTable, { about: number; mentioning: number }>;

const countsOf = (records: PersonRecords): PersonCounts =>
  Object.fromEntries(PERSON_TABLES.map((t) => [t, { about: records.about[t].length, mentioning: records.mentioning[t].length }])) as PersonCounts;

/** How many rows of each table are about the person or mention them; changes nothing. */
export async function findPerson(db: QaLensDatabase, query: PersonQuery): Promise<PersonCounts> {
  return countsOf(findPersonRecords(await readPersonTables(db), await fingerprinted(query)));
}

export interface PersonExport {
  format: 'qa-lens-person-data';
  exportedAt: number;
  person: PersonQuery;
  about: PersonRecords['about'];
  mentioning: PersonRecords['mentioning'];
}

/** Everything held about the person, as one JSON document; the export is logged, the person is not named in the log. */
export async function exportPersonData(db: QaLensDatabase, query: PersonQuery, now: number, reference = ''): Promise<PersonExport> {
  const records = findPersonRecords(await readPersonTables(db), await fingerprinted(query));
  const total = PERSON_TABLES.reduce((n, t) => n + records.about[t].length + records.mentioning[t].length, 0);
  await auditAlone(db, { action: 'subject.export', summary: `Data held about ${article(query)} exported on request${referenceNote(reference)}: ${total} records.` }, now);
  return { format: 'qa-lens-person-data', exportedAt: now, person: { kind: query.kind, value: query.value.trim() }, ...records };
}

export interface ErasureSummary {
  removed: number;
  rewritten: number;
  byTable: Record<PersonTable, { removed: number; rewritten: number }>;
}

/**
 * Erases the person in one transaction: rows about them are deleted, rows that mention them are
 * rewritten without them. Deleted shared records become tombstones for the team server and
 * rewritten ones new versions, so other members' browsers drop them too. What it deleted and
 * rewrote, and the customer's fingerprints, go on the erasure list in the same transaction, so a
 * backup restored later or a change pulled late cannot bring them back (lib/privacy/erasure-list.ts).
 * Backups already downloaded are files outside QA Lens: the page says so.
 */
export async function erasePerson(db: QaLensDatabase, asked: PersonQuery, now: number, reference = ''): Promise<ErasureSummary> {
  const query = await fingerprinted(asked);
  return writeTransaction(db, [...tablesOf(db), db.erasures], async () => {
    const records = findPersonRecords(await readPersonTables(db), query);
    const plan = planErasure(records, query, now);
    const changes: RecordChange[] = [];
    const byTable = {} as ErasureSummary['byTable'];
    for (const name of PERSON_TABLES) {
      const table = db.table(name);
      const keyPath = table.schema.primKey.keyPath as string;
      const removed = plan.remove[name] as Record<string, unknown>[];
      const rewritten = plan.rewrite[name] as Record<string, unknown>[];
      await table.bulkDelete(removed.map((row) => row[keyPath] as never));
      await table.bulkPut(rewritten);
      const kind = PERSON_TABLE_SHARED_AS[name];
      if (kind) {
        changes.push(...removed.map((row) => remove(kind, syncKey(kind, row as never))));
        changes.push(...rewritten.map((row) => put(kind, row as never)));
      }
      byTable[name] = { removed: removed.length, rewritten: rewritten.length };
    }
    const customer = query.kind === 'customer' ? { tickets: records.about.tickets, names: isEmailAddress(query.value) ? [] : [query.value], emailSha256: query.emailSha256 } : null;
    await addToErasureList(db, erasureRows(plan, customer, await erasureSalt(db, now), now));
    await scrubOutbox(db, changes);
    await recordChanges(db, changes, 'own', now);
    const removedTotal = Object.values(byTable).reduce((n, t) => n + t.removed, 0);
    const rewrittenTotal = Object.values(byTable).reduce((n, t) => n + t.rewritten, 0);
    await audit(
      db,
      { action: 'erasure', summary: `${capitalised(article(query))} erased on request${referenceNote(reference)}: ${removedTotal} records deleted, ${rewrittenTotal} rewritten without them.` },
      now,
    );
    return { removed: removedTotal, rewritten: rewrittenTotal, byTable };
  });
}

/**
 * Changes still waiting to be pushed hold the rows as they were: a put of a record the erasure
 * deletes becomes a delete under the same mutation id, and a put of a rewritten one carries the
 * rewritten row, so the person does not wait in the outbox for the next sync (nor reach the server).
 */
async function scrubOutbox(db: QaLensDatabase, changes: readonly RecordChange[]): Promise<void> {
  const latest = new Map(changes.map((c) => [`${c.kind} ${c.op === 'put' ? syncKey(c.kind, c.record as never) : c.key}`, c]));
  const pending = await db.outbox.toArray();
  const scrubbed = pending.flatMap((entry) => {
    const change = entry.op === 'put' ? latest.get(`${entry.kind} ${entry.key}`) : undefined;
    if (!change) return [];
    return [change.op === 'delete' ? { ...entry, op: 'delete' as const, record: null } : { ...entry, record: change.record }];
  });
  await db.outbox.bulkPut(scrubbed);
}

const article = (query: PersonQuery) => (query.kind === 'customer' ? 'a customer' : 'an agent');
const capitalised = (text: string) => text[0]!.toUpperCase() + text.slice(1);
const referenceNote = (reference: string) => (reference.trim() ? ` (request ${reference.trim().slice(0, 80)})` : '');
