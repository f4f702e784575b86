/**
 * The protocol's core promises, on both engines: each client mutation applied once, in id order,
 * numbered by the team's revision in arrival order; refused mutations named so the client can set
 * them aside; limits with clear errors.
 */
import { SYNC_LIMITS } from '@/lib/schemas';
import { addMember, ENGINES, newTeam, useHarness } from './support/harness';
import { review, scorecard, snapshot, T0, teamSettings } from './support/records';
import { call, errorOf } from './support/sync-client';

describe.each(ENGINES)('push and pull on %s', (engine) => {
  const h = useHarness(engine);

  it('answers health, join and me', async () => {
    const health = await call(`${h.url}/v1/health`);
    expect(health).toMatchObject({ status: 200, body: { ok: true, engine } });
    const { teamId, admin } = await newTeam(h);
    const me = await admin.me();
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ team: { id: teamId, name: 'Acme support' }, member: { name: 'Ada Admin', role: 'admin', active: true } });
  });

  it('applies a push, and a second browser pulls it', async () => {
    const { teamId, admin } = await newTeam(h);
    const rita = await addMember(h, teamId, { role: 'supervisor', name: 'Rita Reviewer' });
    const pushed = await admin.pushOk([admin.put('scorecard', scorecard()), admin.put('team-settings', teamSettings())]);
    expect(pushed.lastMutationId).toBe(2);
    await rita.pullAll();
    expect(rita.holds('scorecard', 'team-settings')).toEqual(['scorecard:sc-basics@1', 'team-settings:team']);
    expect(rita.records.get('team-settings:team')).toMatchObject({ minFeedbackChars: 60 });
    expect(rita.cursor).toBe(pushed.revision);
  });

  it('applies duplicate and overlapping pushes once', async () => {
    const { teamId, admin } = await newTeam(h);
    const rita = await addMember(h, teamId, { role: 'supervisor', name: 'Rita Reviewer' });
    const [m1, m2, m3, m4] = [1, 2, 3, 4].map((n) => rita.put('evaluation', review(`ev-${n}`, { agent: 'Ana Agent' })));
    const first = await rita.pushOk([m1!, m2!]);
    // The answer was lost: the browser sends the same batch again, then one that overlaps it.
    const again = await rita.pushOk([m1!, m2!]);
    const overlap = await rita.pushOk([m2!, m3!, m4!]);
    expect(again).toEqual(first);
    expect(overlap.lastMutationId).toBe(4);
    // Four evaluations, each taking exactly one revision after the team's own setup.
    expect(overlap.revision - first.revision).toBe(2);
    const changes = await admin.pullAll();
    const evaluations = changes.filter((c) => c.kind === 'evaluation').map((c) => c.key);
    expect(evaluations).toEqual(['ev-1', 'ev-2', 'ev-3', 'ev-4']);
  });

  it('stops at a gap: a batch that overtakes an earlier one waits for it', async () => {
    const { teamId, admin } = await newTeam(h);
    const rita = await addMember(h, teamId, { role: 'supervisor', name: 'Rita Reviewer' });
    const batch1 = [1, 2].map((n) => rita.put('evaluation', review(`ev-${n}`, { agent: 'Ana Agent' })));
    const batch2 = [3, 4].map((n) => rita.put('evaluation', review(`ev-${n}`, { agent: 'Ana Agent' })));
    await rita.pushOk([batch1[0]!]);
    const early = await rita.pushOk(batch2);
    expect(early.lastMutationId).toBe(1);
    const late = await rita.pushOk(batch1);
    expect(late.lastMutationId).toBe(2);
    const resent = await rita.pushOk(batch2);
    expect(resent.lastMutationId).toBe(4);
    // Within a push, order by id, not by position.
    const reversed = [5, 6].map((n) => rita.put('evaluation', review(`ev-${n}`, { agent: 'Ana Agent' }))).reverse();
    expect((await rita.pushOk(reversed)).lastMutationId).toBe(6);
    const order = (await admin.pullAll()).filter((c) => c.kind === 'evaluation').map((c) => c.key);
    expect(order).toEqual(['ev-1', 'ev-2', 'ev-3', 'ev-4', 'ev-5', 'ev-6']);
  });

  it('starts a browser that already numbered mutations elsewhere at its first id', async () => {
    const { teamId } = await newTeam(h);
    const rita = await addMember(h, teamId, { role: 'supervisor', name: 'Rita Reviewer' });
    rita.nextId = 41;
    const pushed = await rita.pushOk([rita.put('evaluation', review('ev-1', { agent: 'Ana Agent' })), rita.put('evaluation', review('ev-2', { agent: 'Ana Agent' }))]);
    expect(pushed.lastMutationId).toBe(42);
  });

  it('orders changes by arrival, whatever the browsers’ clocks say', async () => {
    const { teamId, admin } = await newTeam(h);
    const ahead = await addMember(h, teamId, { role: 'supervisor', name: 'Rita Reviewer' });
    const behind = await addMember(h, teamId, { role: 'supervisor', name: 'Sam Supervisor' });
    const hours = 3_600_000;
    // A laptop six hours fast writes first; one six hours slow writes the same plan afterwards.
    const plan = (note: string, at: number) => ({ ...teamSettings(), minFeedbackChars: note.length, updatedAt: at });
    await admin.pushOk([admin.put('team-settings', plan('fast clock, first', T0 + 6 * hours))]);
    await admin.pushOk([admin.put('team-settings', plan('slow clock, later arrival', T0 - 6 * hours))]);
    await ahead.pullAll();
    expect(ahead.records.get('team-settings:team')).toMatchObject({ minFeedbackChars: 'slow clock, later arrival'.length });
    // Reviews from both clocks come back in the order the server received them.
    await behind.pushOk([behind.put('evaluation', review('late-clock', { agent: 'Ana Agent', by: 'Sam Supervisor', at: T0 - 6 * hours }))]);
    await ahead.pushOk([ahead.put('evaluation', review('early-clock', { agent: 'Ana Agent', at: T0 + 6 * hours }))]);
    const keys = (await admin.pullAll()).filter((c) => c.kind === 'evaluation').map((c) => c.key);
    expect(keys).toEqual(['late-clock', 'early-clock']);
  });

  it('keeps deletes as tombstones that every reader pulls', async () => {
    const { teamId, admin } = await newTeam(h);
    const rita = await addMember(h, teamId, { role: 'supervisor', name: 'Rita Reviewer' });
    await rita.pushOk([rita.put('evaluation', review('ev-1', { agent: 'Ana Agent' })), rita.put('ticket', snapshot('ev-1', 'Ana Agent'))]);
    await admin.pullAll();
    expect(admin.holds('evaluation')).toEqual(['evaluation:ev-1']);
    await rita.pushOk([rita.remove('evaluation', 'ev-1')]);
    const changes = await admin.pullAll();
    expect(changes).toEqual([expect.objectContaining({ kind: 'evaluation', key: 'ev-1', op: 'delete', record: null })]);
    expect(admin.holds('evaluation')).toEqual([]);
  });

  it('pages pulls and ends with the team revision as the cursor', async () => {
    const { teamId, admin } = await newTeam(h);
    const rita = await addMember(h, teamId, { role: 'supervisor', name: 'Rita Reviewer' });
    const pushed = await rita.pushOk(Array.from({ length: 25 }, (_, i) => rita.put('evaluation', review(`ev-${i}`, { agent: 'Ana Agent' }))));
    const first = await admin.pull(0, 10);
    expect(first.changes).toHaveLength(10);
    expect(first.more).toBe(true);
    expect(first.cursor).toBe(first.changes[9]!.revision);
    await admin.pullAll(10);
    expect(admin.holds('evaluation')).toHaveLength(25);
    expect(admin.cursor).toBe(pushed.revision);
    expect(await admin.pull()).toEqual({ changes: [], cursor: pushed.revision, more: false });
    const tooMany = await call(`${h.url}/v1/pull?since=0&limit=${SYNC_LIMITS.changesPerPull + 1}`, { token: admin.token });
    expect(tooMany.status).toBe(422);
    expect(errorOf(tooMany).error).toMatch(/limit/);
  });
});
