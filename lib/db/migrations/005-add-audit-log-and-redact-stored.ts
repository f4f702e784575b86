import type { Dexie, Transaction } from 'dexie';
import { newId } from '../../ids';
import { redactAcknowledgement, redactDeep, redactDispute, redactEvaluation, redactionRules, redactRecord, redactTicket, type RedactionRules } from '../../privacy';
import { TeamSettingsSchema, type Acknowledgement, type AuditEntry, type Dispute, type Evaluation, type SyncKind, type TicketSnapshot } from '../../schemas';

/** An outbox row as version 4 stores it: a copy of the record waiting to be pushed. */
interface OutboxRowV4 {
  mutationId: number;
  kind: SyncKind;
  record: unknown;
}

/**
 * Version 5: privacy. A new append-only `auditLog` table (indexed by time and action, which its
 * page filters on), and every row stored before redaction existed is redacted in place: ticket
 * snapshots, evaluations (comments, evidence quotes, feedback, history), acknowledgements,
 * disputes, and the copies of them queued for the team server. The team's own redaction settings
 * apply when it has some. Rows keep their shape and `updatedAt`: only text changes, so the
 * migration is not a newer version that a restore or the team server would prefer.
 */
export function addAuditLogAndRedactStored(db: Dexie): void {
  db.version(5)
    .stores({ auditLog: 'id, at, action' })
    .upgrade(async (tx) => {
      const rules = await storedRules(tx);
      const counts = {
        tickets: await redactTable<TicketSnapshot>(tx, 'tickets', rules, (row) => redactTicket(row, rules)),
        evaluations: await redactTable<Evaluation>(tx, 'evaluations', rules, (row) => redactEvaluation(row, rules)),
        acknowledgements: await redactTable<Acknowledgement>(tx, 'acknowledgements', rules, (row) => redactAcknowledgement(row, rules)),
        disputes: await redactTable<Dispute>(tx, 'disputes', rules, (row) => redactDispute(row, rules)),
        outbox: await redactTable<OutboxRowV4>(tx, 'outbox', rules, (row) => (row.record ? { ...row, record: redactRecord(row.kind, row.record, rules) } : row)),
      };
      const changed = Object.entries(counts).filter(([, n]) => n > 0);
      if (changed.length === 0) return;
      const entry: AuditEntry = {
        id: newId(),
        at: Date.now(),
        actor: { name: 'QA Lens', role: 'system' },
        action: 'redaction',
        target: '',
        summary: `Personal data redacted in records stored before redaction: ${changed.map(([table, n]) => `${n} ${table}`).join(', ')}.`,
      };
      await tx.table('auditLog').add(entry);
    });
}

async function storedRules(tx: Transaction): Promise<RedactionRules> {
  const row = (await tx.table('settings').get('team')) as { value?: unknown } | undefined;
  const parsed = TeamSettingsSchema.safeParse(row?.value ?? {});
  return redactionRules(parsed.success ? parsed.data.privacy : undefined);
}

/**
 * Redacts every row of a table; returns how many changed. A row its record's redaction cannot read
 * (written by hand, or damaged) has all its free text redacted instead: the migration must neither
 * stop the database from opening nor leave the row as it was.
 */
async function redactTable<T>(tx: Transaction, name: string, rules: RedactionRules, redact: (row: T) => T): Promise<number> {
  let changed = 0;
  await tx
    .table<T>(name)
    .toCollection()
    .modify((row, ref) => {
      let next: T;
      try {
        next = redact(row);
      } catch {
        next = redactDeep(row, rules);
      }
      if (JSON.stringify(next) === JSON.stringify(row)) return;
      ref.value = next;
      changed++;
    });
  return changed;
}
