import {
  archiveScorecard,
  importEvaluations,
  restoreBackup,
  saveDraft,
  saveScorecard,
  saveTeamSettings,
  submitEvaluation,
  type QaLensDatabase,
} from '@/lib/db';
import { changeTables, recordChanges, put } from '@/lib/db/changes';
import { acknowledge, dispute, resolve } from '@/lib/db/feedback';
import { linkTeam, unlinkTeam } from '@/lib/db/team-link';
import { newDraft } from '@/lib/evaluations/new-draft';
import { BACKUP_SCHEMA_VERSION, DEFAULT_TEAM_SETTINGS, type Role } from '@/lib/schemas';
import { scaleOptions } from '@/lib/scoring';
import { AGENT, makeReview, REVIEWER, SCORECARD, SUBMITTED_AT } from '../feedback/review-factories';
import { chatTemplate, freshDatabase, ticket } from './factories';

const NOW = SUBMITTED_AT + 3_600_000;

async function joined(role: Role, db = freshDatabase()): Promise<QaLensDatabase> {
  await linkTeam(
    db,
    {
      serverUrl: 'http://127.0.0.1:8787',
      team: { id: 'team-1', name: 'Support' },
      member: { id: `member-${role}`, name: role === 'agent' ? AGENT.name : REVIEWER.name, email: null, role, identities: [], active: true },
      token: 't'.repeat(40),
      expiresAt: NOW + 1e9,
      joinedAt: NOW,
    },
    crypto.randomUUID(),
    NOW,
  );
  return db;
}

const queued = async (db: QaLensDatabase) => (await db.outbox.toArray()).map((e) => `${e.mutationId} ${e.op} ${e.kind} ${e.key}`);

async function submitted(db: QaLensDatabase) {
  const card = await saveScorecard(db, { content: chatTemplate }, 1);
  const draft = newDraft({ ticket, scorecard: card, author: { ...REVIEWER, identities: [] }, now: 2 });
  for (const criterion of card.sections.flatMap((s) => s.criteria)) {
    draft.answers[criterion.id] = { na: false, comment: '', evidence: [], rootCauses: [], optionId: scaleOptions(criterion.scale)[0]!.id };
  }
  await saveDraft(db, draft, 3);
  return { card, evaluation: await submitEvaluation(db, draft, card, ticket, 4, 'UTC') };
}

describe('recording changes of shared records', () => {
  it('queues nothing in a browser that is not in a team', async () => {
    const db = freshDatabase();
    await submitted(db);
    await saveTeamSettings(db, DEFAULT_TEAM_SETTINGS);
    expect(await db.outbox.count()).toBe(0);
  });

  it('queues a submitted review and the ticket it cites, in order, but never the draft before it', async () => {
    const db = await joined('admin');
    const { card, evaluation } = await submitted(db);
    expect(await queued(db)).toEqual([`1 put scorecard ${card.id}@1`, `2 put evaluation ${evaluation.id}`, '3 put ticket zendesk:1001']);
    const [, review, snapshot] = await db.outbox.toArray();
    expect(review!.record).toMatchObject({ id: evaluation.id, status: 'submitted' });
    expect(snapshot!.record).toMatchObject({ key: 'zendesk:1001', messages: ticket.messages });
    expect(await db.syncState.get('client')).toMatchObject({ nextMutationId: 4 });
  });

  it('starts a new client, numbered from 1, each time the browser joins a team', async () => {
    const db = await joined('admin');
    await saveTeamSettings(db, DEFAULT_TEAM_SETTINGS);
    const first = (await db.syncState.get('client')) as { clientId: string };
    await unlinkTeam(db);
    expect(await db.outbox.count()).toBe(0);
    await joined('admin', db);
    expect(await queued(db)).toEqual(['1 put team-settings team']);
    const second = (await db.syncState.get('client')) as { clientId: string; nextMutationId: number };
    expect(second.clientId).not.toBe(first.clientId);
    expect(second.nextMutationId).toBe(2);
  });

  it('stores the record and its outbox entry together: a write that fails leaves neither', async () => {
    const db = await joined('supervisor');
    await db.scorecards.put(SCORECARD);
    await db.evaluations.put(makeReview({ id: 'ev-1' }));
    await expect(resolve(db, 'no-such-dispute', [], REVIEWER, NOW)).rejects.toThrow(/no longer exists/);
    await expect(
      db.transaction('rw', [db.evaluations, ...changeTables(db)], async () => {
        await db.evaluations.put(makeReview({ id: 'ev-2' }));
        await recordChanges(db, [put('evaluation', makeReview({ id: 'ev-2' }))]);
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await db.evaluations.get('ev-2')).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('shares the agent’s acknowledgement and dispute, not the reviewer’s review they change', async () => {
    const db = await joined('agent');
    await db.scorecards.put(SCORECARD);
    await db.evaluations.bulkPut([makeReview({ id: 'ev-1' }), makeReview({ id: 'ev-2' })]);
    await acknowledge(db, 'ev-1', AGENT, NOW, 'Thanks');
    await dispute(db, 'ev-2', AGENT, NOW, [{ criterionId: 'greeting', reason: 'I did greet.' }]);
    const entries = await db.outbox.toArray();
    expect(entries.map((e) => e.kind)).toEqual(['acknowledgement', 'dispute']);
    expect(entries[0]!.record).toMatchObject({ evaluationId: 'ev-1', comment: 'Thanks' });
    // The agent's own copy still shows the new status.
    expect((await db.evaluations.get('ev-1'))?.status).toBe('acknowledged');
  });

  it('shares the reviewer’s resolution: the rescored review and the closed dispute', async () => {
    const db = await joined('supervisor');
    await db.scorecards.put(SCORECARD);
    await db.evaluations.put(makeReview({ id: 'ev-1', choices: { greeting: 'no' } }));
    await db.disputes.put({ id: 'd-1', evaluationId: 'ev-1', agent: { name: AGENT.name, role: 'agent' }, criteria: [{ criterionId: 'greeting', reason: 'I did.' }], createdAt: NOW, status: 'open', resolution: null });
    await db.evaluations.update('ev-1', { status: 'disputed' });
    await resolve(db, 'd-1', [{ criterionId: 'greeting', decision: 'accepted', optionId: 'yes', reason: 'Right.' }], REVIEWER, NOW + 1);
    expect(await queued(db)).toEqual(['1 put evaluation ev-1', '2 put dispute d-1']);
    expect((await db.outbox.get(2))!.record).toMatchObject({ status: 'resolved' });
  });

  it('keeps out of the outbox what the member’s role may not write: an agent’s scorecard edits stay local', async () => {
    const db = await joined('agent');
    const card = await saveScorecard(db, { content: chatTemplate }, 1);
    await archiveScorecard(db, card.id, 2);
    await saveTeamSettings(db, DEFAULT_TEAM_SETTINGS);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.scorecards.get([card.id, 1]))?.archived).toBe(true);
  });

  it('brings along what a member had before joining: submitted work and the tickets it cites, no drafts', async () => {
    const db = freshDatabase();
    const { card, evaluation } = await submitted(db);
    await saveDraft(db, newDraft({ ticket: { ...ticket, ticketId: '2002' }, scorecard: card, author: { ...REVIEWER, identities: [] }, now: 5 }), 6);
    await db.tickets.put({ ...ticket, ticketId: '3003', key: 'zendesk:3003', capturedAt: 7 });
    await joined('supervisor', db);
    // A supervisor does not write scorecards; the uncited snapshot stays local.
    expect(await queued(db)).toEqual(['1 put ticket zendesk:1001', `2 put evaluation ${evaluation.id}`]);
  });

  it('shares imported evaluations and restored rows like any other write of the member', async () => {
    const db = await joined('supervisor');
    await importEvaluations(db, [makeReview({ id: 'imported-1' })]);
    await restoreBackup(
      db,
      {
        schemaVersion: BACKUP_SCHEMA_VERSION,
        exportedAt: NOW,
        exportedBy: 'Rae',
        migratedFrom: BACKUP_SCHEMA_VERSION,
        tables: {
          scorecards: [SCORECARD],
          tickets: [],
          evaluations: [makeReview({ id: 'restored-1' }), makeReview({ id: 'imported-1' })],
          settings: [{ key: 'profile', value: { name: 'Rae', role: 'supervisor', identities: [] } }],
          acknowledgements: [],
          disputes: [],
          coachingPlans: [],
          kpis: [],
          importedTickets: [],
          reminders: [],
          monitoringPlans: [],
          samples: [],
          calibrationSessions: [],
          seenTickets: [],
        },
      },
      NOW,
    );
    // The unchanged row and the profile are not shared; the scorecard is not a supervisor's to share.
    expect(await queued(db)).toEqual(['1 put evaluation imported-1', '2 put evaluation restored-1']);
  });
});
