/**
 * Browsers that keep syncing through faults, as the extension's engine does: an outbox sent in
 * batches, each batch re-sent until the server answers, dropped up to the answered
 * `lastMutationId`; a puller that keeps its cursor and retries.
 */
import type { Change, Mutation } from '@/lib/schemas';
import type { SyncClient } from './sync-client';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Outcome {
  /** Answers other than 200 (or no answer) the loop rode out, by status; 0 = no answer. */
  failures: Map<number, number>;
}

export async function pushUntilEmpty(browser: SyncClient, outbox: Mutation[], batch: number, outcome: Outcome, deadline: number): Promise<void> {
  let queue = [...outbox];
  while (queue.length > 0) {
    if (Date.now() > deadline) throw new Error(`${queue.length} mutations of ${browser.member.name} still unsent at the deadline`);
    const answer = await browser.push(queue.slice(0, batch)).catch(() => null);
    if (answer?.status === 200) {
      const last = (answer.body as { lastMutationId: number }).lastMutationId;
      queue = queue.filter((m) => m.id > last);
      continue;
    }
    const status = answer?.status ?? 0;
    outcome.failures.set(status, (outcome.failures.get(status) ?? 0) + 1);
    if (answer && answer.status !== 503 && answer.status !== 429) throw new Error(`push answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    const retry = Number(answer?.headers.get('retry-after') ?? 0);
    // Tests honour Retry-After's meaning (wait) but not its length, to stay quick.
    await pause(retry > 0 ? 100 : 50);
  }
}

/** Pulls until `stop()` says so and one last pull finds nothing; every change seen, in order. */
export async function pullLive(browser: SyncClient, stop: () => boolean, outcome: Outcome): Promise<Change[]> {
  const seen: Change[] = [];
  for (;;) {
    const done = stop();
    try {
      const changes = await browser.pullAll(100);
      seen.push(...changes);
      if (done && changes.length === 0) return seen;
    } catch {
      outcome.failures.set(-1, (outcome.failures.get(-1) ?? 0) + 1);
      await pause(50);
    }
    await pause(20);
  }
}
