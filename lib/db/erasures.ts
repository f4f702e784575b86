/**
 * Reads and writes the erasure list (lib/privacy/erasure-list.ts says what it holds and why). The
 * list is this browser's own: not among the backup's tables (a restore can neither shrink nor forge
 * it), never shared with the team server.
 */
import { erasureCheck, newSalt, SALT_REF, type ErasureCheck, type ErasureRow } from '../privacy/erasure-list';
import type { QaLensDatabase } from './database';

/** The check of the stored list; call inside the transaction that writes what it lets through (it must include `db.erasures`). */
export async function readErasureCheck(db: QaLensDatabase): Promise<ErasureCheck> {
  return erasureCheck(await db.erasures.toArray());
}

/** This profile's salt for name fingerprints, made (and stored) on first use; inside a transaction that includes `db.erasures`. */
export async function erasureSalt(db: QaLensDatabase, now: number): Promise<string> {
  const stored = await db.erasures.get(SALT_REF);
  if (stored?.kind === 'salt') return stored.salt;
  const salt = newSalt();
  const row: ErasureRow = { ref: SALT_REF, kind: 'salt', salt, at: now };
  await db.erasures.put(row);
  return salt;
}

/** Adds an erasure's rows: a record erased again (deleted after a rewrite) takes its latest state. */
export async function addToErasureList(db: QaLensDatabase, rows: readonly ErasureRow[]): Promise<void> {
  await db.erasures.bulkPut([...rows]);
}
