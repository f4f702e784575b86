import { getTicketSnapshot, saveDraft, saveScorecard, saveTicketSnapshot, saveTicketSpotlight, submitEvaluation, type QaLensDatabase } from '@/lib/db';
import { newDraft } from '@/lib/evaluations/new-draft';
import type { TicketContext } from '@/lib/schemas';
import { scaleOptions } from '@/lib/scoring';
import { isQuotaExceeded } from '@/lib/storage/storage-errors';
import { syncOnce } from '@/lib/sync/sync-engine';
import { chatTemplate, freshDatabase, ticket } from './factories';
import { withFullStorage } from './full-storage';
import { joinedTeam, queuedChanges } from './team-factories';

const REVIEWER = { name: 'Rae Reviewer', role: 'supervisor' as const, identities: [] };
const other: TicketContext = { ...ticket, ticketId: '1002', url: 'https://acme.zendesk.com/agent/tickets/1002' };

/** A draft of `read` with every criterion answered, stored while there was room. */
async function answeredDraft(db: QaLensDatabase, read: TicketContext, now: number) {
  const card = await saveScorecard(db, { content: chatTemplate }, 1);
  const draft = newDraft({ ticket: read, scorecard: card, author: REVIEWER, now });
  for (const criterion of card.sections.flatMap((s) => s.criteria)) {
    draft.answers[criterion.id] = { na: false, comment: '', evidence: [], rootCauses: [], optionId: scaleOptions(criterion.scale)[0]!.id };
  }
  await saveDraft(db, draft, now);
  return { card, draft };
}

/** What a refused write must leave as it was. */
const everything = async (db: QaLensDatabase) => ({
  evaluations: await db.evaluations.toArray(),
  tickets: await db.tickets.toArray(),
  outbox: await queuedChanges(db),
  sync: await db.syncState.toArray(),
});

/** A team member's browser with one review submitted and queued, whose storage then fills up. */
async function fullTeamBrowser() {
  const db = freshDatabase();
  const storage = withFullStorage(db);
  await joinedTeam('supervisor', REVIEWER.name, 1, db);
  const first = await answeredDraft(db, ticket, 2);
  await submitEvaluation(db, first.draft, first.card, ticket, 3, 'UTC');
  const second = await answeredDraft(db, other, 4);
  const before = await everything(db);
  storage.full = true;
  return { db, storage, second, before };
}

describe('writes refused because the browser’s storage is full', () => {
  it('a submission stores none of itself: not the evaluation, its ticket snapshot, nor their outbox entries; what was stored stays', async () => {
    const { db, second, before } = await fullTeamBrowser();
    // The first review and its ticket wait to be sent.
    expect(before.outbox.filter((line) => /^put (evaluation|ticket) /.test(line))).toHaveLength(2);
    const refused = await submitEvaluation(db, second.draft, second.card, other, 5, 'UTC').catch((error: unknown) => error);
    expect(isQuotaExceeded(refused)).toBe(true);
    expect(await everything(db)).toEqual(before);
    expect((await db.evaluations.get(second.draft.id))?.status).toBe('draft');
  });

  it('the panel’s ticket snapshot and Spotlight flags fail with the quota error and keep the snapshot stored before', async () => {
    const { db, before } = await fullTeamBrowser();
    const kept = await getTicketSnapshot(db, 'zendesk:1001');
    const edited = { ...ticket, messages: [...ticket.messages, { id: '2', author: 'Alex Moreno', role: 'agent' as const, text: 'Refunded today.' }] };
    expect(isQuotaExceeded(await saveTicketSnapshot(db, edited, 6).catch((error: unknown) => error))).toBe(true);
    expect(isQuotaExceeded(await saveTicketSpotlight(db, ticket, [], 6).catch((error: unknown) => error))).toBe(true);
    expect(await getTicketSnapshot(db, 'zendesk:1001')).toEqual(kept);
    expect(await everything(db)).toEqual(before);
  });

  it('a sync round stops before it sends anything (it cannot even note that it started) and keeps the outbox for the next round', async () => {
    const { db, storage, before } = await fullTeamBrowser();
    const requests: string[] = [];
    const fetch = async (url: string | URL | Request) => {
      requests.push(String(url));
      return new Response('{}', { status: 500 });
    };
    // The worker's alarm handler logs this rejection (team-sync.ts: `.catch(console.error)`).
    const refused = await syncOnce({ db, fetch: fetch as typeof globalThis.fetch, now: () => 7 }).catch((error: unknown) => error);
    expect(isQuotaExceeded(refused)).toBe(true);
    expect(requests).toEqual([]);
    expect(await everything(db)).toEqual(before);

    storage.full = false;
    await syncOnce({ db, fetch: fetch as typeof globalThis.fetch, now: () => 8, random: () => 0 });
    expect(requests.length).toBeGreaterThan(0);
    expect(await queuedChanges(db)).toEqual(before.outbox);
  });
});
