/**
 * A browser's side of the sync protocol, as the tests drive it: numbered mutations, push, pull
 * with a cursor. Every answer is parsed with the shared schemas, so a server that drifted from the
 * protocol fails here.
 */
import { randomUUID } from 'node:crypto';
import {
  ErrorResponseSchema,
  JoinResponseSchema,
  MeResponseSchema,
  PullResponseSchema,
  PushResponseSchema,
  syncKey,
  type Change,
  type ErrorResponse,
  type JoinResponse,
  type Member,
  type Mutation,
  type PullResponse,
  type PushResponse,
  type SyncKind,
  type SyncRecordOf,
} from '@/lib/schemas';

export interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call(url: string, init: { method?: string; token?: string | null; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Answer<unknown>> {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined && init.raw === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined || init.raw !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...init.headers,
    },
    ...(init.raw !== undefined ? { body: init.raw } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

export class SyncClient {
  /** The id the next mutation gets; a real browser keeps this in IndexedDB. */
  nextId = 1;
  cursor = 0;
  /** What this browser holds after its pulls: `kind:key` → record. */
  readonly records = new Map<string, unknown>();

  constructor(
    readonly url: string,
    public token: string,
    readonly clientId: string,
    readonly member: Member,
    readonly teamId: string,
  ) {}

  static async join(url: string, inviteCode: string, clientId: string = randomUUID()): Promise<SyncClient> {
    const answer = await call(`${url}/v1/join`, { body: { inviteCode, clientId } });
    if (answer.status !== 200) throw new Error(`join answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    const joined: JoinResponse = JoinResponseSchema.parse(answer.body);
    return new SyncClient(url, joined.token, clientId, joined.member, joined.team.id);
  }

  put<K extends SyncKind>(kind: K, record: SyncRecordOf<K>): Mutation {
    return { id: this.nextId++, kind, key: syncKey(kind, record), op: 'put', record };
  }

  remove(kind: SyncKind, key: string): Mutation {
    return { id: this.nextId++, kind, key, op: 'delete', record: null };
  }

  /** One push as the browser would send it (any body, for the malformed cases). */
  push(mutations: unknown[], clientId = this.clientId): Promise<Answer<unknown>> {
    return call(`${this.url}/v1/push`, { token: this.token, body: { clientId, mutations } });
  }

  async pushOk(mutations: Mutation[]): Promise<PushResponse> {
    const answer = await this.push(mutations);
    if (answer.status !== 200) throw new Error(`push answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return PushResponseSchema.parse(answer.body);
  }

  async pull(since = this.cursor, limit?: number): Promise<PullResponse> {
    const answer = await call(`${this.url}/v1/pull?since=${since}${limit ? `&limit=${limit}` : ''}`, { token: this.token });
    if (answer.status !== 200) throw new Error(`pull answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return PullResponseSchema.parse(answer.body);
  }

  /** Pulls page after page until nothing is left, applying each change; returns the changes seen. */
  async pullAll(limit?: number): Promise<Change[]> {
    const seen: Change[] = [];
    for (;;) {
      const page = await this.pull(this.cursor, limit);
      for (const change of page.changes) {
        seen.push(change);
        const ref = `${change.kind}:${change.key}`;
        if (change.op === 'delete') this.records.delete(ref);
        else this.records.set(ref, change.record);
      }
      this.cursor = page.cursor;
      if (!page.more) return seen;
    }
  }

  async me(): Promise<Answer<unknown>> {
    return call(`${this.url}/v1/me`, { token: this.token });
  }

  /** The keys (`kind:key`) this browser holds, of the given kinds. */
  holds(...kinds: SyncKind[]): string[] {
    return [...this.records.keys()].filter((ref) => kinds.length === 0 || kinds.some((k) => ref.startsWith(`${k}:`))).sort();
  }
}

export function errorOf(answer: Answer<unknown>): ErrorResponse {
  return ErrorResponseSchema.parse(answer.body);
}

export const parseMe = (answer: Answer<unknown>) => MeResponseSchema.parse(answer.body);
