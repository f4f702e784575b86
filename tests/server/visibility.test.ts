/**
 * Who reads what, checked record by record over a seeded team: every member pulls everything they
 * may read and nothing else (0 leaks across agents and across teams), re-stamping when identities
 * change, and blind calibration across reviewers.
 */
import { invite } from '@/server/store/teams';
import { addMember, ENGINES, newTeam, useHarness, type Harness } from './support/harness';
import { acknowledgement, coachingPlan, dispute, kpi, review, scorecard, snapshot, teamSettings } from './support/records';
import { SyncClient } from './support/sync-client';

type Name = 'Ada' | 'Rita' | 'Sam' | 'Ana' | 'Bo' | 'Cy';
const STAFF: Name[] = ['Ada', 'Rita', 'Sam'];
const EVERYONE: Name[] = [...STAFF, 'Ana', 'Bo', 'Cy'];

async function seededTeam(h: Harness) {
  const { teamId, admin } = await newTeam(h);
  const browsers: Record<Name, SyncClient> = {
    Ada: admin,
    Rita: await addMember(h, teamId, { role: 'supervisor', name: 'Rita Reviewer', email: 'rita@acme.test' }),
    Sam: await addMember(h, teamId, { role: 'supervisor', name: 'Sam Supervisor', email: 'sam@acme.test' }),
    Ana: await addMember(h, teamId, { role: 'agent', name: 'Ana Agent', email: 'ana@acme.test', identities: ['ana@acme.test'] }),
    Bo: await addMember(h, teamId, { role: 'agent', name: 'Bo Agent', email: 'bo@acme.test' }),
    Cy: await addMember(h, teamId, { role: 'agent', name: 'Cy Agent', email: 'cy@acme.test', identities: ['Cyrus C'] }),
  };
  const { Ada, Rita, Sam, Ana, Bo } = browsers;
  await Ada.pushOk([Ada.put('scorecard', scorecard()), Ada.put('team-settings', teamSettings())]);
  await Rita.pushOk([
    Rita.put('ticket', snapshot('t-ana', 'ana@acme.test')),
    Rita.put('evaluation', review('rev-ana', { agent: 'ana@acme.test', ticketId: 't-ana' })),
    Rita.put('ticket', snapshot('t-orphan', 'Cyrus C')),
    Rita.put('evaluation', review('rev-dee', { agent: 'Dee Departed', ticketId: 't-dee' })),
    Rita.put('evaluation', review('rev-robert', { agent: 'Robert B', ticketId: 't-robert' })),
    Rita.put('ticket', snapshot('t-robert', 'Robert B')),
    Rita.put('evaluation', review('cal-open', { agent: 'Bo Agent', kind: 'calibration', ticketId: 't-bo' })),
    Rita.put('coaching-plan', coachingPlan('plan-cy', 'Cyrus C')),
    Rita.put('kpi', kpi('kpi-ana', 'ANA@acme.test')),
  ]);
  await Sam.pushOk([Sam.put('evaluation', review('rev-bo', { agent: 'Bo Agent', ticketId: 't-bo', by: 'Sam Supervisor' })), Sam.put('ticket', snapshot('t-bo', 'Bo Agent'))]);
  await Ana.pushOk([
    Ana.put('evaluation', review('self-ana', { agent: 'Ana Agent', kind: 'self-assessment', ticketId: 't-ana', by: 'Ana Agent' })),
    Ana.put('acknowledgement', acknowledgement('ack-ana', 'rev-ana', 'Ana Agent')),
  ]);
  await Bo.pushOk([Bo.put('dispute', dispute('dis-bo', 'rev-bo', 'Bo Agent'))]);

  const member = (name: Name) => `member:${browsers[name].member.id}`;
  /** Each record, and who may read it: what a QA lead would expect of a team like this one. */
  const expected: Record<string, Name[]> = {
    'scorecard:sc-basics@1': EVERYONE,
    'team-settings:team': EVERYONE,
    'evaluation:rev-ana': [...STAFF, 'Ana'],
    'ticket:zendesk:t-ana': [...STAFF, 'Ana'],
    'evaluation:self-ana': [...STAFF, 'Ana'],
    'acknowledgement:ack-ana': [...STAFF, 'Ana'],
    'kpi:kpi-ana': [...STAFF, 'Ana'],
    'evaluation:rev-bo': [...STAFF, 'Bo'],
    'ticket:zendesk:t-bo': [...STAFF, 'Bo'],
    'dispute:dis-bo': [...STAFF, 'Bo'],
    'coaching-plan:plan-cy': [...STAFF, 'Cy'],
    'ticket:zendesk:t-orphan': STAFF,
    'evaluation:rev-dee': STAFF,
    'evaluation:rev-robert': STAFF,
    'ticket:zendesk:t-robert': STAFF,
    'evaluation:cal-open': STAFF,
    ...Object.fromEntries(EVERYONE.map((name) => [member(name), [...new Set([...STAFF, name])]])),
  };
  return { teamId, browsers, expected };
}

function checkRecordByRecord(browsers: Record<Name, SyncClient>, expected: Record<string, Name[]>) {
  const leaks: string[] = [];
  for (const name of EVERYONE) {
    const held = new Set(browsers[name].holds());
    for (const [ref, readers] of Object.entries(expected)) {
      const may = readers.includes(name);
      if (may && !held.has(ref)) leaks.push(`${name} is missing ${ref}`);
      if (!may && held.has(ref)) leaks.push(`${name} received ${ref}`);
    }
    for (const ref of held) if (!(ref in expected)) leaks.push(`${name} received ${ref}, which nobody expected`);
  }
  expect(leaks).toEqual([]);
}

describe.each(ENGINES)('who reads what on %s', (engine) => {
  const h = useHarness(engine);

  it('gives every member exactly what they may read, record by record', async () => {
    const { browsers, expected } = await seededTeam(h);
    for (const browser of Object.values(browsers)) await browser.pullAll();
    checkRecordByRecord(browsers, expected);
    // Pulling again from the start, in small pages, gives the same.
    for (const browser of Object.values(browsers)) {
      const fresh = new Map(browser.records);
      browser.records.clear();
      browser.cursor = 0;
      await browser.pullAll(3);
      expect(browser.records).toEqual(fresh);
    }
  });

  it('re-sends what a member may newly read when their identities change', async () => {
    const { teamId, browsers, expected } = await seededTeam(h);
    for (const browser of Object.values(browsers)) await browser.pullAll();
    // Bo turns out to be "Robert B" in the helpdesk too.
    await invite(h.db, { teamId, role: 'agent', name: 'Bo Agent', email: 'bo@acme.test', identities: ['Robert B'] }, h.clock.now);
    const changes = await browsers.Bo.pullAll();
    expect(changes.map((c) => `${c.kind}:${c.key}`).sort()).toEqual([`member:${browsers.Bo.member.id}`, 'evaluation:rev-robert', 'ticket:zendesk:t-robert'].sort());
    for (const name of ['Ana', 'Cy'] as const) await browsers[name].pullAll();
    for (const name of STAFF) await browsers[name].pullAll();
    checkRecordByRecord(browsers, { ...expected, 'evaluation:rev-robert': [...STAFF, 'Bo'], 'ticket:zendesk:t-robert': [...STAFF, 'Bo'] });
    expect(browsers.Bo.records.get(`member:${browsers.Bo.member.id}`)).toMatchObject({ identities: [{ helpdesk: null, value: 'Robert B' }] });
  });

  it('signs a member out when their role changes, so that joining again pulls what the new role reads', async () => {
    const { teamId, browsers, expected } = await seededTeam(h);
    await browsers.Cy.pullAll();
    const promotion = await invite(h.db, { teamId, role: 'supervisor', name: 'Cy Agent', email: 'cy@acme.test', identities: ['Cyrus C'] }, h.clock.now);
    expect((await browsers.Cy.me()).status).toBe(401);
    const again = await SyncClient.join(h.url, promotion.code, browsers.Cy.clientId);
    await again.pullAll();
    const staffRecords = Object.entries(expected).filter(([, readers]) => readers.includes('Rita')).map(([ref]) => ref);
    expect(again.holds()).toEqual(staffRecords.sort());
  });

  it('keeps each team’s records to itself', async () => {
    const one = await seededTeam(h);
    const other = await newTeam(h, 'Other team');
    const twin = await addMember(h, other.teamId, { role: 'agent', name: 'Ana Agent', email: 'ana@acme.test', identities: ['ana@acme.test'] });
    const boss = await addMember(h, other.teamId, { role: 'supervisor', name: 'Rita Reviewer', email: 'rita@acme.test' });
    // The same keys in another team are that team's own records.
    await boss.pushOk([boss.put('evaluation', review('rev-ana', { agent: 'ana@acme.test', ticketId: 't-ana', by: 'Other Rita', strengths: 'Other team' }))]);
    for (const browser of [other.admin, twin, boss]) await browser.pullAll();
    const theirs = [other.admin, twin, boss].flatMap((b) => b.holds());
    const ours = new Set(Object.keys(one.expected).filter((ref) => !ref.startsWith('member:')));
    expect(theirs.filter((ref) => ours.has(ref) && ref !== 'evaluation:rev-ana')).toEqual([]);
    expect(boss.records.get('evaluation:rev-ana')).toMatchObject({ strengths: 'Other team' });
    expect(twin.holds('member')).toEqual([`member:${twin.member.id}`]);
    const members = new Set(Object.values(one.browsers).map((b) => `member:${b.member.id}`));
    expect(theirs.filter((ref) => members.has(ref))).toEqual([]);
    // And the first team's review is untouched.
    await one.browsers.Ana.pullAll();
    expect(one.browsers.Ana.records.get('evaluation:rev-ana')).toMatchObject({ strengths: 'Clear steps.' });
  });

  it('keeps calibration blind: a reviewer sees the others’ scores of a ticket once their own is in', async () => {
    const { teamId, admin } = await newTeam(h);
    const rita = await addMember(h, teamId, { role: 'supervisor', name: 'Rita Reviewer' });
    const sam = await addMember(h, teamId, { role: 'supervisor', name: 'Sam Supervisor' });
    const tia = await addMember(h, teamId, { role: 'supervisor', name: 'Tia Lead' });
    const bo = await addMember(h, teamId, { role: 'agent', name: 'Bo Agent' });
    const calibration = (id: string, by: string, ticketId: string) => review(id, { agent: 'Bo Agent', kind: 'calibration', sessionId: 'session-1', ticketId, by });

    // Tia created the session: a calibration-session record she wrote (that kind's schema comes with
    // calibration sessions; the server already keys a session's readers on its author).
    await h.db.query(
      `INSERT INTO records (team_id, kind, key, revision, author_id, body, audience, created_at, updated_at)
       SELECT $1, 'calibration-session', 'session-1', revision + 1, $2, '{}'::jsonb, 'staff', 0, 0 FROM teams WHERE id = $1`,
      [teamId, tia.member.id],
    );
    await h.db.query('UPDATE teams SET revision = revision + 1 WHERE id = $1', [teamId]);

    await rita.pushOk([rita.put('evaluation', calibration('cal-rita-1', 'Rita Reviewer', 't-1')), rita.put('evaluation', calibration('cal-rita-2', 'Rita Reviewer', 't-2'))]);
    const keys = async (browser: SyncClient) => (await browser.pullAll(), browser.holds('evaluation'));
    expect(await keys(sam)).toEqual([]);
    expect(await keys(tia)).toEqual(['evaluation:cal-rita-1', 'evaluation:cal-rita-2']);
    expect(await keys(admin)).toEqual(['evaluation:cal-rita-1', 'evaluation:cal-rita-2']);

    // Sam scores ticket 1: Rita's score of ticket 1 reaches him, not her score of ticket 2.
    await sam.pushOk([sam.put('evaluation', calibration('cal-sam-1', 'Sam Supervisor', 't-1'))]);
    expect(await keys(sam)).toEqual(['evaluation:cal-rita-1', 'evaluation:cal-sam-1']);
    expect(await keys(rita)).toEqual(['evaluation:cal-rita-1', 'evaluation:cal-rita-2', 'evaluation:cal-sam-1']);
    expect(await keys(tia)).toEqual(['evaluation:cal-rita-1', 'evaluation:cal-rita-2', 'evaluation:cal-sam-1']);
    // Agents never see calibration scores.
    expect(await keys(bo)).toEqual([]);
    // Rita edits her score: Sam, who now may read it, gets the new state.
    await rita.pushOk([rita.put('evaluation', { ...calibration('cal-rita-1', 'Rita Reviewer', 't-1'), strengths: 'Revised after discussion' })]);
    await sam.pullAll();
    expect(sam.records.get('evaluation:cal-rita-1')).toMatchObject({ strengths: 'Revised after discussion' });
  });
});
