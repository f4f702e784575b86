import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../lib/db';
import fc from 'fast-check';
import { BackupReader, backupEnvelope, readBackup, type CheckedRow } from '../../../lib/imports/read-backup';
import { BACKUP_SCHEMA_VERSION, BACKUP_TABLES, type BackupTables } from '../../../lib/schemas';
import { makeEvaluation, makeScorecard } from '../dashboard/factories';

const emptyTables = () => Object.fromEntries(BACKUP_TABLES.map((t) => [t, []])) as unknown as BackupTables;

function tables(): BackupTables {
  return { ...emptyTables(), scorecards: [makeScorecard()], evaluations: [makeEvaluation({ id: 'ev-1' })], settings: [{ key: 'profile', value: { name: 'Rita' } }] };
}

const text = (envelope: object) => JSON.stringify(envelope);

describe('readBackup', () => {
  it('writes the schema version the database has', () => {
    expect(BACKUP_SCHEMA_VERSION).toBe(SCHEMA_VERSION);
  });

  it('reads back what it wrote, with counts per table', () => {
    const envelope = backupEnvelope(tables(), 1000, 'Rita');
    expect(envelope.counts).toMatchObject({ scorecards: 1, evaluations: 1, settings: 1, kpis: 0 });
    const result = readBackup(text(envelope));
    expect(result).toEqual({ ok: true, backup: { schemaVersion: BACKUP_SCHEMA_VERSION, exportedAt: 1000, exportedBy: 'Rita', migratedFrom: BACKUP_SCHEMA_VERSION, tables: tables() } });
  });

  it.each([
    ['a truncated file', (t: string) => t.slice(0, t.length / 2), /not complete JSON.*cut off/],
    ['some other JSON file', () => '{"name":"qa-lens","version":"0.1.0"}', /^This is not a QA Lens backup file/],
    ['an envelope without its tables', () => text({ format: 'qa-lens-backup', schemaVersion: 3, exportedAt: 1 }), /envelope is incomplete/],
    ['a backup from a newer schema version', (t: string) => t.replace(`"schemaVersion":${BACKUP_SCHEMA_VERSION}`, `"schemaVersion":${BACKUP_SCHEMA_VERSION + 1}`), new RegExp(`newer QA Lens \\(database schema version ${BACKUP_SCHEMA_VERSION + 1}\\); this one restores backups up to version ${BACKUP_SCHEMA_VERSION}\\. Update QA Lens`)],
    ['rows missing against the counts', (t: string) => t.replace('"evaluations":1', '"evaluations":2'), /lists 2 evaluations but holds 1/],
  ])('refuses %s with a clear message', (_, edit, message) => {
    const result = readBackup(edit(text(backupEnvelope(tables(), 1000, 'Rita'))));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(message);
  });

  it('names the table, row and field of a bad row', () => {
    const envelope = backupEnvelope(tables(), 1000, 'Rita');
    (envelope.tables.evaluations![0] as { ticket: { channel: string } }).ticket.channel = 'fax';
    const result = readBackup(text(envelope));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^evaluations row 1 \(ticket\.channel\): /);
  });

  it('migrates a backup from schema version 2: new tables empty, evaluations given the new fields', () => {
    const evaluation = makeEvaluation({ id: 'ev-old' }) as Record<string, unknown>;
    for (const field of ['acknowledgeBy', 'history']) delete evaluation[field];
    const answers = evaluation.answers as Record<string, Record<string, unknown>>;
    for (const answer of Object.values(answers)) {
      delete answer.evidence;
      delete answer.rootCauses;
    }
    const v2 = {
      format: 'qa-lens-backup',
      schemaVersion: 2,
      exportedAt: 500,
      counts: { scorecards: 1, tickets: 0, evaluations: 1, settings: 0 },
      tables: { scorecards: [makeScorecard()], tickets: [], evaluations: [evaluation], settings: [] },
    };
    const result = readBackup(text(v2));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.backup.migratedFrom).toBe(2);
    expect(result.backup.tables.kpis).toEqual([]);
    expect(result.backup.tables.evaluations[0]).toEqual(makeEvaluation({ id: 'ev-old' }));
  });

  it('migrates a version 1 backup, whose evaluations had no submission time', () => {
    const evaluation = makeEvaluation({ id: 'ev-v1' }) as Record<string, unknown>;
    delete evaluation.submittedAt;
    const v1 = { format: 'qa-lens-backup', schemaVersion: 1, exportedAt: 1, counts: {}, tables: { evaluations: [evaluation] } };
    const result = readBackup(text(v1));
    expect(result.ok && result.backup.tables.evaluations[0]?.submittedAt).toBe(evaluation.updatedAt);
  });

  it('migrates a version 4 backup: imported tickets gain empty sampling fields, the plan tables start empty', () => {
    const ticket = { key: 'zendesk:7', helpdesk: 'zendesk', ticketId: '7', url: '', channel: 'chat', agent: 'Ana', createdAt: null, importedAt: 3 };
    const v4 = { format: 'qa-lens-backup', schemaVersion: 4, exportedAt: 1, counts: { importedTickets: 1 }, tables: { importedTickets: [ticket] } };
    const result = readBackup(text(v4));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.backup.tables.importedTickets).toEqual([{ ...ticket, complexity: null, reopened: null, complaint: null }]);
    expect([result.backup.tables.monitoringPlans, result.backup.tables.samples, result.backup.tables.calibrationSessions, result.backup.tables.seenTickets]).toEqual([[], [], [], []]);
  });
});

describe('BackupReader, fed a file piece by piece', () => {
  /** The verdict and the checked rows, with the file cut at these places. */
  function readPieces(file: string, cuts: number[]) {
    const reader = new BackupReader();
    const rows: CheckedRow[] = [];
    let from = 0;
    for (const cut of [...new Set(cuts.map((c) => c % (file.length + 1)))].sort((a, b) => a - b)) {
      rows.push(...reader.push(file.slice(from, cut)));
      from = cut;
    }
    rows.push(...reader.push(file.slice(from)));
    const { check, rows: last } = reader.end();
    return { check, rows: check.ok ? [...rows, ...last] : [] };
  }

  it('gives the verdict and rows that reading it whole gives, wherever the pieces are cut', () => {
    const good = text(backupEnvelope(tables(), 1000, 'Rita'));
    const bad = good.replace('"channel":"email"', '"channel":"fax"');
    fc.assert(
      fc.property(fc.constantFrom(good, bad, good.slice(0, good.length - 3)), fc.array(fc.nat(), { maxLength: 20 }), (file, cuts) => {
        const whole = readBackup(file);
        const { check, rows } = readPieces(file, cuts);
        if (!whole.ok) expect(check).toEqual(whole);
        else {
          expect(check.ok && check.header.counts.evaluations).toBe(1);
          expect(rows.filter((r) => r.table === 'evaluations').map((r) => r.row)).toEqual(whole.backup.tables.evaluations);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reads a file whose tables come before its envelope, holding the rows until the version is known', () => {
    const { tables: rows, ...envelope } = backupEnvelope(tables(), 1000, 'Rita');
    const result = readBackup(JSON.stringify({ tables: rows, ...envelope }));
    expect(result).toEqual(readBackup(text({ ...envelope, tables: rows })));
  });
});
