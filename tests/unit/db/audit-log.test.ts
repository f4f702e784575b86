import { archiveScorecard, listAuditLog, restoreBackup, saveProfile, saveScorecard, submitEvaluation, readAllTables } from '@/lib/db';
import { auditAlone } from '@/lib/db/audit';
import { acknowledge, dispute, resolve } from '@/lib/db/feedback';
import { newDraft } from '@/lib/evaluations/new-draft';
import { BACKUP_SCHEMA_VERSION, BACKUP_TABLES } from '@/lib/schemas';
import { AGENT, makeReview, REVIEWER, SCORECARD } from '../feedback/review-factories';
import { chatTemplate, freshDatabase, ticket } from './factories';

const actions = async (db: ReturnType<typeof freshDatabase>) => (await listAuditLog(db)).map((e) => [e.action, e.actor.name, e.summary]);

describe('the audit log', () => {
  it('records a submission, an acknowledgement, a dispute and its resolution, each by who did it', async () => {
    const db = freshDatabase();
    await db.scorecards.add(SCORECARD);
    const draft = newDraft({ ticket: { ...ticket, agent: { name: AGENT.name } }, scorecard: SCORECARD, author: REVIEWER, kind: 'review', now: 1 });
    const answered = { ...draft, answers: Object.fromEntries(['greeting', 'clarify', 'accurate', 'tone'].map((id) => [id, { optionId: id === 'tone' ? '4' : 'yes', na: false, comment: '', evidence: [], rootCauses: [] }])) };
    await submitEvaluation(db, answered, SCORECARD, { ...ticket, agent: { name: AGENT.name } }, 10, 'Europe/London');
    await db.evaluations.add(makeReview({ id: 'ev-2' }));
    await acknowledge(db, answered.id, AGENT, 20);
    await dispute(db, 'ev-2', AGENT, 30, [{ criterionId: 'greeting', reason: 'I greeted them.' }]);
    const [open] = await db.disputes.toArray();
    await resolve(db, open!.id, [{ criterionId: 'greeting', decision: 'rejected', reason: 'No greeting in the first reply.' }], REVIEWER, 40);
    expect((await actions(db)).reverse()).toEqual([
      ['evaluation.submit', 'Rita Reviewer', 'Review of ticket zendesk:1001 submitted: 100%, passed.'],
      ['evaluation.acknowledge', 'Ana Agent', 'Review of ticket zendesk:1001 acknowledged.'],
      ['evaluation.dispute', 'Ana Agent', 'Review of ticket zendesk:1001 disputed on 1 criterion.'],
      ['dispute.resolve', 'Rita Reviewer', 'Dispute on ticket zendesk:1001 resolved: 0 of 1 accepted.'],
    ]);
  });

  it('writes an entry only when its action happened: a refused submission logs nothing', async () => {
    const db = freshDatabase();
    await db.scorecards.add(SCORECARD);
    await db.evaluations.add(makeReview({ id: 'done' }));
    const again = { ...makeReview({ id: 'done' }), status: 'draft' as const };
    await expect(submitEvaluation(db, again, SCORECARD, ticket, 5)).rejects.toThrow(/already submitted/);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('records scorecard and profile changes as the signed-in user', async () => {
    const db = freshDatabase();
    await saveProfile(db, { name: 'Lee Lead', role: 'admin', identities: [] }, 1);
    const card = await saveScorecard(db, { content: chatTemplate }, 2);
    await archiveScorecard(db, card.id, 3);
    expect((await actions(db)).reverse()).toEqual([
      ['settings.change', 'Lee Lead', 'Profile saved: Lee Lead, admin, 0 helpdesk identities.'],
      ['scorecard.change', 'Lee Lead', `Scorecard “${chatTemplate.name}” created.`],
      ['scorecard.change', 'Lee Lead', `Scorecard “${chatTemplate.name}” archived.`],
    ]);
  });

  it('is not part of a backup, and a restore cannot add, change or remove its entries', async () => {
    const db = freshDatabase();
    await auditAlone(db, { action: 'export', summary: 'Backup downloaded.' }, 1);
    expect(BACKUP_TABLES).not.toContain('auditLog');
    expect(Object.keys(await readAllTables(db))).not.toContain('auditLog');
    const before = await db.auditLog.toArray();
    const forged = { auditLog: [{ ...before[0], summary: 'Nothing happened.' }] };
    const tables = Object.fromEntries(BACKUP_TABLES.map((name) => [name, []]));
    await restoreBackup(db, { schemaVersion: BACKUP_SCHEMA_VERSION, exportedAt: 0, exportedBy: 'Eve', migratedFrom: BACKUP_SCHEMA_VERSION, tables: { ...tables, ...forged } as never }, 5);
    const after = await db.auditLog.toArray();
    expect(after.slice(0, 1)).toEqual(before);
    expect(after.map((e) => e.action)).toEqual(['export', 'backup.restore']);
  });

  it('filters by action and by text, newest first', async () => {
    const db = freshDatabase();
    await auditAlone(db, { action: 'export', summary: '12 evaluations exported as CSV.' }, 1);
    await auditAlone(db, { action: 'import', summary: '3 KPI records imported.' }, 2);
    await auditAlone(db, { action: 'export', summary: 'Backup downloaded.' }, 3);
    expect((await listAuditLog(db, { action: 'export' })).map((e) => e.summary)).toEqual(['Backup downloaded.', '12 evaluations exported as CSV.']);
    expect((await listAuditLog(db, { text: 'kpi' })).map((e) => e.summary)).toEqual(['3 KPI records imported.']);
  });
});
