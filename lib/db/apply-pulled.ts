/**
 * Writes one page of changes pulled from the team server, with the new cursor, in one transaction:
 * a worker stopped half-way through a page leaves the old cursor and none of the page, so the next
 * pull asks for the same page again.
 */
import type { Table } from 'dexie';
import {
  SYNC_RECORD_SCHEMAS,
  TEAM_SETTINGS_KEY,
  type Change,
  type Member,
  type SyncKind,
} from '../schemas';
import { withAgentAnswers } from '../feedback/with-agent-answers';
import { redactRecord } from '../privacy';
import { PERSON_TABLE_SHARED_AS, type PersonTable } from '../privacy/person';
import { put, recordChanges, remove, writeTransaction, type RecordChange } from './changes';
import type { QaLensDatabase } from './database';
import { readErasureCheck } from './erasures';
import { getRedactionRules } from './privacy';
import { getTeamLink, type TeamLinkRow } from './sync-state';

export interface AppliedPage {
  /** Changes written (puts and deletes). */
  applied: number;
  /** Changes left alone because this browser has its own newer write of the record waiting to go out. */
  keptLocal: number;
  /**
   * Puts refused because they would bring back a person erased on request here (a member's browser
   * that had not yet heard of the erasure, lib/privacy/erasure-list.ts): the erasure is sent again.
   */
  keptErased: number;
  /** Changes whose record this QA Lens could not read (a newer server's shape): skipped, named in the log. */
  unreadable: string[];
  kinds: SyncKind[];
}

function tableOf(db: QaLensDatabase, kind: SyncKind): Table | null {
  const tables: Partial<Record<SyncKind, Table>> = {
    scorecard: db.scorecards,
    evaluation: db.evaluations,
    ticket: db.tickets,
    acknowledgement: db.acknowledgements,
    dispute: db.disputes,
    'coaching-plan': db.coachingPlans,
    kpi: db.kpis,
    member: db.members,
    'monitoring-plan': db.monitoringPlans,
    sample: db.samples,
    'calibration-session': db.calibrationSessions,
  };
  return tables[kind] ?? null;
}

/** The table a shared kind is stored in, where a person can be erased from it. */
const PERSON_TABLE_OF = Object.fromEntries(Object.entries(PERSON_TABLE_SHARED_AS).map(([table, kind]) => [kind, table])) as Partial<Record<SyncKind, PersonTable>>;

/** The local primary key of a synced key: scorecard versions are `[id, version]`. */
function localKey(kind: SyncKind, key: string): string | [string, number] {
  if (kind !== 'scorecard') return key;
  const at = key.lastIndexOf('@');
  return [key.slice(0, at), Number(key.slice(at + 1))];
}

/** What a page leaves of each record: its last put, or a delete. Later changes of a key win. */
type Outcome = { kind: SyncKind; key: string; record: unknown };

/** Writes a page's outcomes with one bulk call per table and operation. */
async function writeAll(db: QaLensDatabase, outcomes: Iterable<Outcome>): Promise<void> {
  const puts = new Map<SyncKind, unknown[]>();
  const deletes = new Map<SyncKind, (string | [string, number])[]>();
  for (const { kind, key, record } of outcomes) {
    if (kind === 'team-settings') {
      if (record === null) await db.settings.delete(TEAM_SETTINGS_KEY);
      else await db.settings.put({ key: TEAM_SETTINGS_KEY, value: record });
    } else if (record === null) {
      if (!deletes.has(kind)) deletes.set(kind, []);
      deletes.get(kind)!.push(localKey(kind, key));
    } else {
      if (!puts.has(kind)) puts.set(kind, []);
      puts.get(kind)!.push(record);
    }
  }
  for (const [kind, rows] of puts) await tableOf(db, kind)!.bulkPut(rows);
  for (const [kind, keys] of deletes) await tableOf(db, kind)!.bulkDelete(keys);
}

/**
 * Replays the agents' acknowledgements and disputes onto this browser's copies of their reviews.
 * Reads the answers of the whole page in two queries: a first sync brings thousands of reviews.
 */
async function reconcileReviews(db: QaLensDatabase, evaluationIds: ReadonlySet<string>, now: number): Promise<void> {
  const ids = [...evaluationIds];
  const [acknowledgements, disputes] = await Promise.all([
    db.acknowledgements.where('evaluationId').anyOf(ids).toArray(),
    db.disputes.where('evaluationId').anyOf(ids).toArray(),
  ]);
  const answered = new Set([...acknowledgements, ...disputes].map((a) => a.evaluationId));
  const derived: RecordChange[] = [];
  for (const evaluation of await db.evaluations.bulkGet([...answered])) {
    if (!evaluation) continue;
    const scorecard = await db.scorecards.get([evaluation.scorecardId, evaluation.scorecardVersion]);
    const titles = new Map(scorecard?.sections.flatMap((s) => s.criteria.map((c) => [c.id, c.title] as const)) ?? []);
    const withAnswers = withAgentAnswers(
      evaluation,
      acknowledgements.filter((a) => a.evaluationId === evaluation.id),
      disputes.filter((d) => d.evaluationId === evaluation.id),
      titles,
    );
    if (withAnswers === evaluation) continue;
    await db.evaluations.put(withAnswers);
    derived.push(put('evaluation', withAnswers));
  }
  await recordChanges(db, derived, 'derived', now);
}

/** This browser's copy of a record, parsed and redacted as a pulled one is, so the two compare alike. */
async function storedAsPulled(db: QaLensDatabase, kind: SyncKind, key: string, rules: Awaited<ReturnType<typeof getRedactionRules>>): Promise<unknown> {
  const stored: unknown = await tableOf(db, kind)?.get(localKey(kind, key) as never);
  const parsed = stored === undefined ? undefined : SYNC_RECORD_SCHEMAS[kind].safeParse(stored);
  return parsed?.success ? redactRecord(kind, parsed.data, rules) : undefined;
}

/**
 * Tells the team server again what this browser's erasure left of records a pulled put would have
 * brought back: the rewritten version where it keeps one, otherwise the delete. As this member's own
 * change (their role permitting), so the server's copy becomes a tombstone again and the other
 * members' browsers drop it once more. The version sent back on the next pull is the one kept, so
 * this settles after one round.
 */
async function eraseAgain(db: QaLensDatabase, refused: readonly { kind: SyncKind; key: string }[], now: number): Promise<void> {
  const changes: RecordChange[] = [];
  for (const { kind, key } of new Map(refused.map((r) => [`${r.kind} ${r.key}`, r])).values()) {
    const kept: unknown = await tableOf(db, kind)!.get(localKey(kind, key) as never);
    changes.push(kept ? put(kind, kept as never) : remove(kind, key));
  }
  await recordChanges(db, changes, 'own', now);
}

/**
 * Applies a page and moves the cursor to `cursor`. Returns null when the browser left the team
 * while the page was on its way (nothing is written then).
 */
export function applyPulledPage(db: QaLensDatabase, changes: readonly Change[], cursor: number, now: number): Promise<AppliedPage | null> {
  const tables = [db.scorecards, db.evaluations, db.tickets, db.acknowledgements, db.disputes, db.coachingPlans, db.kpis, db.members, db.settings, db.monitoringPlans, db.samples, db.calibrationSessions, db.erasures];
  return writeTransaction(db, tables, async () => {
    const link = await getTeamLink(db);
    if (!link) return null;
    const rules = await getRedactionRules(db);
    const pending = new Set((await db.outbox.toArray()).map((e) => `${e.kind} ${e.key}`));
    const erased = await readErasureCheck(db);
    const erasedAgain: { kind: SyncKind; key: string }[] = [];
    const result: AppliedPage = { applied: 0, keptLocal: 0, keptErased: 0, unreadable: [], kinds: [] };
    const reviews = new Set<string>();
    let member: Member | undefined;
    const outcomes = new Map<string, Outcome>();
    for (const change of changes) {
      if (pending.has(`${change.kind} ${change.key}`)) {
        // The server will apply this browser's write after this one (arrival order), and send it back.
        result.keptLocal++;
        continue;
      }
      let record: unknown = null;
      if (change.op === 'put') {
        const parsed = SYNC_RECORD_SCHEMAS[change.kind].safeParse(change.record);
        if (!parsed.success) {
          result.unreadable.push(`${change.kind} ${change.key}`);
          continue;
        }
        // What another browser shared is redacted here too, by this team's rules: it may come from an older version.
        record = redactRecord(change.kind, parsed.data, rules);
        const table = PERSON_TABLE_OF[change.kind];
        const stored = table && erased.wasRewritten(table, record) ? await storedAsPulled(db, change.kind, change.key, rules) : undefined;
        if (table && erased.erased(table, record, stored)) {
          result.keptErased++;
          erasedAgain.push({ kind: change.kind, key: change.key });
          continue;
        }
      }
      const ref = `${change.kind} ${change.key}`;
      outcomes.delete(ref);
      outcomes.set(ref, { kind: change.kind, key: change.key, record });
      if (change.kind === 'evaluation') reviews.add(change.key);
      if ((change.kind === 'acknowledgement' || change.kind === 'dispute') && record) reviews.add((record as { evaluationId: string }).evaluationId);
      if (change.kind === 'member' && change.key === link.member.id && record) member = record as Member;
      result.applied++;
      if (!result.kinds.includes(change.kind)) result.kinds.push(change.kind);
    }
    await writeAll(db, outcomes.values());
    const written = [...outcomes.values()].map((o): RecordChange => (o.record === null ? { kind: o.kind, op: 'delete', key: o.key } : put(o.kind, o.record as never)));
    await recordChanges(db, written, 'remote', now);
    await reconcileReviews(db, reviews, now);
    await eraseAgain(db, erasedAgain, now);
    const next: TeamLinkRow = { ...link, cursor, member: member ?? link.member };
    await db.syncState.put(next);
    return result;
  });
}
