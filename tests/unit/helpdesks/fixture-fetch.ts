// Answers an adapter's same-origin `fetch(path)` from tests/fixtures/helpdesks/<id>/, routed as
// tests/support/fixture-server.mjs routes it, so unit tests read the very files the browser tests
// serve. A fixture, not a mock of the code under test: the adapter gets real `Response` objects.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'helpdesks');

/** A request's fixture file (relative to `<helpdesk>/api/`) and the ticket it belongs to; null when no route matches. */
type Route = (url: URL) => { file: string; ticketId: string } | null;

/** One route per helpdesk, as the fixture server has it. */
const ROUTES: Record<string, Route> = {
  zendesk(url) {
    const api = /^\/api\/v2\/tickets\/(\d+)(\/comments)?\.json$/.exec(url.pathname);
    const id = api?.[1];
    if (!api || !id) return null;
    if (!api[2]) return { file: `ticket-${id}.json`, ticketId: id };
    // Page 1 is comments-<id>.json; page N > 1 is comments-<id>-page-N.json.
    const page = Number(url.searchParams.get('page') ?? '1');
    return { file: Number.isInteger(page) && page > 1 ? `comments-${id}-page-${page}.json` : `comments-${id}.json`, ticketId: id };
  },
};

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
  fetch: (path: string) => Promise<Response>;
  /** Every path asked for, in order, exactly as the adapter passed it. */
  requests: string[];
}

function routeFor(helpdesk: string): Route {
  const route = ROUTES[helpdesk];
  if (!route) throw new Error(`No fixture route for "${helpdesk}": add one to ROUTES in tests/unit/helpdesks/fixture-fetch.ts.`);
  return route;
}

const json = (status: number, body: string) =>
  new Response(body, { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });

export function fixtureFetch(options: FixtureFetchOptions = {}): FixtureFetch {
  const { helpdesk = 'zendesk', origin = 'https://acme.zendesk.com', overrides = {}, signal } = options;
  const route = routeFor(helpdesk);
  const failing = new Set([...(options.failing ?? [])].map(String));
  const requests: string[] = [];

  async function fetch(path: string): Promise<Response> {
    requests.push(path);
    signal?.throwIfAborted();
    const url = new URL(path, origin);
    // The content script fetches `new URL(path, location.origin)`: another origin here is a leak.
    if (url.origin !== origin) throw new TypeError(`Refused a request to ${url.origin}: adapters fetch their page's own origin only.`);
    const match = route(url);
    if (!match) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    if (failing.has(match.ticketId)) return json(503, '{"error":"Unavailable"}');
    if (Object.hasOwn(overrides, match.file)) return json(200, JSON.stringify(overrides[match.file]));
    const file = join(FIXTURES, helpdesk, 'api', match.file);
    if (!existsSync(file)) return json(404, '{"error":"RecordNotFound"}');
    return json(200, readFileSync(file, 'utf8'));
  }

  return { fetch, requests };
}

/** Reads a fixture file as JSON, e.g. `readFixture('zendesk', 'expected/1001.json')`. */
export function readFixture<T = unknown>(helpdesk: string, path: string): T {
  return JSON.parse(readFixtureText(helpdesk, path)) as T;
}

export function readFixtureText(helpdesk: string, path: string): string {
  return readFileSync(join(FIXTURES, helpdesk, path), 'utf8');
}
