/**
 * Faults while browsers sync: the server process killed with SIGKILL and started again on the
 * same data, and (PostgreSQL) the database restarted under a running server. Browsers ride them
 * out as the extension does; afterwards every mutation is applied exactly once (one revision
 * each) and the live puller has seen every change.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { runAdmin } from '@/server/admin/cli';
import { addMember, newTeam, useHarness, type Engine } from './support/harness';
import { startPostgres, type PostgresCluster } from './support/postgres';
import { review } from './support/records';
import { freePort, spawnServer, type ServerProcess } from './support/server-process';
import { call, SyncClient } from './support/sync-client';
import { pullLive, pushUntilEmpty, type Outcome } from './support/sync-loop';

const BROWSERS = 4;
const MUTATIONS = 40;
const BATCH = 4;

/** Four supervisors' outboxes, a live puller, and `fault` run once some pushes have landed. */
async function syncThrough(admin: SyncClient, browsers: SyncClient[], fault: () => Promise<void>) {
  const outcome: Outcome = { failures: new Map() };
  admin.cursor = (await admin.pull()).cursor;
  const start = admin.cursor;
  const outboxes = browsers.map((browser, b) => Array.from({ length: MUTATIONS }, (_, i) => browser.put('evaluation', review(`ev-${b}-${i}`, { agent: 'Ana Agent', by: browser.member.name }))));
  let pushing = true;
  const puller = pullLive(admin, () => !pushing, outcome);
  const deadline = Date.now() + 120_000;
  const pushes = browsers.map((browser, b) => pushUntilEmpty(browser, outboxes[b]!, BATCH, outcome, deadline));
  // Strike while the outboxes are still being sent.
  await expect.poll(async () => (await admin.pull(start).catch(() => ({ changes: [] }))).changes.length, { timeout: 60_000 }).toBeGreaterThan(10);
  await fault();
  await Promise.all(pushes);
  pushing = false;
  const seen = await puller;

  const expected = outboxes.flat().map((m) => m.key).sort();
  expect(seen.map((c) => c.key).sort()).toEqual(expected);
  // One revision per mutation: nothing applied twice, whatever was re-sent after the fault.
  expect(admin.cursor - start).toBe(BROWSERS * MUTATIONS);
  const fresh = new SyncClient(admin.url, admin.token, admin.clientId, admin.member, admin.teamId);
  await fresh.pullAll();
  expect(fresh.holds('evaluation')).toEqual(expected.map((k) => `evaluation:${k}`));
  return outcome;
}

describe.each(['pglite', 'postgres'] as Engine[])('the server killed with SIGKILL mid-sync on %s', (engine) => {
  let cluster: PostgresCluster | null = null;
  let dataDir = '';
  let server: ServerProcess | null = null;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(os.tmpdir(), 'qa-lens-server-'));
    if (engine === 'postgres') cluster = await startPostgres();
  });
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await cluster?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('comes back on the same data, and the browsers’ changes land exactly once', async () => {
    const port = await freePort();
    const options = { dataDir, port, ...(cluster ? { databaseUrl: await cluster.createDatabase() } : {}) };
    server = await spawnServer(options);
    const created = await runAdmin(['create-team', 'Acme support'], dataDir);
    const teamId = /Team id: (\S+)/.exec(created)![1]!;
    const admin = await SyncClient.join(server.url, /Invite code: (\S+)/.exec(created)![1]!);
    const browsers: SyncClient[] = [];
    for (let b = 0; b < BROWSERS; b++) {
      const code = /Invite code: (\S+)/.exec(await runAdmin(['invite', '--team', teamId, '--role', 'supervisor', '--name', `Supervisor ${b}`], dataDir))![1]!;
      browsers.push(await SyncClient.join(server.url, code));
    }
    const outcome = await syncThrough(admin, browsers, async () => {
      await server!.kill('SIGKILL');
      // Down for a moment: pushes and pulls fail to connect, and are retried.
      await new Promise((r) => setTimeout(r, 300));
      server = await spawnServer(options);
    });
    expect(outcome.failures.get(0) ?? 0).toBeGreaterThan(0);
    // Signed-in browsers stay signed in across the restart.
    expect((await admin.me()).status).toBe(200);
  });
});

describe('the database restarted under a running server on postgres', () => {
  const h = useHarness('postgres', { rateLimit: { perMinute: 600_000, burst: 10_000 } });

  it('answers 503 with Retry-After while it is down, then applies every change once', async () => {
    const { teamId, admin } = await newTeam(h);
    const browsers: SyncClient[] = [];
    for (let b = 0; b < BROWSERS; b++) browsers.push(await addMember(h, teamId, { role: 'supervisor', name: `Supervisor ${b}` }));
    const outcome = await syncThrough(admin, browsers, async () => {
      await h.cluster!.stop('fast');
      const down = await call(`${h.url}/v1/pull?since=0`, { token: admin.token });
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('5');
      expect((down.body as { error: string }).error).toMatch(/cannot reach its database/);
      await new Promise((r) => setTimeout(r, 300));
      await h.cluster!.start();
    });
    expect(outcome.failures.get(503) ?? 0).toBeGreaterThan(0);
  });
});
