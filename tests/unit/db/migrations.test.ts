import { Dexie } from 'dexie';
import { MIGRATIONS, QaLensDatabase, SCHEMA_VERSION, listEvaluations } from '@/lib/db';
import { createTables } from '@/lib/db/migrations/001-create-tables';
import { indexEvaluationsBySubmission } from '@/lib/db/migrations/002-index-evaluations-by-submission';
import { addFeedbackCoachingAndKpis } from '@/lib/db/migrations/003-add-feedback-coaching-and-kpis';
import { addSyncOutbox } from '@/lib/db/migrations/004-add-sync-outbox';
import { put, recordChanges, writeTransaction } from '@/lib/db/changes';
import { buildReportRows, readReportRows, type BuildProgress } from '@/lib/db/report-rows';
import { answerRecord, copyRow, reportRows, type ReportRow } from '@/lib/reports/report-row';
import { makeReview } from '../feedback/review-factories';

/** Opens a database as version 1 of QA Lens would have, writes to it and closes it. */
async function seedVersion1(name: string) {
  const old = new Dexie(name);
  createTables(old);
  await old.open();
  const base = {
    kind: 'review',
    ticket: { key: 'zendesk:1', helpdesk: 'zendesk', ticketId: '1', url: 'https://acme.zendesk.com/agent/tickets/1', channel: 'email', subject: 'S', agent: null },
    scorecardId: 'card',
    scorecardVersion: 1,
    answers: {},
    strengths: '',
    improvements: '',
    author: { name: 'Rae', role: 'supervisor', identities: [] },
    score: 90,
    passed: true,
    reviewSeconds: 30,
    createdAt: 1_000,
  };
  await old.table('evaluations').bulkAdd([
    { ...base, id: 'submitted-1', status: 'submitted', updatedAt: 5_000 },
    { ...base, id: 'draft-1', status: 'draft', score: null, passed: null, updatedAt: 7_000 },
  ]);
  old.close();
}

describe('schema migrations', () => {
  it('upgrades a version 1 database: submitted rows get their submission time, drafts none', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    await seedVersion1(name);

    const db = new QaLensDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.evaluations.get('submitted-1')).toMatchObject({ submittedAt: 5_000, score: 90 });
    expect(await db.evaluations.get('draft-1')).toMatchObject({ submittedAt: null, status: 'draft' });
    // The new index answers the dashboard's query.
    expect((await listEvaluations(db)).map((e) => e.id)).toEqual(['submitted-1']);
    db.close();

    const reopened = new QaLensDatabase(name);
    expect(await reopened.evaluations.count()).toBe(2);
    reopened.close();
  });

  it('upgrades a version 2 database: answers gain empty evidence and root causes, reviews an empty history', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    createTables(old);
    indexEvaluationsBySubmission(old);
    await old.open();
    await old.table('evaluations').add({
      id: 'v2-review',
      kind: 'review',
      status: 'submitted',
      ticket: { key: 'zendesk:2', helpdesk: 'zendesk', ticketId: '2', url: '', channel: 'chat', subject: 'S', agent: { name: 'Ana' } },
      scorecardId: 'card',
      scorecardVersion: 1,
      answers: { greeting: { optionId: 'yes', na: false, comment: 'Warm' } },
      strengths: '',
      improvements: '',
      author: { name: 'Rae', role: 'supervisor' },
      score: 100,
      passed: true,
      reviewSeconds: 12,
      createdAt: 1_000,
      updatedAt: 2_000,
      submittedAt: 2_000,
    });
    old.close();

    const db = new QaLensDatabase(name);
    const upgraded = await db.evaluations.get('v2-review');
    expect(upgraded).toMatchObject({
      acknowledgeBy: null,
      history: [],
      answers: { greeting: { optionId: 'yes', comment: 'Warm', evidence: [], rootCauses: [] } },
    });
    // The new tables exist and the new indexes answer queries.
    expect(await db.disputes.count()).toBe(0);
    expect(await db.evaluations.where('ticket.agent.name').equals('Ana').count()).toBe(1);
    expect(await db.evaluations.where('kind').equals('review').count()).toBe(1);
    db.close();
  });

  it('upgrades a version 3 database: rows stay, and the sync tables start empty', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    createTables(old);
    indexEvaluationsBySubmission(old);
    addFeedbackCoachingAndKpis(old);
    await old.open();
    await old.table('acknowledgements').add({ id: 'ack-1', evaluationId: 'ev-1', agent: { name: 'Ana', role: 'agent' }, comment: '', createdAt: 1 });
    await old.table('settings').add({ key: 'team', value: { minFeedbackChars: 10 } });
    old.close();

    const db = new QaLensDatabase(name);
    expect(await db.acknowledgements.get('ack-1')).toMatchObject({ evaluationId: 'ev-1' });
    expect(await db.settings.get('team')).toEqual({ key: 'team', value: { minFeedbackChars: 10 } });
    expect([await db.outbox.count(), await db.syncState.count(), await db.members.count()]).toEqual([0, 0, 0]);
    db.close();
  });

  it('upgrades a version 4 database: imported tickets gain empty sampling fields, the plan tables start empty', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    for (const migrate of [createTables, indexEvaluationsBySubmission, addFeedbackCoachingAndKpis, addSyncOutbox]) migrate(old);
    await old.open();
    const row = { key: 'zendesk:7', helpdesk: 'zendesk', ticketId: '7', url: '', channel: 'chat', agent: 'Ana', createdAt: null, importedAt: 3 };
    await old.table('importedTickets').add(row);
    old.close();

    const db = new QaLensDatabase(name);
    expect(await db.importedTickets.get('zendesk:7')).toEqual({ ...row, complexity: null, reopened: null, complaint: null });
    expect([await db.monitoringPlans.count(), await db.samples.count(), await db.calibrationSessions.count(), await db.seenTickets.count()]).toEqual([0, 0, 0, 0]);
    db.close();
  });

  it('upgrades a version 6 database: report rows of the stored evaluations are built after it, in batches, resuming where they stopped', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    for (const migrate of MIGRATIONS.slice(0, 6)) migrate(old);
    await old.open();
    // Seven reviews over three days, one of them sharing a millisecond with another, and a draft.
    const day = 86_400_000;
    const stored = [0, 1, 1, 2, 3, 3, 7].map((n, i) => makeReview({ id: `ev-${i}`, submittedAt: 10 * day + n * (n > 2 ? day : 1), agent: `Agent ${i % 2}` }));
    await old.table('evaluations').bulkAdd([...stored, { ...makeReview({ id: 'draft', status: 'draft' }), submittedAt: null }]);
    old.close();

    const db = new QaLensDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.evaluations.count()).toBe(8);
    // Until the build has run, the dashboard knows its rows are not all there.
    expect(await readReportRows(db)).toBeUndefined();

    // A build cut short after two batches of two (a page closed, a worker stopped)…
    const seen: BuildProgress[] = [];
    const stop = new Error('stopped');
    await expect(
      buildReportRows(db, (progress) => {
        seen.push(progress);
        if (seen.length === 2) throw stop;
      }, 2),
    ).rejects.toBe(stop);
    expect(await readReportRows(db)).toBeUndefined();
    db.close();

    // …resumes on the next open, and ends with exactly one row per submitted evaluation.
    const reopened = new QaLensDatabase(name);
    await buildReportRows(reopened, (progress) => seen.push(progress), 2);
    // Batches never split one millisecond: 10d | 10d+1 ×2 | 10d+2 (stopped) | 13d ×2 | 17d.
    expect(seen.map((p) => p.built)).toEqual([1, 3, 4, 6, 7]);
    expect(seen.every((p) => p.total === 7)).toBe(true);
    const plain = (rows: ReportRow[]) => rows.map((row) => ({ ...copyRow(row), answers: answerRecord(row.answers) }));
    expect(plain((await readReportRows(reopened))!)).toEqual(plain(reportRows(stored).sort((a, b) => a.submittedAt - b.submittedAt || a.id.localeCompare(b.id))));
    // A second build finds nothing left to do.
    await buildReportRows(reopened, () => {
      throw new Error('nothing should be left to build');
    });
    reopened.close();
  });

  it('upgrades a version 7 database: rows stay, and the restore stage starts empty', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    for (const migrate of MIGRATIONS.slice(0, 7)) migrate(old);
    await old.open();
    await old.table('evaluations').add(makeReview({ id: 'ev-kept' }));
    old.close();

    const db = new QaLensDatabase(name);
    expect((await db.evaluations.get('ev-kept'))?.id).toBe('ev-kept');
    expect(await db.restoreStage.count()).toBe(0);
    db.close();
  });

  it('upgrades a version 8 database: rows stay, and the erasure list starts empty', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    for (const migrate of MIGRATIONS.slice(0, 8)) migrate(old);
    await old.open();
    await old.table('tickets').add({ key: 'zendesk:8', capturedAt: 1 });
    old.close();

    const db = new QaLensDatabase(name);
    expect(await db.tickets.toCollection().primaryKeys()).toEqual(['zendesk:8']);
    expect(await db.erasures.count()).toBe(0);
    db.close();
  });

  it('upgrades a version 9 database: days in the old layout go, and the build makes every row again in the new one, none lost', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    for (const migrate of MIGRATIONS.slice(0, 9)) migrate(old);
    await old.open();
    const day = 86_400_000;
    const stored = Array.from({ length: 30 }, (_, i) => makeReview({ id: `ev-${String(i).padStart(2, '0')}`, submittedAt: 10 * day + (i % 4) * day + i, agent: `Agent ${i % 3}` }));
    await old.table('evaluations').bulkAdd([...stored, { ...makeReview({ id: 'draft', status: 'draft' }), submittedAt: null }]);
    // Built days as layout 2 stored them (versions 7 to 9): a list of ids (indexed), columns of names and strings.
    const byDay = new Map<number, typeof stored>();
    for (const e of stored) byDay.set(Math.floor(e.submittedAt! / day), [...(byDay.get(Math.floor(e.submittedAt! / day)) ?? []), e]);
    await old.table('reportDays').bulkAdd(
      [...byDay].map(([n, evaluations]) => ({ day: n, version: 2, ids: evaluations.map((e) => e.id), columns: { agent: { names: ['Agent 0'], at: new Uint16Array(evaluations.length) } }, answerCodes: evaluations.map(() => ''), answers: [] })),
    );
    await old.table('reportState').put({ key: 'rows', version: 2, upTo: null, built: stored.length });
    old.close();

    const db = new QaLensDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect([await db.evaluations.count(), await db.reportDays.count(), await db.reportDayIds.count()]).toEqual([31, 0, 0]);
    expect(await readReportRows(db)).toBeUndefined();
    // A write before the build keeps its own row in the new layout (and the build writes it again).
    const edited = { ...stored[3]!, ticket: { ...stored[3]!.ticket, agent: { name: 'Agent 9' } }, updatedAt: stored[3]!.updatedAt + 1 };
    await writeTransaction(db, [db.evaluations], async () => {
      await db.evaluations.put(edited);
      await recordChanges(db, [put('evaluation', edited)], 'own');
    });
    await buildReportRows(db, undefined, 7);
    const now = [...stored.slice(0, 3), edited, ...stored.slice(4)];
    const plain = (rows: ReportRow[]) => rows.map((row) => ({ ...copyRow(row), answers: answerRecord(row.answers) }));
    const rows = (await readReportRows(db))!;
    expect(rows).toHaveLength(30);
    expect(plain(rows)).toEqual(plain(reportRows(now).sort((a, b) => a.submittedAt - b.submittedAt || a.id.localeCompare(b.id))));
    // Each evaluation's day is found again by its id, once.
    const homes = (await db.reportDayIds.toArray()).flatMap((d) => d.ids);
    expect(homes.sort()).toEqual(stored.map((e) => e.id).sort());
    db.close();
  });

  it('numbers every migration file and registers each exactly once', async () => {
    const files = Object.keys(import.meta.glob('/lib/db/migrations/*.ts'));
    const numbers = files.map((f) => Number(/\/(\d{3})-[a-z-]+\.ts$/.exec(f)?.[1]));
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });
});

/** Rows of each table as the version that created it stored them, with personal data in their text. */
const CUSTOMER_TEXT = 'Call me on 07911 123456 or dana@example.com';
const SEED: Record<string, { since: number; rows: Record<string, unknown>[] }> = {
  scorecards: { since: 1, rows: [{ id: 'card', version: 1, name: 'Card', sections: [] }] },
  tickets: { since: 1, rows: [{ key: 'zendesk:1', helpdesk: 'zendesk', ticketId: '1', url: 'https://acme.zendesk.com/agent/tickets/1', channel: 'email', subject: 'Hi', status: 'open', customer: { name: 'Dana', email: 'dana@example.com' }, agent: null, messages: [{ id: 'm1', author: 'Dana', role: 'customer', text: CUSTOMER_TEXT }], complete: true, capturedAt: 1 }] },
  evaluations: {
    since: 1,
    rows: [
      { id: 'e1', kind: 'review', status: 'submitted', ticket: { key: 'zendesk:1', agent: { name: 'Ana' } }, answers: { a: { optionId: 'yes', na: false, comment: CUSTOMER_TEXT } }, strengths: CUSTOMER_TEXT, improvements: '', updatedAt: 5, scorecardId: 'card', scorecardVersion: 1 },
      { id: 'e2', kind: 'review', status: 'draft', ticket: { key: 'zendesk:2', agent: null }, answers: {}, strengths: '', improvements: '', updatedAt: 6, scorecardId: 'card', scorecardVersion: 1 },
    ],
  },
  settings: { since: 1, rows: [{ key: 'profile', value: { name: 'Rae', role: 'supervisor', identities: [] } }] },
  acknowledgements: { since: 3, rows: [{ id: 'ack-1', evaluationId: 'e1', agent: { name: 'Ana', role: 'agent' }, comment: CUSTOMER_TEXT, createdAt: 1 }] },
  disputes: { since: 3, rows: [{ id: 'd-1', evaluationId: 'e1', agent: { name: 'Ana', role: 'agent' }, criteria: [{ criterionId: 'a', reason: CUSTOMER_TEXT }], status: 'open', resolution: null, createdAt: 2 }] },
  coachingPlans: { since: 3, rows: [{ id: 'cp-1', agent: { name: 'Ana' }, followUpAt: 10 }] },
  kpis: { since: 3, rows: [{ id: 'k-1', ticketKey: 'zendesk:1', agent: 'Ana' }] },
  importedTickets: { since: 3, rows: [{ key: 'zendesk:9' }] },
  reminders: { since: 3, rows: [{ id: 'r-1', dueAt: 5 }] },
  outbox: { since: 4, rows: [{ mutationId: 1, kind: 'evaluation', key: 'e1', op: 'put', record: { id: 'e1', kind: 'review', status: 'submitted', ticket: { subject: '' }, answers: {}, strengths: CUSTOMER_TEXT, improvements: '', history: [] }, queuedAt: 1 }] },
  syncState: { since: 4, rows: [{ key: 'client', clientId: 'c', nextMutationId: 2 }] },
  members: { since: 4, rows: [{ id: 'mem-1', name: 'Ana', role: 'agent' }] },
  auditLog: { since: 5, rows: [{ id: 'a-1', at: 1, action: 'submit' }] },
};

/** The version whose migration redacted what was stored; later versions store redacted rows only. */
const REDACTION_VERSION = 5;

describe('migration from every earlier schema version', () => {
  it.each(Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1))('from version %i: every row is kept, and personal data stored before redaction is redacted', async (version) => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    for (const migrate of MIGRATIONS.slice(0, version)) migrate(old);
    await old.open();
    const seeded = Object.entries(SEED).filter(([, table]) => table.since <= version);
    for (const [table, { rows }] of seeded) await old.table(table).bulkAdd(rows);
    old.close();

    const db = new QaLensDatabase(name);
    await db.open();
    for (const [table, { rows }] of seeded) expect([table, await db.table(table).count()]).toEqual([table, rows.length]);
    if (version >= REDACTION_VERSION) return db.close();
    const everything = JSON.stringify(await Promise.all(seeded.map(([table]) => db.table(table).toArray())));
    expect(everything).not.toContain('07911 123456');
    expect(everything).not.toContain('dana@example.com');
    expect(everything).toContain('Call me on [phone] or [email]');
    // The redaction is on the audit log, as QA Lens's own action.
    expect(await db.auditLog.toArray()).toEqual([expect.objectContaining({ action: 'redaction', actor: { name: 'QA Lens', role: 'system' } })]);
    db.close();
  });
});
