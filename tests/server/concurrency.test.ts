/**
 * 16 browsers pushing at once while another pulls live: every change reaches the puller exactly
 * once, in revision order, and each mutation takes exactly one revision. This is the case a global
 * sequence fails (a later number commits before an earlier one and the puller's cursor skips it).
 */
import type { Change } from '@/lib/schemas';
import { invite } from '@/server/store/teams';
import { ENGINES, newTeam, useHarness } from './support/harness';
import { review } from './support/records';
import { SyncClient } from './support/sync-client';

const PUSHERS = 16;
const BATCHES = 12;
const PER_BATCH = 3;

describe.each(ENGINES)('concurrent sync on %s', (engine) => {
  const h = useHarness(engine, { rateLimit: { perMinute: 600_000, burst: 10_000 } });

  it('loses no change to a live puller while 16 browsers push', async () => {
    const { teamId, admin } = await newTeam(h);
    // Four supervisors with four browsers each: sixteen client ids.
    const pushers: SyncClient[] = [];
    for (let s = 0; s < PUSHERS / 4; s++) {
      for (let b = 0; b < 4; b++) {
        const code = (await invite(h.db, { teamId, role: 'supervisor', name: `Supervisor ${s}`, email: `s${s}@acme.test` }, h.clock.now)).code;
        pushers.push(await SyncClient.join(h.url, code));
      }
    }
    const start = (await admin.pull()).cursor;
    admin.cursor = start;

    let pushing = true;
    const seen: Change[] = [];
    const puller = (async () => {
      // Pull until the pushers are done and one more pull finds nothing new.
      for (;;) {
        const done = !pushing;
        seen.push(...(await admin.pullAll(50)));
        if (done) return;
      }
    })();

    const expected = new Set<string>();
    await Promise.all(
      pushers.map(async (browser, p) => {
        let previous: ReturnType<SyncClient['put']>[] = [];
        for (let b = 0; b < BATCHES; b++) {
          const batch = Array.from({ length: PER_BATCH }, (_, i) => {
            const id = `ev-${p}-${b}-${i}`;
            expected.add(id);
            return browser.put('evaluation', review(id, { agent: 'Ana Agent', by: `Supervisor ${p >> 2}` }));
          });
          // Every third batch overlaps the one before, as a retry after a lost answer would.
          const sent = b % 3 === 2 ? [...previous, ...batch] : batch;
          const answer = await browser.pushOk(sent);
          expect(answer.lastMutationId).toBe(batch[batch.length - 1]!.id);
          previous = batch;
        }
      }),
    );
    pushing = false;
    await puller;

    const evaluations = seen.filter((c) => c.kind === 'evaluation');
    expect(new Set(evaluations.map((c) => c.key))).toEqual(expected);
    expect(evaluations).toHaveLength(PUSHERS * BATCHES * PER_BATCH);
    const revisions = seen.map((c) => c.revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    // Each mutation took one revision, none twice: the revisions are exactly the next 576 numbers.
    expect(revisions).toEqual(Array.from({ length: revisions.length }, (_, i) => start + 1 + i));
  });
});
