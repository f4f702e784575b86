// Starts the team server as a user would (`npm run server`, here through tsx directly), in its own
// process with its own data folder, and runs the admin CLI against it from a second process, as a
// user would from a second terminal. Shared by the browser tests and the sync benchmark.
import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** A port nobody listens on right now, so the server can be restarted on the same one. */
async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param {{ databaseUrl?: string, env?: Record<string, string> }} [options]
 */
export async function startTeamServer(options = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'qa-lens-team-server-'));
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), QA_LENS_DATA: dataDir, ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}), ...options.env };
  const url = `http://127.0.0.1:${port}`;
  let child = null;
  let output = '';

  async function start() {
    // Its own process group: tsx runs the server in a child process, and a kill must reach both.
    child = spawn(TSX, [join(ROOT, 'server', 'main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`The team server exited (${child.exitCode}):\n${output}`);
      const ok = await fetch(`${url}/v1/health`).then((r) => r.ok, () => false);
      if (ok && existsSync(join(dataDir, 'server.json'))) return;
      if (Date.now() > deadline) throw new Error(`The team server did not start within 60 s:\n${output}`);
      await sleep(100);
    }
  }

  /** Kills the server process (SIGKILL: no clean shutdown) and waits until it is gone. */
  async function kill() {
    // A child killed by a signal keeps exitCode null and sets signalCode instead.
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch (error) {
      // The group is already gone (the server died on its own): nothing left to kill.
      if (error.code !== 'ESRCH') throw error;
    }
    await gone;
    // The server's own process may outlive the group leader's exit by a moment.
    const deadline = Date.now() + 10_000;
    while (await fetch(`${url}/v1/health`).then(() => true, () => false)) {
      if (Date.now() > deadline) throw new Error('The team server still answers after SIGKILL.');
      await sleep(50);
    }
  }

  await start();
  return {
    url,
    dataDir,
    get output() {
      return output;
    },
    /** Runs `npm run server:admin -- ...args` against this server; resolves with what it printed. */
    async admin(...args) {
      const { stdout } = await promisify(execFile)(TSX, [join(ROOT, 'server', 'admin', 'main.ts'), ...args], { cwd: ROOT, env });
      return stdout;
    },
    kill,
    /** Starts the server again on the same port and data: a restart after a crash or a kill. */
    restart: start,
    async close() {
      await kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The invite code a `create-team` or `invite` command printed. */
export function inviteCode(printed) {
  const code = /Invite code: (\S+)/.exec(printed)?.[1];
  if (!code) throw new Error(`No invite code in:\n${printed}`);
  return code;
}

/** The team id a `create-team` command printed. */
export function teamId(printed) {
  const id = /Team id: (\S+)/.exec(printed)?.[1];
  if (!id) throw new Error(`No team id in:\n${printed}`);
  return id;
}
