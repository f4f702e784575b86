/**
 * The audit log: append-only. Entries are written in the same transaction as the action they
 * record, where it is a database write (see `writeTransaction`, which opens this table for every
 * write), so an action is never stored without its entry or logged without having happened.
 * Nothing here updates or deletes an entry, no page offers to, and a restored backup cannot bring
 * entries back or over: the table is not among the backup's tables.
 */
import { newId } from '../ids';
import type { AuditAction, AuditEntry } from '../schemas';
import type { QaLensDatabase } from './database';
import { getProfile } from './settings';

export interface AuditInput {
  action: AuditAction;
  target?: string;
  summary: string;
  /** Defaults to this browser's profile. */
  actor?: AuditEntry['actor'];
}

/** The extension acting on its own (the retention purge, a migration). */
export const SYSTEM_ACTOR: AuditEntry['actor'] = { name: 'QA Lens', role: 'system' };

/** The tables `audit` reads and writes: the log, and the profile (with the team link) that names the actor. */
export function auditTables(db: QaLensDatabase) {
  return [db.auditLog, db.settings, db.syncState];
}

/** Appends one entry; call it inside the action's own transaction, which must include `auditTables`. */
export async function audit(db: QaLensDatabase, input: AuditInput, now: number): Promise<AuditEntry> {
  const { name, role } = input.actor ?? (await profileActor(db));
  const actor = { name, role };
  const entry: AuditEntry = { id: newId(), at: now, actor, action: input.action, target: input.target ?? '', summary: input.summary };
  await db.auditLog.add(entry);
  return entry;
}

async function profileActor(db: QaLensDatabase): Promise<AuditEntry['actor']> {
  const profile = await getProfile(db);
  return { name: profile.name || 'Unnamed user', role: profile.role };
}

/** Logs an action that wrote nothing (an export, a download) in a transaction of its own. */
export function auditAlone(db: QaLensDatabase, input: AuditInput, now: number): Promise<AuditEntry> {
  // An async body, not one returning audit()'s promise: Dexie must see the awaits inside its zone.
  return db.transaction('rw', auditTables(db), async () => await audit(db, input, now));
}

export interface AuditQuery {
  action?: AuditAction;
  /** Text the actor, target or summary contains, any case. */
  text?: string;
  from?: number;
  to?: number;
}

/** Entries matching the query, newest first. */
export async function listAuditLog(db: QaLensDatabase, query: AuditQuery = {}): Promise<AuditEntry[]> {
  const needle = query.text?.trim().toLocaleLowerCase() ?? '';
  const rows = await db.auditLog
    .orderBy('at')
    .reverse()
    .filter(
      (e) =>
        (!query.action || e.action === query.action) &&
        (query.from === undefined || e.at >= query.from) &&
        (query.to === undefined || e.at <= query.to) &&
        (!needle || `${e.actor.name} ${e.target} ${e.summary}`.toLocaleLowerCase().includes(needle)),
    )
    .toArray();
  return rows;
}
