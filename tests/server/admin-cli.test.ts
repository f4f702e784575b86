/**
 * `npm run server:admin` against a running `npm run server`, as an operator uses them: two
 * processes, on PGlite (which serves one process, so the CLI goes through the server) and on
 * PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { isRunning } from '../../server/server';
import type { Engine } from './support/harness';
import { startPostgres, type PostgresCluster } from './support/postgres';
import { freePort, runAdminProcess, spawnServer, type ServerProcess } from './support/server-process';
import { call, SyncClient } from './support/sync-client';

describe.each(['pglite', 'postgres'] as Engine[])('the admin CLI against a running server on %s', (engine) => {
  let cluster: PostgresCluster | null = null;
  let dataDir = '';
  let server: ServerProcess | null = null;
  let databaseUrl: string | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(os.tmpdir(), 'qa-lens-admin-'));
    if (engine === 'postgres') {
      cluster = await startPostgres();
      databaseUrl = await cluster.createDatabase();
    }
  });
  afterAll(async () => {
    await server?.kill();
    await cluster?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const admin = (...args: string[]) => runAdminProcess(args, { dataDir, ...(databaseUrl ? { databaseUrl } : {}) });

  it('says to start the server when it is not running', async () => {
    const result = await admin('list', 'some-team');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not running: start it with npm run server/);
  });

  it('creates a team, invites, lists and revokes while the server runs', async () => {
    server = await spawnServer({ dataDir, port: await freePort(), ...(databaseUrl ? { databaseUrl } : {}) });
    // The secret the CLI uses is readable by the server's user only.
    expect(statSync(join(dataDir, 'admin-secret')).mode & 0o777).toBe(0o600);

    const created = await admin('create-team', 'Acme support');
    expect(created.code).toBe(0);
    const teamId = /Team id: (\S+)/.exec(created.stdout)![1]!;
    const adminCode = /Invite code: (\S+)/.exec(created.stdout)![1]!;
    expect((await SyncClient.join(server.url, adminCode)).member.role).toBe('admin');

    const invited = await admin('invite', '--team', teamId, '--role', 'agent', '--name', 'Ana Agent', '--email', 'ana@acme.test', '--identity', 'Ana A.', '--identity', 'ana.agent@helpdesk.test');
    expect(invited.code).toBe(0);
    expect(invited.stdout).toMatch(/For Ana Agent \(agent, member \S+\) in "Acme support"; one use, until \d{4}-\d{2}-\d{2}\./);
    const ana = await SyncClient.join(server.url, /Invite code: (\S+)/.exec(invited.stdout)![1]!);
    expect(ana.member.identities.map((i) => i.value)).toEqual(['Ana A.', 'ana.agent@helpdesk.test']);

    const listed = await admin('list', teamId);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/Team "Acme support" \(\S+\), 2 member\(s\)/);
    expect(listed.stdout).toMatch(/Ana Agent\s+agent\s+ana@acme\.test\s+Ana A\., ana\.agent@helpdesk\.test\s+yes\s+yes \(1 signed in\)/);

    const revoked = await admin('revoke', 'ana@acme.test');
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/Revoked Ana Agent .*1 sign-in\(s\) ended, member deactivated/);
    expect((await ana.me()).status).toBe(401);
    expect((await admin('list', teamId)).stdout).toMatch(/Ana Agent\s+agent\s+ana@acme\.test\s+.*\s+no\s+yes \(0 signed in\)/);
  });

  it('explains bad input, and keeps the admin endpoints from anyone without the secret', async () => {
    const wrongRole = await admin('invite', '--team', 'x', '--role', 'boss', '--name', 'Bo');
    expect(wrongRole.code).toBe(1);
    expect(wrongRole.stderr).toMatch(/--role must be admin, supervisor or agent/);
    const noTeam = await admin('list', '01a23a9b-0000-7000-8000-000000000000');
    expect(noTeam.stderr).toMatch(/There is no team/);
    const unknown = await admin('frobnicate');
    expect(unknown.stderr).toMatch(/Unknown command "frobnicate"[\s\S]*create-team/);
    const missing = await admin('revoke', 'nobody@acme.test');
    expect(missing.stderr).toMatch(/No member has the id or email nobody@acme\.test/);

    expect((await call(`${server!.url}/admin/teams`, { body: { name: 'Sneaky' } })).status).toBe(401);
    expect((await call(`${server!.url}/admin/teams`, { body: { name: 'Sneaky' }, token: 'guess' })).status).toBe(401);
    const proxied = await call(`${server!.url}/admin/teams`, { body: { name: 'Sneaky' }, headers: { 'X-Forwarded-For': '203.0.113.9' } });
    expect(proxied.status).toBe(404);
  });
});

describe('a second server on the same PGlite folder', () => {
  it('is refused with the first one named, and starts once that one is gone', async () => {
    const dataDir = mkdtempSync(join(os.tmpdir(), 'qa-lens-twice-'));
    const first = await spawnServer({ dataDir, port: await freePort() });
    try {
      const second = await spawnServer({ dataDir, port: await freePort() }).then(
        () => 'started',
        (error: Error) => error.message,
      );
      expect(second).toMatch(new RegExp(`Another team server \\(process ${first.child.pid}, ${first.url}\\) is using`));
      await first.kill('SIGKILL');
      const third = await spawnServer({ dataDir, port: await freePort() });
      expect((await call(`${third.url}/v1/health`)).status).toBe(200);
      await third.kill();
    } finally {
      await first.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('starts when the server named in the folder was killed but never reaped (a zombie, as in a container)', async () => {
    // `sh` starts `true` in the background and becomes `sleep`, which never waits for it: once
    // `true` exits it stays a zombie, as a killed server does under a first process that never reaps.
    const parent = spawn('sh', ['-c', 'true & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const zombie = Number((await once(parent.stdout!, 'data'))[0].toString().trim());
    const dataDir = mkdtempSync(join(os.tmpdir(), 'qa-lens-zombie-'));
    try {
      await expect.poll(() => readFileSync(`/proc/${zombie}/stat`, 'utf8').split(') ')[1]?.[0]).toBe('Z');
      expect(isRunning(zombie)).toBe(false);
      expect(isRunning(process.pid)).toBe(true);
      writeFileSync(join(dataDir, 'server.json'), JSON.stringify({ pid: zombie, url: 'http://127.0.0.1:1' }));
      const server = await spawnServer({ dataDir, port: await freePort() });
      expect((await call(`${server.url}/v1/health`)).status).toBe(200);
      await server.kill();
    } finally {
      parent.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
