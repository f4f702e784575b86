/**
 * One team server per suite, over a real HTTP port, on the engine asked for: PGlite in memory, or a
 * fresh database in a throwaway PostgreSQL cluster. Suites run `describe.each(ENGINES)`, so every
 * test runs against both. Each test makes its own team: every query is scoped by team, so tests in
 * one suite cannot see each other's data.
 */
import { randomUUID } from 'node:crypto';
import { openPglite, openPostgres, type Database } from '@/server/db/connection';
import { migrate } from '@/server/db/migrate';
import { createApp } from '@/server/http/app';
import type { RateLimit } from '@/server/http/rate-limit';
import { listen, type Listening } from '@/server/server';
import { createTeam, invite } from '@/server/store/teams';
import type { HelpdeskIdentity, Role } from '@/lib/schemas';
import { startPostgres, type PostgresCluster } from './postgres';
import { SyncClient } from './sync-client';
import { T0 } from './records';

export type Engine = 'pglite' | 'postgres';
export const ENGINES: Engine[] = ['pglite', 'postgres'];

export interface Clock {
  now: number;
}

export interface Harness {
  readonly engine: Engine;
  readonly db: Database;
  readonly url: string;
  readonly clock: Clock;
  readonly cluster: PostgresCluster | null;
  /** Log lines the server wrote, newest last. */
  readonly log: string[];
}

export interface HarnessOptions {
  rateLimit?: RateLimit;
  pullPageBytes?: number;
}

export async function openEngine(engine: Engine): Promise<{ db: Database; cluster: PostgresCluster | null }> {
  if (engine === 'pglite') return { db: await openPglite(undefined), cluster: null };
  const cluster = await startPostgres();
  return { db: openPostgres({ connectionString: await cluster.createDatabase(), max: 20 }), cluster };
}

export function useHarness(engine: Engine, options: HarnessOptions = {}): Harness {
  const state: { db?: Database; url?: string; cluster: PostgresCluster | null; http?: Listening } = { cluster: null };
  const clock: Clock = { now: T0 };
  const log: string[] = [];
  beforeAll(async () => {
    const opened = await openEngine(engine);
    state.db = opened.db;
    state.cluster = opened.cluster;
    await migrate(opened.db, clock.now);
    const app = createApp({ db: opened.db, now: () => clock.now, log: (line) => log.push(line), adminSecret: null, ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}), ...(options.pullPageBytes ? { pullPageBytes: options.pullPageBytes } : {}) });
    state.http = await listen(app, '127.0.0.1', 0);
    state.url = state.http.url;
  });
  afterAll(async () => {
    await state.http?.close();
    await state.db?.close();
    await state.cluster?.destroy();
  });
  return {
    engine,
    get db() {
      return state.db!;
    },
    get url() {
      return state.url!;
    },
    clock,
    get cluster() {
      return state.cluster;
    },
    log,
  };
}

export interface MemberInput {
  role: Role;
  name: string;
  email?: string;
  identities?: string[];
}

/** A team with its admin signed in. */
export async function newTeam(h: Harness, name = 'Acme support'): Promise<{ teamId: string; admin: SyncClient }> {
  const created = await createTeam(h.db, { name, adminName: 'Ada Admin', adminEmail: `ada+${randomUUID()}@acme.test` }, h.clock.now);
  const admin = await SyncClient.join(h.url, created.code);
  return { teamId: created.team.id, admin };
}

/** Invites a member and signs them in from a new browser (client id). */
export async function addMember(h: Harness, teamId: string, input: MemberInput): Promise<SyncClient> {
  const created = await invite(h.db, { teamId, role: input.role, name: input.name, email: input.email ?? null, identities: input.identities ?? [] }, h.clock.now);
  return SyncClient.join(h.url, created.code);
}

export type { HelpdeskIdentity };
