/**
 * Sign-in and what it guards: invite codes, bearer tokens (bad, expired, revoked), client ids that
 * belong to one member, CORS for the extension's origins only, and the rate limit's Retry-After.
 */
import { randomUUID } from 'node:crypto';
import { DAY_MS, INVITE_DAYS, TOKEN_DAYS } from '@/server/credentials';
import { invite, revoke } from '@/server/store/teams';
import { addMember, ENGINES, newTeam, useHarness } from './support/harness';
import { review, scorecard } from './support/records';
import { call, errorOf, SyncClient } from './support/sync-client';

describe.each(ENGINES)('sign-in on %s', (engine) => {
  const h = useHarness(engine, { rateLimit: { perMinute: 600, burst: 40 } });

  afterEach(() => {
    h.clock.now = Date.parse('2026-11-23T10:00:00Z');
  });

  it('refuses requests without a token, or with one it never gave out', async () => {
    const { teamId, admin } = await newTeam(h);
    const cases = [null, 'not-a-token', `${teamId}.${'A'.repeat(43)}`, `${randomUUID()}.${admin.token.split('.')[1]}`, `${admin.token}x`];
    for (const token of cases) {
      const answer = await call(`${h.url}/v1/pull?since=0`, { token });
      expect(answer.status, String(token)).toBe(401);
      expect(errorOf(answer).error).toMatch(/join the team again/);
    }
    expect((await admin.me()).status).toBe(200);
  });

  it('ends a token when it expires, when the member leaves, and when an admin revokes the member', async () => {
    const { teamId, admin } = await newTeam(h);
    const agent = await addMember(h, teamId, { role: 'agent', name: 'Ana Agent', email: 'ana@acme.test' });
    const laptop = await addMember(h, teamId, { role: 'supervisor', name: 'Rita Reviewer', email: 'rita@acme.test' });

    h.clock.now += TOKEN_DAYS * DAY_MS + 1;
    const expired = await agent.me();
    expect(expired.status).toBe(401);
    expect(errorOf(expired).error).toMatch(/expired on \d{4}-\d{2}-\d{2}/);
    h.clock.now -= TOKEN_DAYS * DAY_MS + 1;

    const left = await call(`${h.url}/v1/leave`, { token: laptop.token, body: {} });
    expect(left.status).toBe(200);
    expect(errorOf(await laptop.me()).error).toMatch(/revoked/);

    const second = await SyncClient.join(h.url, (await invite(h.db, { teamId, role: 'agent', name: 'Ana Agent', email: 'ana@acme.test' }, h.clock.now)).code);
    expect(second.member.id).toBe(agent.member.id);
    const result = await revoke(h.db, 'ANA@acme.test', h.clock.now);
    expect(result.tokens).toBe(2);
    for (const browser of [agent, second]) expect((await browser.pull(0).catch((e: Error) => e.message)) as string).toMatch(/401/);
    // The revoked member shows as inactive to the team's staff.
    await admin.pullAll();
    expect(admin.records.get(`member:${agent.member.id}`)).toMatchObject({ active: false });
    // And cannot come back with an old invite.
    const stale = await invite(h.db, { teamId, role: 'agent', name: 'Someone', email: 'other@acme.test' }, h.clock.now);
    await revoke(h.db, 'other@acme.test', h.clock.now);
    const answer = await call(`${h.url}/v1/join`, { body: { inviteCode: stale.code, clientId: randomUUID() } });
    expect(answer.status).toBe(403);
  });

  it('takes each invite code once, and not after it expires', async () => {
    const { teamId } = await newTeam(h);
    const code = (await invite(h.db, { teamId, role: 'agent', name: 'Ana Agent' }, h.clock.now)).code;
    await SyncClient.join(h.url, code);
    const again = await call(`${h.url}/v1/join`, { body: { inviteCode: code, clientId: randomUUID() } });
    expect(again.status).toBe(410);
    expect(errorOf(again).error).toMatch(/already been used/);

    const late = (await invite(h.db, { teamId, role: 'agent', name: 'Bo Agent' }, h.clock.now)).code;
    h.clock.now += INVITE_DAYS * DAY_MS + 1;
    const expired = await call(`${h.url}/v1/join`, { body: { inviteCode: late, clientId: randomUUID() } });
    expect(expired.status).toBe(410);
    expect(errorOf(expired).error).toMatch(/expired/);

    const typo = await call(`${h.url}/v1/join`, { body: { inviteCode: `${code.slice(0, -3)}abc`, clientId: randomUUID() } });
    expect(typo.status).toBe(400);
    expect(errorOf(typo).error).toMatch(/copied whole/);
  });

  it('refuses a push under another member’s client id, and applies nothing from it', async () => {
    const { teamId, admin } = await newTeam(h);
    const rita = await addMember(h, teamId, { role: 'supervisor', name: 'Rita Reviewer' });
    const sam = await addMember(h, teamId, { role: 'supervisor', name: 'Sam Supervisor' });
    await rita.pushOk([rita.put('evaluation', review('ev-rita', { agent: 'Ana Agent' }))]);
    // Sam replays Rita's client id, with ids Rita has not used yet: they would burn hers.
    const replay = await sam.push([{ id: 2, kind: 'evaluation', key: 'ev-sam', op: 'put', record: review('ev-sam', { agent: 'Ana Agent', by: 'Sam Supervisor' }) }], rita.clientId);
    expect(replay.status).toBe(403);
    expect(errorOf(replay).error).toMatch(/belongs to another member/);
    expect((await rita.pushOk([rita.put('evaluation', review('ev-rita-2', { agent: 'Ana Agent' }))])).lastMutationId).toBe(2);
    await admin.pullAll();
    expect(admin.holds('evaluation')).toEqual(['evaluation:ev-rita', 'evaluation:ev-rita-2']);

    // Joining with Rita's client id while she is signed in is refused too.
    const code = (await invite(h.db, { teamId, role: 'supervisor', name: 'Mallory' }, h.clock.now)).code;
    const join = await call(`${h.url}/v1/join`, { body: { inviteCode: code, clientId: rita.clientId } });
    expect(join.status).toBe(409);
    // Once she has left, the shared browser profile can sign in as someone else.
    await call(`${h.url}/v1/leave`, { token: rita.token, body: {} });
    const taken = await call(`${h.url}/v1/join`, { body: { inviteCode: code, clientId: rita.clientId } });
    expect(taken.status).toBe(200);
  });

  it('answers CORS for the extension’s origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${h.url}/v1/push`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' } });
    for (const origin of ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0b1e9a2c-5d8f-4e1a-9c3b-7a6d5e4f3a2b']) {
      const answer = await preflight(origin);
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
      expect(answer.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    }
    for (const origin of ['https://acme.zendesk.com', 'http://localhost:3000', 'null', 'chrome-extension://abc.evil.test']) {
      const answer = await preflight(origin);
      expect(answer.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
    const health = await fetch(`${h.url}/v1/health`, { headers: { Origin: 'https://evil.test' } });
    expect(health.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('limits a runaway client with 429 and a Retry-After it can honour', async () => {
    const { admin } = await newTeam(h);
    const answers = await Promise.all(Array.from({ length: 60 }, () => call(`${h.url}/v1/pull?since=0&limit=1`, { token: admin.token })));
    // The test clock stands still, so the bucket does not refill: exactly the burst gets through.
    const limited = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(40);
    expect(limited).toHaveLength(20);
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(errorOf(limited[0]!).error).toMatch(/wait \d+ s/);
    // Another member is not held up by it.
    const other = await newTeam(h, 'Other team');
    expect((await other.admin.me()).status).toBe(200);
  });

  it('says which scorecard a role may not write', async () => {
    const { teamId } = await newTeam(h);
    const rita = await addMember(h, teamId, { role: 'supervisor', name: 'Rita Reviewer' });
    const refused = await rita.push([rita.put('scorecard', scorecard())]);
    expect(refused.status).toBe(403);
    expect(errorOf(refused)).toMatchObject({ mutationId: 1, kind: 'scorecard', key: 'sc-basics@1', error: "A team supervisor cannot change the team's scorecards." });
  });
});
