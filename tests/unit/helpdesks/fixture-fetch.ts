// Answers an adapter's same-origin `fetch(path)` from tests/fixtures/helpdesks/<id>/ through that
// helpdesk's own `server.mjs` routes, the ones the browser tests' fixture server uses, so unit tests
// read the very files the browser tests serve. A fixture, not a mock of the code under test: the
// adapter gets real `Response` objects.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FixtureReply, FixtureRequest } from '../../support/fixture-server.mjs';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'helpdesks');

type Handle = (request: Omit<FixtureRequest, 'req'>) => Promise<FixtureReply | null>;

/** A request as the adapter made it: its path, and the headers it added beside the session. */
export interface FixtureRequestRecord {
  path: string;
  headers: Record<string, string>;
}

async function routesOf(helpdesk: string): Promise<Handle> {
  const file = join(FIXTURES, helpdesk, 'server.mjs');
  if (!existsSync(file)) throw new Error(`No fixture routes for "${helpdesk}": add tests/fixtures/helpdesks/${helpdesk}/server.mjs.`);
  return ((await import(pathToFileURL(file).href)) as { handle: Handle }).handle;
}

export interface FixtureFetchOptions {
  /** Fixture folder and route to use. */
  helpdesk?: string;
  /** The page's origin: a path is resolved against it, and a request to any other origin is refused. */
  origin?: string;
  /** Ticket ids whose API answers 503, as the server's `setFailing`. */
  failing?: Iterable<string | number>;
  /** Bodies that replace fixture files, keyed by file name under `api/` (e.g. `comments-1004.json`). */
  overrides?: Record<string, unknown>;
  /** Like `fetch`'s own signal: an aborted one rejects the request with an AbortError. */
  signal?: AbortSignal;
}

export interface FixtureFetch {
  fetch: (path: string, init?: { headers?: Record<string, string> }) => Promise<Response>;
  /** Every path asked for, in order, exactly as the adapter passed it. */
  requests: string[];
  /** The same requests with the headers the adapter added (names in lower case). */
  sent: FixtureRequestRecord[];
}

const json = (status: number, body: string) =>
  new Response(body, { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });

export function fixtureFetch(options: FixtureFetchOptions = {}): FixtureFetch {
  const { helpdesk = 'zendesk', origin = 'https://acme.zendesk.com', overrides = {}, signal } = options;
  const handle = routesOf(helpdesk);
  const failing = new Set([...(options.failing ?? [])].map(String));
  const requests: string[] = [];
  const sent: FixtureRequestRecord[] = [];
  const ticketOptions = async (ticketId: string | number): Promise<FixtureReply | null> =>
    failing.has(String(ticketId)) ? { status: 503, json: { error: 'Unavailable' } } : null;

  async function fetch(path: string, init?: { headers?: Record<string, string> }): Promise<Response> {
    const headers = Object.fromEntries(Object.entries(init?.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
    requests.push(path);
    sent.push({ path, headers });
    signal?.throwIfAborted();
    const url = new URL(path, origin);
    // The content script fetches `new URL(path, location.origin)`: another origin here is a leak.
    if (url.origin !== origin) throw new TypeError(`Refused a request to ${url.origin}: adapters fetch their page's own origin only.`);
    const reply = await (await handle)({ url, headers, ticketOptions, fixture: (file) => ({ file }) });
    if (!reply) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    if ('json' in reply) return json(reply.status ?? 200, JSON.stringify(reply.json));
    if ('body' in reply) return new Response(reply.body, { status: reply.status ?? 200, headers: { 'content-type': reply.type ?? 'text/plain' } });
    const name = basename(reply.file);
    if (Object.hasOwn(overrides, name)) return json(200, JSON.stringify(overrides[name]));
    const file = join(FIXTURES, helpdesk, reply.file);
    if (!existsSync(file)) return json(404, '{"error":"RecordNotFound"}');
    return json(200, readFileSync(file, 'utf8'));
  }

  return { fetch, requests, sent };
}

/** Reads a fixture file as JSON, e.g. `readFixture('zendesk', 'expected/1001.json')`. */
export function readFixture<T = unknown>(helpdesk: string, path: string): T {
  return JSON.parse(readFixtureText(helpdesk, path)) as T;
}

export function readFixtureText(helpdesk: string, path: string): string {
  return readFileSync(join(FIXTURES, helpdesk, path), 'utf8');
}

/**
 * Puts a fixture page into the test's document as the adapter sees it: the snapshot's body,
 * without its script. Returns the parsed page for what lies outside the body (its title).
 */
export function showFixturePage(helpdesk: string, file: string): Document {
  const page = new DOMParser().parseFromString(readFixtureText(helpdesk, file), 'text/html');
  document.body.innerHTML = page.body.innerHTML;
  return page;
}
