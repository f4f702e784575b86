import type { Dexie } from 'dexie';

/**
 * Version 9: the erasure list (lib/privacy/erasure-list.ts): one row per record Erase a person
 * deleted or rewrote, per fingerprint of an erased customer, and the profile's salt, keyed by `ref`
 * (`record <table> <key>`, `email <sha256>`, `name <fingerprint>`, `salt`). Restores and pulled
 * changes are checked against it so an erased person stays erased. Like the audit log it is not
 * backed up, and a restore never rewrites it. No existing rows change.
 */
export function addErasureList(db: Dexie): void {
  db.version(9).stores({ erasures: 'ref' });
}
