// HTTPS server for helpdesk fixtures, answered under the helpdesks' real host names (the browser
// maps them to this server with --host-resolver-rules). Shared by the browser tests, the
// benchmarks and `npm start`. Plain JavaScript so Node runs it without a build step.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hostileTickets } from './hostile-tickets.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(here, '..', 'fixtures', 'helpdesks');

/** Hosts that are not helpdesks, for pages QA Lens must leave alone. */
const PLAIN_HOSTS = ['plain.example.com'];

/**
 * Each helpdesk's fixture folder may hold a `server.mjs` exporting `hosts` (host patterns it
 * answers for) and `handle(request)`, returning a response description or null.
 */
async function loadHelpdeskRoutes() {
  const routes = [];
  for (const id of readdirSync(FIXTURES).sort()) {
    const file = join(FIXTURES, id, 'server.mjs');
    if (!existsSync(file)) continue;
    const module = await import(pathToFileURL(file).href);
    routes.push({ id, folder: join(FIXTURES, id), hosts: module.hosts, handle: module.handle });
  }
  return routes;
}

/**
 * A site QA Lens does not know (an in-house CRM): `/cases/<id>` shows a conversation, with one
 * hostile message; every other path is a plain page.
 */
function plainSite(url) {
  const id = /^\/cases\/(\d+)$/.exec(url.pathname)?.[1];
  if (!id) return { type: 'text/html', body: '<!doctype html><title>Plain page</title><h1>Not a helpdesk</h1>' };
  const messages = ['Hi, my parcel never arrived.', 'Sorry to hear that! I have sent a replacement today.', '&lt;img src=x onerror="window.__qaLensPwned=1"&gt; thanks'];
  return {
    type: 'text/html',
    body: `<!doctype html><title>Case ${id} – In-house CRM</title><h1>Case ${id}</h1>${messages.map((m) => `<div class="msg">${m}</div>`).join('')}`,
  };
}

/** `*.zendesk.com` matches `acme.zendesk.com`; a plain host matches itself. */
function hostMatches(pattern, host) {
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
}

function makeCertificate(hostNames) {
  const dir = mkdtempSync(join(tmpdir(), 'qa-lens-cert-'));
  const san = hostNames.map((h) => `DNS:${h}`).join(',');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    '-subj', '/CN=qa-lens-fixtures', '-addext', `subjectAltName=${san}`,
  ], { stdio: 'ignore' });
  const pair = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  rmSync(dir, { recursive: true, force: true });
  return pair;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const TYPES = { '.json': 'application/json', '.html': 'text/html; charset=utf-8', '.js': 'text/javascript' };

/**
 * What a helpdesk route returns: `{ file }` (a path in its fixture folder), `{ status, json }`,
 * or `{ status, body, type }`. `rewrite(body, type)`, when given, changes the text sent (the
 * hostile twins).
 */
function send(res, folder, reply, rewrite = null) {
  const body = (text, type) => (rewrite ? rewrite(text, type) : text);
  if (reply.file) {
    const path = join(folder, reply.file);
    if (!existsSync(path)) return send(res, folder, { status: 404, json: { error: 'RecordNotFound' } });
    const type = TYPES[reply.file.slice(reply.file.lastIndexOf('.'))] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(rewrite ? body(readFileSync(path, 'utf8'), type) : readFileSync(path));
    return;
  }
  if (reply.json !== undefined) {
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' }).end(body(JSON.stringify(reply.json), 'application/json'));
    return;
  }
  res.writeHead(reply.status ?? 200, { 'content-type': reply.type ?? 'text/plain' }).end(body(reply.body ?? '', reply.type ?? 'text/plain'));
}

/**
 * Starts the server on a free loopback port.
 * `delays` maps a ticket id to milliseconds its API answers wait (to test slow and stale reads);
 * `requests` records every path asked for, with its Host header.
 */
export async function startFixtureServer() {
  const delays = new Map();
  const failing = new Set();
  const requests = [];
  const routes = await loadHelpdeskRoutes();
  /** The hostile twins (tests/support/hostile-tickets.mjs), built when first asked for and served in place of the fixtures once a test turns them on. */
  let twins = null;
  const hostile = () => (twins ??= hostileTickets(FIXTURES));
  let hostileOn = false;
  const hosts = [...routes.flatMap((r) => r.hosts), ...PLAIN_HOSTS];
  /** Delays a ticket's API answers, or answers for it with 503, as a test asked. */
  const ticketOptions = async (ticketId) => {
    if (delays.has(String(ticketId))) await sleep(delays.get(String(ticketId)));
    return failing.has(String(ticketId)) ? { status: 503, json: { error: 'Unavailable' } } : null;
  };
  const server = createServer(makeCertificate(hosts), async (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
    requests.push({ host: url.hostname, path: url.pathname });
    for (const route of routes) {
      if (!route.hosts.some((pattern) => hostMatches(pattern, url.hostname))) continue;
      const reply = await route.handle({ url, req, headers: req.headers, ticketOptions, fixture: (file) => ({ file }) });
      if (reply) return send(res, route.folder, reply, hostileOn ? (text, type) => hostile().get(route.id)?.rewrite(text, type) ?? text : null);
    }
    if (PLAIN_HOSTS.includes(url.hostname)) return send(res, '', plainSite(url));
    send(res, '', { status: 404, body: 'not found' });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    requests,
    /** Chromium flags that send the fixture host names here. */
    hosts,
    hostResolverRules: hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', '),
    setDelay: (ticketId, ms) => (ms ? delays.set(String(ticketId), ms) : delays.delete(String(ticketId))),
    setFailing: (ticketId, fail) => (fail ? failing.add(String(ticketId)) : failing.delete(String(ticketId))),
    /** Each helpdesk's hostile twin, by helpdesk id. */
    get hostile() {
      return hostile();
    },
    /** Serves every helpdesk's hostile twin in place of its first browser-test ticket (and swaps the same texts in its other fixtures). */
    setHostile: (on) => (hostileOn = on),
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
