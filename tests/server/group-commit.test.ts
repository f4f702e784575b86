/**
 * Group commit: one-mutation pushes of a team that arrive while its transaction runs share the
 * next one, and each is still applied or refused on its own. A gate holds the first transaction
 * until every push has arrived, so the test does not depend on timing.
 */
import type { Database } from '@/server/db/connection';
import { MutationRefused } from '@/server/http/errors';
import { authenticate } from '@/server/store/auth';
import { push } from '@/server/store/push';
import { addMember, ENGINES, newTeam, useHarness } from './support/harness';
import { review, scorecard } from './support/records';

describe.each(ENGINES)('group commit on %s', (engine) => {
  const h = useHarness(engine);

  it('applies each push of a shared turn once, and refuses only the ones refused', async () => {
    const { teamId, admin } = await newTeam(h);
    const browsers = [];
    for (let i = 0; i < 8; i++) browsers.push(await addMember(h, teamId, { role: 'supervisor', name: `Supervisor ${i}` }));
    const callers = await Promise.all(browsers.map((b) => authenticate(h.db, `Bearer ${b.token}`, h.clock.now)));
    admin.cursor = (await admin.pull()).cursor;
    const start = admin.cursor;

    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const gated: Database = { ...h.db, transaction: async (body) => (await gate, h.db.transaction(body)) };
    const turns: number[] = [];
    const mutation = (i: number) =>
      i === 2
        ? { id: 1, kind: 'scorecard', key: 'sc-basics@1', op: 'put', record: scorecard() } // supervisors may not write scorecards
        : i === 5
          ? { id: 1, kind: 'evaluation', key: 'ev-5', op: 'put', record: { ...review('ev-5', { agent: 'Ana Agent' }), score: 400 } } // malformed
          : { id: 1, kind: 'evaluation', key: `ev-${i}`, op: 'put', record: review(`ev-${i}`, { agent: 'Ana Agent', by: `Supervisor ${i}` }) };
    const pending = browsers.map((browser, i) =>
      push(gated, callers[i]!, { clientId: browser.clientId, mutations: [mutation(i)] }, h.clock.now, (_ms, batch) => turns.push(batch)).then(
        (response) => ({ response }),
        (error: unknown) => ({ error }),
      ),
    );
    open();
    const outcomes = await Promise.all(pending);

    // The first push took the lock alone; the seven that came meanwhile shared the next turn.
    expect(turns.sort()).toEqual([1, 7, 7, 7, 7, 7, 7, 7]);
    for (const [i, outcome] of outcomes.entries()) {
      if (i === 2 || i === 5) {
        expect('error' in outcome && outcome.error instanceof MutationRefused, `push ${i}`).toBe(true);
        expect((outcome as { error: MutationRefused }).error.mutation).toMatchObject({ mutationId: 1, key: i === 2 ? 'sc-basics@1' : 'ev-5' });
      } else {
        expect(outcome, `push ${i}`).toMatchObject({ response: { lastMutationId: 1 } });
      }
    }
    const changes = await admin.pullAll();
    expect(changes.map((c) => c.key).sort()).toEqual(['ev-0', 'ev-1', 'ev-3', 'ev-4', 'ev-6', 'ev-7']);
    expect(admin.cursor - start).toBe(6);
    // The refused ids are remembered: those browsers go on from the next id without a gap.
    for (const i of [2, 5]) {
      const next = await browsers[i]!.push([{ id: 2, kind: 'evaluation', key: `ev-next-${i}`, op: 'put', record: review(`ev-next-${i}`, { agent: 'Ana Agent' }) }]);
      expect(next.status).toBe(200);
      expect(next.body).toMatchObject({ lastMutationId: 2 });
    }
  });

  it('runs a longer push alone, and a second push of the same browser in the next turn', async () => {
    const { teamId } = await newTeam(h);
    const rita = await addMember(h, teamId, { role: 'supervisor', name: 'Rita Reviewer' });
    const sam = await addMember(h, teamId, { role: 'supervisor', name: 'Sam Supervisor' });
    const [ritaCaller, samCaller] = await Promise.all([rita, sam].map((b) => authenticate(h.db, `Bearer ${b.token}`, h.clock.now)));
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const gated: Database = { ...h.db, transaction: async (body) => (await gate, h.db.transaction(body)) };
    const turns: number[] = [];
    const held = (_ms: number, batch: number) => turns.push(batch);
    const put = (id: number, key: string, by: string) => ({ id, kind: 'evaluation', key, op: 'put', record: review(key, { agent: 'Ana Agent', by }) });
    const results = await Promise.all([
      push(gated, ritaCaller!, { clientId: rita.clientId, mutations: [put(1, 'a', 'Rita Reviewer')] }, h.clock.now, held),
      push(gated, ritaCaller!, { clientId: rita.clientId, mutations: [put(1, 'a', 'Rita Reviewer'), put(2, 'b', 'Rita Reviewer')] }, h.clock.now, held),
      push(gated, samCaller!, { clientId: sam.clientId, mutations: [put(1, 'c', 'Sam Supervisor')] }, h.clock.now, held),
      push(gated, samCaller!, { clientId: sam.clientId, mutations: [put(1, 'c', 'Sam Supervisor')] }, h.clock.now, held),
    ].map((p, i) => (open(), p.then((r) => [i, r.lastMutationId] as const))));
    expect(results).toEqual([[0, 1], [1, 2], [2, 1], [3, 1]]);
    // Rita's two-mutation push runs alone, and Sam's repeat waits for the turn after his first.
    expect(turns).toEqual([1, 1, 1, 1]);
  });
});
