/**
 * The extension's own sync engine (lib/sync) with its own database (Dexie over fake-indexeddb),
 * against the real team server on both engines: what a team would see across its browsers, and
 * what happens when a worker is stopped mid-request or the network drops.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { QaLensDatabase, erasePerson, saveScorecard, saveTeamSettings, submitEvaluation, saveDraft, getProfile } from '@/lib/db';
import { put, recordChanges, writeTransaction } from '@/lib/db/changes';
import { acknowledge, dispute, listMyReviews, resolve } from '@/lib/db/feedback';
import { getSyncStatus, getTeamLink } from '@/lib/db/sync-state';
import { newDraft } from '@/lib/evaluations/new-draft';
import { DEFAULT_TEAM_SETTINGS, type Scorecard, type TicketContext } from '@/lib/schemas';
import { scaleOptions } from '@/lib/scoring';
import { SCORECARD_TEMPLATES } from '@/lib/scorecards/templates';
import { joinTeam } from '@/lib/sync/join-team';
import type { Fetch } from '@/lib/sync/sync-api';
import { syncOnce } from '@/lib/sync/sync-engine';
import { ENGINES, useHarness, type Harness } from './support/harness';
import { createTeam, invite, revoke } from '@/server/store/teams';

const TICKET: TicketContext = {
  helpdesk: 'zendesk',
  ticketId: '1001',
  url: 'https://acme.zendesk.com/agent/tickets/1001',
  channel: 'email',
  subject: 'Refund for order #4411 not received',
  status: 'open',
  customer: { name: 'Dana Whitfield' },
  agent: { name: 'Alex Moreno', email: 'alex@acme.test' },
  messages: [
    { id: '1', author: 'Dana Whitfield', role: 'customer', text: 'Where is my refund?' },
    { id: '2', author: 'Alex Moreno', role: 'agent', text: 'Hi Dana, I have sent it today.' },
  ],
  complete: true,
};

interface Browser {
  db: QaLensDatabase;
  round(fetchImpl?: Fetch): ReturnType<typeof syncOnce>;
}

async function openBrowser(h: Harness, code: string): Promise<Browser> {
  const db = new QaLensDatabase(`browser-${randomUUID()}`);
  await joinTeam(db, { serverUrl: h.url, inviteCode: code }, Date.now());
  return { db, round: (fetchImpl) => syncOnce({ db, fetch: fetchImpl }, { ignoreBackoff: true }) };
}

/** A team with an admin (who owns the scorecard), a supervisor and the agent Alex, each in their own browser. */
async function team(h: Harness) {
  const created = await createTeam(h.db, { name: `Support ${randomUUID()}`, adminName: 'Ada Admin', adminEmail: null }, h.clock.now);
  const teamId = created.team.id;
  const admin = await openBrowser(h, created.code);
  const code = async (role: 'supervisor' | 'agent', name: string, identities: string[] = []) =>
    (await invite(h.db, { teamId, role, name, email: null, identities }, h.clock.now)).code;
  const rita = await openBrowser(h, await code('supervisor', 'Rita Reviewer'));
  const alex = await openBrowser(h, await code('agent', 'Alex Moreno', ['alex@acme.test']));
  const card = await saveScorecard(admin.db, { content: SCORECARD_TEMPLATES[0]! }, Date.now());
  await admin.round();
  await rita.round();
  return { teamId, admin, rita, alex, card };
}

async function review(browser: Browser, card: Scorecard, ticket: TicketContext = TICKET) {
  const profile = await getProfile(browser.db);
  const draft = newDraft({ ticket, scorecard: card, author: profile, now: Date.now() });
  for (const criterion of card.sections.flatMap((s) => s.criteria)) {
    const options = scaleOptions(criterion.scale);
    draft.answers[criterion.id] = { na: false, comment: '', evidence: [], rootCauses: [], optionId: options[options.length - 1]!.id };
  }
  draft.strengths = 'Greeting used the customer’s name.';
  draft.improvements = 'Next steps: say when the refund lands.';
  await saveDraft(browser.db, draft, Date.now());
  return submitEvaluation(browser.db, draft, card, ticket, Date.now(), 'UTC');
}

/** Sends the request for real, then loses the answer, as a worker stopped mid-request does. */
const answerLost =
  (path: string): Fetch =>
  async (input, init) => {
    const response = await fetch(input, init);
    if (input.includes(path)) throw new TypeError('the worker was stopped before the answer arrived');
    return response;
  };

describe.each(ENGINES)('the extension’s sync against the team server on %s', (engine) => {
  const h = useHarness(engine);

  it('carries a review to the agent, the acknowledgement back to the supervisor', async () => {
    const { rita, alex, card } = await team(h);
    const submitted = await review(rita, card);
    await rita.round();
    await alex.round();
    const mine = await listMyReviews(alex.db, await getProfile(alex.db));
    expect(mine.map((r) => r.evaluation.id)).toEqual([submitted.id]);
    // The scorecard and the ticket it cites came with it.
    expect(mine[0]!.scorecard?.name).toBe(card.name);
    expect(await alex.db.tickets.get('zendesk:1001')).toMatchObject({ messages: TICKET.messages });

    await acknowledge(alex.db, submitted.id, await getProfile(alex.db), Date.now(), 'Thanks, will do.');
    await alex.round();
    await rita.round();
    expect(await rita.db.evaluations.get(submitted.id)).toMatchObject({ status: 'acknowledged' });
    expect(await rita.db.acknowledgements.where('evaluationId').equals(submitted.id).toArray()).toMatchObject([{ comment: 'Thanks, will do.' }]);
  });

  it('a customer erased in one browser stays erased when another member’s browser pushes its old copy late', async () => {
    const { teamId, admin, rita, card } = await team(h);
    const submitted = await review(rita, card);
    await rita.round();
    await admin.round();
    const lateCopy = (await rita.db.tickets.get('zendesk:1001'))!;
    expect(lateCopy.customer?.name).toBe('Dana Whitfield');

    // The admin erases Dana; before Rita's browser hears of it, it shares its copy of her ticket again.
    await erasePerson(admin.db, { kind: 'customer', value: 'Dana Whitfield' }, Date.now());
    await admin.round();
    await writeTransaction(rita.db, [rita.db.tickets], async () => {
      await rita.db.tickets.put(lateCopy);
      await recordChanges(rita.db, [put('ticket', lateCopy)], 'own', Date.now());
    });
    await rita.round();
    const stored = async () => (await h.db.query<{ deleted: boolean }>("SELECT deleted FROM records WHERE team_id = $1 AND kind = 'ticket' AND key = 'zendesk:1001'", [teamId]))[0]?.deleted;
    // The server takes the late put (it does not know why the ticket was deleted) ...
    expect(await stored()).toBe(false);

    // ... and the admin's browser, pulling it, refuses it and deletes it on the server again.
    await admin.round();
    expect(await admin.db.tickets.get('zendesk:1001')).toBeUndefined();
    await admin.round();
    expect(await stored()).toBe(true);
    await rita.round();
    expect(await rita.db.tickets.get('zendesk:1001')).toBeUndefined();
    // The review stays, without her, on both browsers; nothing is left to send.
    expect(JSON.stringify(await rita.db.evaluations.get(submitted.id))).not.toContain('Dana');
    expect([await admin.db.outbox.count(), await rita.db.outbox.count()]).toEqual([0, 0]);
  });

  it('carries a dispute to the supervisor and the resolution back to the agent', async () => {
    const { rita, alex, card } = await team(h);
    const submitted = await review(rita, card);
    await rita.round();
    await alex.round();
    const criterion = card.sections[0]!.criteria[0]!;
    await dispute(alex.db, submitted.id, await getProfile(alex.db), Date.now(), [{ criterionId: criterion.id, reason: 'I did this in my first reply.' }]);
    await alex.round();
    await rita.round();
    expect(await rita.db.evaluations.get(submitted.id)).toMatchObject({ status: 'disputed' });
    const open = await rita.db.disputes.where('evaluationId').equals(submitted.id).first();
    await resolve(rita.db, open!.id, [{ criterionId: criterion.id, decision: 'rejected', reason: 'The reply did not do it.' }], await getProfile(rita.db), Date.now());
    await rita.round();
    expect((await getSyncStatus(rita.db)).rejected).toEqual([]);
    await alex.round();
    expect(await alex.db.evaluations.get(submitted.id)).toMatchObject({ status: 'resolved' });
    expect(await alex.db.disputes.get(open!.id)).toMatchObject({ status: 'resolved', resolution: { decisions: [{ decision: 'rejected' }] } });
  });

  it('resends a push whose answer was lost, and the server applies it once', async () => {
    const { rita, alex, card } = await team(h);
    const submitted = await review(rita, card);
    const lost = await rita.round(answerLost('/v1/push'));
    expect(lost?.status.phase).toBe('offline');
    expect(await rita.db.outbox.count()).toBeGreaterThan(0);
    await rita.round();
    expect(await rita.db.outbox.count()).toBe(0);
    await alex.round();
    expect(await alex.db.evaluations.where('id').equals(submitted.id).count()).toBe(1);
    expect((await getSyncStatus(rita.db)).phase).toBe('synced');
  });

  it('pulls a page again when the worker stopped before storing it, and stores it once', async () => {
    const { rita, alex, card } = await team(h);
    await review(rita, card);
    await review(rita, card, { ...TICKET, ticketId: '1002' });
    await rita.round();
    const cursorBefore = (await getTeamLink(alex.db))!.cursor;
    await alex.round(answerLost('/v1/pull'));
    expect((await getTeamLink(alex.db))!.cursor).toBe(cursorBefore);
    expect(await alex.db.evaluations.count()).toBe(0);
    await alex.round();
    expect(await alex.db.evaluations.count()).toBe(2);
  });

  it('orders by arrival at the server, not by the clocks of the browsers', async () => {
    const created = await createTeam(h.db, { name: `Leads ${randomUUID()}`, adminName: 'Ada Admin', adminEmail: null }, h.clock.now);
    const ada = await openBrowser(h, created.code);
    const second = await invite(h.db, { teamId: created.team.id, role: 'admin', name: 'Bo Admin', email: null, identities: [] }, h.clock.now);
    const bo = await openBrowser(h, second.code);
    const hoursAhead = Date.now() + 6 * 3_600_000;
    // Ada's clock runs six hours fast; Bo saves after her, on a true clock.
    await saveTeamSettings(ada.db, { ...DEFAULT_TEAM_SETTINGS, minFeedbackChars: 10 }, hoursAhead);
    await ada.round();
    await saveTeamSettings(bo.db, { ...DEFAULT_TEAM_SETTINGS, minFeedbackChars: 80 }, Date.now());
    await bo.round();
    await ada.round();
    expect((await ada.db.settings.get('team'))?.value).toMatchObject({ minFeedbackChars: 80 });
  });

  it('sets aside a change the server refuses, says why, and sends the changes after it', async () => {
    const { rita, alex, card } = await team(h);
    const his = await review(rita, card);
    await rita.round();
    // A self-assessment of a ticket Alex did not handle: his browser queues it, the server refuses it.
    const notHis = { ...his, id: randomUUID(), kind: 'self-assessment' as const, ticket: { ...his.ticket, key: 'zendesk:2002', ticketId: '2002', agent: { name: 'Sam Other' } }, author: { name: 'Alex Moreno', role: 'agent' as const } };
    await writeTransaction(alex.db, [alex.db.evaluations], async () => {
      await alex.db.evaluations.put(notHis);
      await recordChanges(alex.db, [put('evaluation', notHis)]);
    });
    await alex.round();
    const status = await getSyncStatus(alex.db);
    expect(status.rejected).toMatchObject([{ kind: 'evaluation', key: notHis.id, reason: 'A team agent can only share self-assessments of their own tickets.' }]);
    expect(status.phase).toBe('synced');
    // The next change, numbered after the refused one, goes through.
    await acknowledge(alex.db, his.id, await getProfile(alex.db), Date.now(), 'Noted.');
    await alex.round();
    expect(await alex.db.outbox.count()).toBe(0);
    await rita.round();
    expect(await rita.db.evaluations.get(his.id)).toMatchObject({ status: 'acknowledged' });
  });

  it('stops syncing and asks to sign in again once the token is revoked', async () => {
    const { rita } = await team(h);
    const link = (await getTeamLink(rita.db))!;
    await revoke(h.db, link.member.id, h.clock.now);
    const round = await rita.round();
    expect(round?.status.phase).toBe('signed-out');
    expect(round?.status.error).toMatch(/^Sign in again: /);
    // No further requests until the member joins again.
    expect(await rita.round()).toBeNull();
  });

  it('pulls a history longer than one page, each page from where the one before ended', async () => {
    const { rita, alex, card } = await team(h);
    const tickets = ['2001', '2002', '2003', '2004', '2005'].map((ticketId) => ({ ...TICKET, ticketId, url: `${TICKET.url.replace('1001', ticketId)}` }));
    for (const ticket of tickets) await review(rita, card, ticket);
    await rita.round();
    const pages: number[] = [];
    const smallPages: Fetch = (input, init) => {
      if (!input.includes('/v1/pull')) return fetch(input, init);
      pages.push(Number(new URL(input).searchParams.get('since')));
      return fetch(input.replace(/limit=\d+/, 'limit=2'), init);
    };
    const round = await alex.round(smallPages);
    expect(round?.status.phase).toBe('synced');
    expect((await listMyReviews(alex.db, await getProfile(alex.db))).map((r) => r.evaluation.ticket.ticketId).sort()).toEqual(['2001', '2002', '2003', '2004', '2005']);
    // Each page was asked for from the cursor the one before it ended at, and the cursor is the last page's.
    expect(pages.length).toBeGreaterThan(3);
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
    expect((await getTeamLink(alex.db))!.cursor).toBeGreaterThan(pages.at(-1)!);
    expect((await alex.round())?.pulled).toBe(0);
  });
});

describe.each(ENGINES)('the extension’s sync when the team server limits its rate, on %s', (engine) => {
  // The harness's clock stands still, so the bucket never refills: the fifth request is refused.
  const h = useHarness(engine, { rateLimit: { perMinute: 1, burst: 4 } });

  it('waits as long as the server’s Retry-After says before it asks again', async () => {
    const created = await createTeam(h.db, { name: `Support ${randomUUID()}`, adminName: 'Ada Admin', adminEmail: null }, h.clock.now);
    const admin = await openBrowser(h, created.code);
    let round: Awaited<ReturnType<Browser['round']>> = null;
    for (let attempt = 0; attempt < 5 && round?.status.phase !== 'error'; attempt += 1) round = await admin.round();
    expect(round?.status.phase).toBe('error');
    expect(round?.status.error).toMatch(/Too many requests to the team server: wait 60 s/);
    const retryAt = round!.status.retryAt!;
    expect(retryAt - Date.now()).toBeGreaterThan(55_000);
    // The alarm's round (no "Sync now") sends nothing until then.
    const requests: string[] = [];
    const counting: Fetch = (input, init) => {
      requests.push(input);
      return fetch(input, init);
    };
    expect(await syncOnce({ db: admin.db, fetch: counting })).toBeNull();
    expect(requests).toEqual([]);
    expect(await syncOnce({ db: admin.db, fetch: counting, now: () => retryAt + 1 })).not.toBeNull();
    expect(requests.length).toBeGreaterThan(0);
  });
});
