import { applyPulledPage } from '@/lib/db/apply-pulled';
import { getProfile, saveTeamSettings } from '@/lib/db';
import { getTeamLink } from '@/lib/db/sync-state';
import { linkTeam } from '@/lib/db/team-link';
import { DEFAULT_TEAM_SETTINGS, type Change } from '@/lib/schemas';
import { AGENT, makeReview, REVIEWER, SCORECARD, SUBMITTED_AT } from '../feedback/review-factories';
import { freshDatabase } from './factories';

const NOW = SUBMITTED_AT + 3_600_000;
const member = { id: 'm-ana', name: AGENT.name, email: 'ana@example.com', role: 'agent' as const, identities: [{ helpdesk: null, value: 'ana@example.com' }], active: true };

async function agentBrowser() {
  const db = freshDatabase();
  await linkTeam(db, { serverUrl: 'http://127.0.0.1:8787', team: { id: 't', name: 'Support' }, member, token: 'x'.repeat(40), expiresAt: NOW * 2, joinedAt: NOW }, crypto.randomUUID(), NOW);
  return db;
}

let revision = 0;
const change = (kind: Change['kind'], key: string, record: unknown): Change => ({ revision: ++revision, kind, key, op: record === null ? 'delete' : 'put', record });

describe('applying a pulled page', () => {
  it('stores every kind of record and moves the cursor with them', async () => {
    const db = await agentBrowser();
    const review = makeReview({ id: 'ev-1' });
    const page = [
      change('scorecard', `${SCORECARD.id}@1`, SCORECARD),
      change('evaluation', 'ev-1', review),
      change('team-settings', 'team', { ...DEFAULT_TEAM_SETTINGS, minFeedbackChars: 10 }),
      change('member', 'm-rae', { id: 'm-rae', name: REVIEWER.name, email: null, role: 'supervisor', identities: [], active: true }),
    ];
    const applied = await applyPulledPage(db, page, 40, NOW);
    expect(applied).toMatchObject({ applied: 4, keptLocal: 0, unreadable: [], kinds: ['scorecard', 'evaluation', 'team-settings', 'member'] });
    expect(await db.scorecards.get([SCORECARD.id, 1])).toMatchObject({ name: 'Support basics' });
    expect(await db.evaluations.get('ev-1')).toMatchObject({ status: 'submitted' });
    expect((await db.settings.get('team'))?.value).toMatchObject({ minFeedbackChars: 10 });
    expect((await getTeamLink(db))?.cursor).toBe(40);
    // Pulled records are never sent back.
    expect(await db.outbox.count()).toBe(0);
  });

  it('deletes what the server deleted (tombstones), scorecard versions by their [id, version] key', async () => {
    const db = await agentBrowser();
    await applyPulledPage(db, [change('scorecard', `${SCORECARD.id}@1`, SCORECARD), change('evaluation', 'ev-1', makeReview())], 2, NOW);
    await applyPulledPage(db, [change('scorecard', `${SCORECARD.id}@1`, null), change('evaluation', 'ev-1', null)], 4, NOW);
    expect(await db.scorecards.count()).toBe(0);
    expect(await db.evaluations.count()).toBe(0);
  });

  it('replays an arriving acknowledgement onto the reviewer’s copy of the review, without sending it back', async () => {
    const db = freshDatabase();
    await linkTeam(db, { serverUrl: 'http://127.0.0.1:8787', team: { id: 't', name: 'Support' }, member: { ...member, id: 'm-rae', name: REVIEWER.name, role: 'supervisor' }, token: 'x'.repeat(40), expiresAt: NOW * 2, joinedAt: NOW }, crypto.randomUUID(), NOW);
    await db.scorecards.put(SCORECARD);
    await db.evaluations.put(makeReview({ id: 'ev-1' }));
    await applyPulledPage(db, [change('acknowledgement', 'ack-1', { id: 'ack-1', evaluationId: 'ev-1', agent: { name: AGENT.name, role: 'agent' }, comment: 'Thanks', createdAt: NOW })], 9, NOW);
    expect(await db.evaluations.get('ev-1')).toMatchObject({ status: 'acknowledged' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps this browser’s own write that is still waiting to go out: the server will order it after', async () => {
    const db = freshDatabase();
    await linkTeam(db, { serverUrl: 'http://127.0.0.1:8787', team: { id: 't', name: 'Support' }, member: { ...member, role: 'admin' }, token: 'x'.repeat(40), expiresAt: NOW * 2, joinedAt: NOW }, crypto.randomUUID(), NOW);
    await saveTeamSettings(db, { ...DEFAULT_TEAM_SETTINGS, minFeedbackChars: 99 });
    const applied = await applyPulledPage(db, [change('team-settings', 'team', { ...DEFAULT_TEAM_SETTINGS, minFeedbackChars: 10 })], 3, NOW);
    expect(applied).toMatchObject({ applied: 0, keptLocal: 1 });
    expect((await db.settings.get('team'))?.value).toMatchObject({ minFeedbackChars: 99 });
  });

  it('skips a record it cannot read, names it, and stores the rest of the page', async () => {
    const db = await agentBrowser();
    const applied = await applyPulledPage(db, [change('evaluation', 'ev-bad', { id: 'ev-bad', kind: 'essay' }), change('evaluation', 'ev-1', makeReview())], 5, NOW);
    expect(applied).toMatchObject({ applied: 1, unreadable: ['evaluation ev-bad'] });
    expect(await db.evaluations.count()).toBe(1);
  });

  it('takes the member’s identities from the server: “about me” then matches the same on every machine', async () => {
    const db = await agentBrowser();
    const renamed = { ...member, identities: [{ helpdesk: 'zendesk', value: 'Ana A.' }] };
    await applyPulledPage(db, [change('member', member.id, renamed)], 6, NOW);
    expect(await getProfile(db)).toEqual({ name: AGENT.name, role: 'agent', identities: renamed.identities });
  });

  it('writes nothing when the browser left the team while the page was on its way', async () => {
    const db = freshDatabase();
    expect(await applyPulledPage(db, [change('evaluation', 'ev-1', makeReview())], 1, NOW)).toBeNull();
    expect(await db.evaluations.count()).toBe(0);
  });
});
