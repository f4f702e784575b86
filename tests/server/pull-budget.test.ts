/**
 * Pull pages within a byte budget as well as a count: big ticket snapshots that add up past the
 * budget arrive over several pages, all of them, in revision order, none twice, each page within
 * the budget; a record bigger than the budget still arrives, alone on its page.
 */
import { SYNC_LIMITS, type Change, type TicketSnapshot } from '@/lib/schemas';
import { jsonBytes, TICKET_LIMITS } from '@/lib/schemas/ticket-limits';
import { addMember, ENGINES, newTeam, useHarness, type Harness } from './support/harness';
import { review, snapshot } from './support/records';
import type { SyncClient } from './support/sync-client';

/** A ticket snapshot whose transcript is about `bytes` of JSON. */
function bigSnapshot(ticketId: string, bytes: number): TicketSnapshot {
  const count = Math.max(1, Math.round(bytes / 1000));
  const messages = Array.from({ length: count }, (_, i) => ({
    id: String(i + 1),
    author: i % 2 ? 'Ana Agent' : 'Dana Whitfield',
    role: i % 2 ? ('agent' as const) : ('customer' as const),
    text: `Ticket ${ticketId}, message ${i + 1}: ${'the refund has not arrived yet, café crème. '.repeat(21)}`.slice(0, 920),
  }));
  return { ...snapshot(ticketId, 'Ana Agent'), messages };
}

/** Every page `puller` pulls from the start, as the extension's pull loop reads them. */
async function pages(puller: SyncClient, limit?: number): Promise<{ changes: Change[]; more: boolean; cursor: number }[]> {
  const seen = [];
  for (;;) {
    const page = await puller.pull(puller.cursor, limit);
    seen.push(page);
    puller.cursor = page.cursor;
    if (!page.more) return seen;
  }
}

const recordBytes = (changes: Change[]) => changes.reduce((sum, change) => sum + (change.record === null ? 0 : jsonBytes(change.record)), 0);

/** Asserts what a puller must see: every change, in revision order, none twice, and each page within `budget` unless alone. */
function expectWithinBudget(seen: { changes: Change[]; more: boolean }[], budget: number, limit: number = SYNC_LIMITS.changesPerPull) {
  for (const page of seen.slice(0, -1)) {
    expect(page.more).toBe(true);
    expect(page.changes.length).toBeGreaterThan(0);
  }
  for (const page of seen) {
    expect(page.changes.length).toBeLessThanOrEqual(limit);
    if (page.changes.length > 1) expect(recordBytes(page.changes)).toBeLessThanOrEqual(budget);
  }
  const revisions = seen.flatMap((page) => page.changes.map((c) => c.revision));
  expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
  expect(new Set(revisions).size).toBe(revisions.length);
}

async function team(h: Harness) {
  const { teamId, admin } = await newTeam(h);
  const rita = await addMember(h, teamId, { role: 'supervisor', name: 'Rita Reviewer' });
  const sam = await addMember(h, teamId, { role: 'supervisor', name: 'Sam Supervisor' });
  return { admin, rita, sam };
}

describe.each(ENGINES)('pull pages within the byte budget on %s', (engine) => {
  const h = useHarness(engine);

  it('sends snapshots that add up past 4 MiB over several pages: all, in order, none twice, each page within the budget', async () => {
    const { rita, sam } = await team(h);
    // Ten snapshots near the transcript limit (about 6 MB in all), each pushed with a small review of it.
    const pushed: string[] = [];
    let revision = 0;
    for (let i = 1; i <= 10; i++) {
      const ticket = bigSnapshot(`big-${i}`, TICKET_LIMITS.transcriptBytes - 40_000);
      const answer = await rita.pushOk([rita.put('ticket', ticket), rita.put('evaluation', review(`ev-${i}`, { agent: 'Ana Agent', ticketId: `big-${i}` }))]);
      pushed.push(`ticket:${ticket.key}`, `evaluation:ev-${i}`);
      revision = answer.revision;
    }

    const seen = await pages(sam);
    expect(seen.length).toBeGreaterThan(1);
    expectWithinBudget(seen, SYNC_LIMITS.pullPageBytes);
    const changes = seen.flatMap((page) => page.changes).filter((c) => c.kind === 'ticket' || c.kind === 'evaluation');
    expect(changes.map((c) => `${c.kind}:${c.key}`)).toEqual(pushed);
    expect(changes.find((c) => c.key === 'zendesk:big-7')?.record).toEqual(bigSnapshot('big-7', TICKET_LIMITS.transcriptBytes - 40_000));
    expect(seen.at(-1)!.cursor).toBe(revision);
    // Nothing is left: the next pull from the last cursor is empty and final.
    expect(await sam.pull(revision)).toEqual({ changes: [], cursor: revision, more: false });
  });
});

describe.each(ENGINES)('a small pull budget on %s', (engine) => {
  const budget = 20 * 1024;
  const h = useHarness(engine, { pullPageBytes: budget });

  it('sends a record bigger than the budget alone on its page, and keeps the count limit as well', async () => {
    const { rita, sam } = await team(h);
    const sizes = [3_000, 4_000, 30_000, 2_000, 2_000, 2_000, 50_000, 60_000, 1_000, 9_000, 9_000, 9_000];
    const pushed = [];
    for (const [i, size] of sizes.entries()) {
      const ticket = bigSnapshot(`t-${i}`, size);
      await rita.pushOk([rita.put('ticket', ticket)]);
      pushed.push(ticket.key);
    }
    // One deleted in between: it still takes its place, with no record.
    await rita.pushOk([rita.remove('ticket', 'zendesk:t-4')]);

    const seen = await pages(sam);
    expectWithinBudget(seen, budget);
    const tickets = seen.flatMap((page) => page.changes).filter((c) => c.kind === 'ticket');
    expect(tickets.map((c) => c.key)).toEqual([...pushed.filter((key) => key !== 'zendesk:t-4'), 'zendesk:t-4']);
    expect(tickets.at(-1)).toMatchObject({ op: 'delete', record: null });
    for (const key of ['zendesk:t-2', 'zendesk:t-6', 'zendesk:t-7']) {
      const page = seen.find((p) => p.changes.some((c) => c.key === key))!;
      expect(page.changes).toHaveLength(1);
      expect(jsonBytes(page.changes[0]!.record)).toBeGreaterThan(budget);
    }

    sam.cursor = 0;
    const counted = await pages(sam, 2);
    expectWithinBudget(counted, budget, 2);
    expect(counted.flatMap((page) => page.changes).map((c) => c.revision)).toEqual(seen.flatMap((page) => page.changes).map((c) => c.revision));
  });
});
