/**
 * The HTTP surface: thin handlers that parse with the shared zod schemas and call the store.
 * Errors are ErrorResponseSchema JSON with a sentence the member can act on.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { z } from 'zod';
import { JoinRequestSchema, RoleSchema, SYNC_LIMITS, type MeResponse } from '../../lib/schemas';
import type { Database } from '../db/connection';
import { authenticate, revokeToken, type Caller } from '../store/auth';
import { pull } from '../store/pull';
import { push } from '../store/push';
import { createTeam, invite, join, listMembers, revoke } from '../store/teams';
import { ApiError, isDatabaseUnavailable, isRetryable } from './errors';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimit } from './rate-limit';

export interface AppOptions {
  db: Database;
  now?: () => number;
  /** One line per request. */
  log?: (line: string) => void;
  /** The secret the admin CLI sends; null turns the admin endpoints off. */
  adminSecret?: string | null;
  rateLimit?: RateLimit;
  /** Bytes of the records in one pull page (SYNC_LIMITS.pullPageBytes unless a test sets it). */
  pullPageBytes?: number;
}

/** The extension calls from its own origin; no web page may. */
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[A-Za-z0-9-]+$/;
const MIB = 1024 * 1024;

type Env = { Variables: { caller: Caller | undefined; note: string | undefined } };

export function createApp(options: AppOptions) {
  const { db } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.log(line));
  const limiter = new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const app = new Hono<Env>();

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    const caller = c.get('caller');
    const who = caller ? ` team=${caller.team.id} member=${caller.member.id}` : '';
    const note = c.get('note') ? ` ${c.get('note')}` : '';
    log(`${new Date(now()).toISOString()} ${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms${who}${note}`);
  });

  app.use(
    '/v1/*',
    cors({
      origin: (origin) => (EXTENSION_ORIGIN.test(origin) ? origin : null),
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['Authorization', 'Content-Type'],
      exposeHeaders: ['Retry-After'],
      maxAge: 600,
    }),
  );

  app.use(
    '*',
    bodyLimit({
      maxSize: SYNC_LIMITS.bodyBytes,
      // The rest of the body is not read: close the connection rather than leave it half-consumed.
      onError: (c) => c.json({ error: `A request to the team server may be at most ${SYNC_LIMITS.bodyBytes / MIB} MiB: send fewer changes at a time.` }, 413, { Connection: 'close' }),
    }),
  );

  /** Rate limit by the credential presented (or the address, for joins), before any database work. */
  const limited = (key: string) => {
    const wait = limiter.take(key, now());
    if (wait > 0) throw new ApiError(429, `Too many requests to the team server: wait ${wait} s and try again.`, {}, wait);
  };
  const clientKey = (c: Context<Env>) => {
    const header = c.req.header('Authorization');
    return header ? `token:${createHash('sha256').update(header).digest('hex')}` : `addr:${getConnInfo(c).remote.address ?? '?'}`;
  };

  const signedIn = async (c: Context<Env>): Promise<Caller> => {
    limited(clientKey(c));
    const caller = await authenticate(db, c.req.header('Authorization'), now());
    c.set('caller', caller);
    return caller;
  };

  const json = async (c: Context<Env>): Promise<unknown> => {
    try {
      return await c.req.json();
    } catch {
      throw new ApiError(400, 'The request body is not JSON: update the extension.');
    }
  };

  const parse = <T>(schema: z.ZodType<T>, value: unknown, what: string): T => {
    const result = schema.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new ApiError(422, `This ${what} is not valid: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}.`);
    }
    return result.data;
  };

  app.get('/v1/health', async (c) => {
    await db.query('SELECT 1');
    return c.json({ ok: true, engine: db.engine });
  });

  app.post('/v1/join', async (c) => {
    limited(clientKey(c));
    const request = parse(JoinRequestSchema, await json(c), 'join request');
    return c.json(await join(db, request, now()));
  });

  app.get('/v1/me', async (c) => {
    const caller = await signedIn(c);
    const me: MeResponse = { team: caller.team, member: caller.member, expiresAt: caller.expiresAt };
    return c.json(me);
  });

  app.post('/v1/push', async (c) => {
    const caller = await signedIn(c);
    const body = await json(c);
    const held = (ms: number, batch: number) => c.set('note', `lock=${ms.toFixed(1)}ms batch=${batch}`);
    return c.json(await retrying(() => push(db, caller, body, now(), held)));
  });

  const PullQuery = z.object({
    since: z.coerce.number().int().nonnegative().default(0),
    limit: z.coerce.number().int().min(1).max(SYNC_LIMITS.changesPerPull).default(SYNC_LIMITS.changesPerPull),
  });
  app.get('/v1/pull', async (c) => {
    const caller = await signedIn(c);
    const query = parse(PullQuery, { since: c.req.query('since') ?? undefined, limit: c.req.query('limit') ?? undefined }, 'pull request');
    return c.json(await pull(db, caller, query.since, query.limit, options.pullPageBytes));
  });

  app.post('/v1/leave', async (c) => {
    const caller = await signedIn(c);
    await revokeToken(db, caller, now());
    return c.json({ left: true });
  });

  mountAdmin(app, options.adminSecret ?? null, { db, now, parse, json });

  app.notFound((c) => c.json({ error: `The team server has no ${c.req.method} ${c.req.path}.` }, 404));

  app.onError((error, c) => {
    if (error instanceof ApiError) {
      if (error.retryAfter) c.header('Retry-After', String(error.retryAfter));
      return c.json(error.toJSON(), error.status);
    }
    if (isDatabaseUnavailable(error)) {
      c.header('Retry-After', '5');
      return c.json({ error: 'The team server cannot reach its database right now. Nothing was lost: your changes are sent once it is back.' }, 503);
    }
    log(`error ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return c.json({ error: 'The team server failed on this request. Nothing was changed; try again, and tell your team admin if it keeps happening.' }, 500);
  });

  return app;
}

/** A deadlock or serialization failure rolled everything back: run it again, a few times. */
async function retrying<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
    }
  }
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * The admin CLI's endpoints: only from this machine (loopback, and not forwarded by a proxy),
 * only with the secret the server wrote to its data folder.
 */
function mountAdmin(
  app: Hono<Env>,
  secret: string | null,
  helpers: { db: Database; now: () => number; parse: <T>(schema: z.ZodType<T>, value: unknown, what: string) => T; json: (c: Context<Env>) => Promise<unknown> },
) {
  const { db, now, parse, json } = helpers;
  const expected = secret ? createHash('sha256').update(secret).digest() : null;
  app.use('/admin/*', async (c, next) => {
    const address = getConnInfo(c).remote.address ?? '';
    const forwarded = c.req.header('Forwarded') ?? c.req.header('X-Forwarded-For');
    if (!expected || !LOOPBACK.test(address) || forwarded) throw new ApiError(404, `The team server has no ${c.req.method} ${c.req.path}.`);
    const given = createHash('sha256').update(/^Bearer\s+(\S+)$/.exec(c.req.header('Authorization') ?? '')?.[1] ?? '').digest();
    if (!timingSafeEqual(given, expected)) throw new ApiError(401, 'The admin secret does not match this server’s: run the admin command with the same QA_LENS_DATA as the server.');
    await next();
  });

  const TeamInput = z.object({ name: z.string(), adminName: z.string().optional(), adminEmail: z.string().nullable().optional() });
  app.post('/admin/teams', async (c) => c.json(await createTeam(db, parse(TeamInput, await json(c), 'team'), now())));

  const InviteInput = z.object({
    teamId: z.string().min(1),
    role: RoleSchema,
    name: z.string(),
    email: z.string().nullable().optional(),
    identities: z.array(z.string()).default([]),
  });
  app.post('/admin/invites', async (c) => c.json(await invite(db, parse(InviteInput, await json(c), 'invite'), now())));

  app.post('/admin/revoke', async (c) => c.json(await revoke(db, parse(z.object({ user: z.string().min(1) }), await json(c), 'revoke request').user, now())));

  app.get('/admin/teams/:id', async (c) => c.json(await listMembers(db, c.req.param('id'), now())));
}
