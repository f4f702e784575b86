/**
 * The team server's HTTP API as the extension calls it: one function per endpoint, every answer
 * parsed with the protocol's schemas, every failure turned into a `SyncFailure` that says whether
 * to retry, to sign in again, or to set one change aside.
 */
import { z } from 'zod';
import {
  ErrorResponseSchema,
  JoinResponseSchema,
  MeResponseSchema,
  PullResponseSchema,
  PushResponseSchema,
  SYNC_LIMITS,
  type JoinRequest,
  type JoinResponse,
  type MeResponse,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../schemas/sync';

export type FailureKind =
  /** No answer at all: no network, the server is down, DNS failed. Retry later. */
  | 'offline'
  /** The token is unknown, expired or revoked: stop until the user joins again. */
  | 'unauthorized'
  /** The server refused one change for good; `mutationId` says which. */
  | 'rejected'
  /** The request was too big; send fewer changes at once. */
  | 'too-large'
  /** Busy or failing (429, 5xx): retry after `retryAfterMs` or a backoff. */
  | 'unavailable'
  /** Anything else the server refused (403 on a replayed client id, a bad invite code…). */
  | 'refused';

export class SyncFailure extends Error {
  override name = 'SyncFailure';
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number; mutationId?: number } = {},
  ) {
    super(message);
  }
}

export interface SyncApi {
  join(request: JoinRequest): Promise<JoinResponse>;
  me(): Promise<MeResponse>;
  push(request: PushRequest): Promise<PushResponse>;
  pull(since: number, limit?: number): Promise<PullResponse>;
  leave(): Promise<void>;
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from `now`. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** A server address as the user typed it, made into an origin: `qa.example.com/` → `https://qa.example.com`. */
export function normaliseServerUrl(input: string): string {
  const trimmed = input.trim();
  if (!trimmed) throw new SyncFailure('refused', 'Enter the team server’s address, e.g. https://qa.example.com.');
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    throw new SyncFailure('refused', `“${trimmed}” is not a web address. Enter the team server’s address, e.g. https://qa.example.com.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SyncFailure('refused', 'The team server’s address must start with https:// (or http:// on this computer).');
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol === 'http:' && !local) throw new SyncFailure('refused', 'Use https:// for a team server on another machine: team data must not cross the network unencrypted.');
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

async function failureOf(response: Response, now: number): Promise<SyncFailure> {
  const body = ErrorResponseSchema.safeParse(await response.json().catch(() => null));
  const said = body.success ? body.data.error : `${response.status} ${response.statusText}`.trim();
  const details = { status: response.status, retryAfterMs: retryAfterMs(response.headers.get('Retry-After'), now), mutationId: body.success ? body.data.mutationId : undefined };
  if (response.status === 401) return new SyncFailure('unauthorized', said, details);
  if (response.status === 413) return new SyncFailure('too-large', said, details);
  if (response.status === 429 || response.status >= 500) return new SyncFailure('unavailable', said, details);
  if (details.mutationId !== undefined && (response.status === 422 || response.status === 403)) return new SyncFailure('rejected', said, details);
  return new SyncFailure('refused', said, details);
}

export function createSyncApi(serverUrl: string, token: string | null, fetchImpl: Fetch = (input, init) => fetch(input, init), now = () => Date.now()): SyncApi {
  async function call<T extends z.ZodType>(path: string, schema: T, init: RequestInit = {}): Promise<z.output<T>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (init.body) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchImpl(`${serverUrl}${path}`, { ...init, headers, credentials: 'omit', cache: 'no-store' });
    } catch (error) {
      throw new SyncFailure('offline', `The team server at ${serverUrl} did not answer (${error instanceof Error ? error.message : String(error)}).`);
    }
    if (!response.ok) throw await failureOf(response, now());
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new SyncFailure('unavailable', `The team server at ${serverUrl} answered ${path} in a form this QA Lens does not understand. Is it a QA Lens server of the same version?`);
    return parsed.data;
  }
  const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });
  return {
    join: (request) => call('/v1/join', JoinResponseSchema, post(request)),
    me: () => call('/v1/me', MeResponseSchema),
    push: (request) => call('/v1/push', PushResponseSchema, post(request)),
    pull: (since, limit = SYNC_LIMITS.changesPerPull) => call(`/v1/pull?since=${since}&limit=${limit}`, PullResponseSchema),
    leave: async () => {
      await call('/v1/leave', z.unknown(), post({}));
    },
  };
}
