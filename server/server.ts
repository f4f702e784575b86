/**
 * Starts the team server: opens the database, runs its migrations, writes the admin secret and
 * listens. `npm run server` calls this through main.ts; tests call it in-process.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { openDatabase, type Database } from './db/connection';
import { migrate } from './db/migrate';
import { createApp } from './http/app';
import type { RateLimit } from './http/rate-limit';

export interface ServerConfig {
  /** Folder for the embedded database and the admin secret. */
  dataDir: string;
  /** PostgreSQL instead of the embedded database. */
  databaseUrl?: string | undefined;
  host: string;
  /** 0 picks a free port. */
  port: number;
  rateLimit?: RateLimit;
  log?: (line: string) => void;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const perMinute = env.QA_LENS_RATE_LIMIT ? Number(env.QA_LENS_RATE_LIMIT) : undefined;
  return {
    dataDir: resolve(env.QA_LENS_DATA || '.data/server'),
    databaseUrl: env.DATABASE_URL || undefined,
    host: env.HOST || '127.0.0.1',
    port,
    ...(perMinute ? { rateLimit: { perMinute, burst: Math.max(200, Math.ceil(perMinute / 6)) } } : {}),
  };
}

/** Where the running server tells the admin CLI how to reach it. */
export const ADMIN_SECRET_FILE = 'admin-secret';
export const ADDRESS_FILE = 'server.json';

export interface RunningServer {
  url: string;
  db: Database;
  close(): Promise<void>;
}

function adminSecret(dataDir: string): string {
  const file = join(dataDir, ADMIN_SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

export interface Listening {
  url: string;
  close(): Promise<void>;
}

/** Serves `app` on `host:port` (0: a free port) until closed. */
export async function listen(app: ReturnType<typeof createApp>, host: string, port: number): Promise<Listening> {
  const server = await new Promise<ReturnType<typeof serve>>((ready) => {
    const s = serve({ fetch: app.fetch, hostname: host, port }, () => ready(s));
  });
  const address = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${address.port}`,
    close: async () => {
      const closed = new Promise<void>((done) => server.close(() => done()));
      // Keep-alive connections would hold close() open until they time out.
      if ('closeAllConnections' in server) server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * Whether `pid` is a live process. A killed server whose parent has not reaped it yet (a container
 * whose first process never waits for orphans) is a zombie: signal 0 still reaches it, but it holds
 * no files and serves nothing, so on Linux its state in /proc decides.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // The state follows the command name in parentheses, which may itself contain ") ".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // No /proc (macOS) or it vanished meanwhile: trust the signal.
  }
}

/** PGlite is one process's database: a second server on the same folder would corrupt it. */
function refuseSecondServer(dataDir: string): void {
  const file = join(dataDir, ADDRESS_FILE);
  if (!existsSync(file)) return;
  const { pid, url } = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; url: string };
  if (!isRunning(pid)) return; // Left behind by a server that was killed: nobody is using the folder.
  throw new Error(`Another team server (process ${pid}, ${url}) is using ${dataDir}: stop it first, or set QA_LENS_DATA to another folder.`);
}

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  mkdirSync(config.dataDir, { recursive: true });
  if (!config.databaseUrl) refuseSecondServer(config.dataDir);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
  await migrate(db, Date.now());
  const secret = adminSecret(config.dataDir);
  const app = createApp({ db, adminSecret: secret, ...(config.log ? { log: config.log } : {}), ...(config.rateLimit ? { rateLimit: config.rateLimit } : {}) });
  const http = await listen(app, config.host, config.port);
  writeFileSync(join(config.dataDir, ADDRESS_FILE), `${JSON.stringify({ url: http.url, pid: process.pid })}\n`);
  return {
    url: http.url,
    db,
    close: async () => {
      await http.close();
      rmSync(join(config.dataDir, ADDRESS_FILE), { force: true });
      await db.close();
    },
  };
}
