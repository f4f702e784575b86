// HTTPS server for helpdesk fixtures, answered under the helpdesks' real host names (the browser
// maps them to this server with --host-resolver-rules). Shared by the browser tests, the
// benchmarks and `npm start`. Plain JavaScript so Node runs it without a build step.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(here, '..', 'fixtures', 'helpdesks');

/** Host names the certificate covers and the browser maps to this server. */
export const FIXTURE_HOSTS = ['*.zendesk.com', 'plain.example.com'];

function makeCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'qa-lens-cert-'));
  const san = FIXTURE_HOSTS.map((h) => `DNS:${h}`).join(',');
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

function sendFile(res, path, type) {
  if (!existsSync(path)) {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"RecordNotFound"}');
    return;
  }
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(readFileSync(path));
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
  const zendesk = join(FIXTURES, 'zendesk');
  const server = createServer(makeCertificate(), async (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
    requests.push({ host: url.hostname, path: url.pathname });
    const api = /^\/api\/v2\/tickets\/(\d+)(\/comments)?\.json$/.exec(url.pathname);
    if (url.hostname.endsWith('.zendesk.com') && api) {
      const id = api[1];
      if (delays.has(id)) await sleep(delays.get(id));
      if (failing.has(id)) {
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"Unavailable"}');
        return;
      }
      const page = Number(url.searchParams.get('page') ?? 1);
      const file = api[2] ? `comments-${id}${page > 1 ? `-page-${page}` : ''}` : `ticket-${id}`;
      sendFile(res, join(zendesk, 'api', `${file}.json`), 'application/json');
      return;
    }
    if (url.hostname.endsWith('.zendesk.com') && url.pathname.startsWith('/agent/')) {
      sendFile(res, join(zendesk, 'agent-app.html'), 'text/html; charset=utf-8');
      return;
    }
    if (url.pathname === '/empty.html' || url.hostname === 'plain.example.com') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Plain page</title><h1>Not a helpdesk</h1>');
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    requests,
    /** Chromium flags that send the fixture host names here. */
    hostResolverRules: FIXTURE_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', '),
    setDelay: (ticketId, ms) => (ms ? delays.set(String(ticketId), ms) : delays.delete(String(ticketId))),
    setFailing: (ticketId, fail) => (fail ? failing.add(String(ticketId)) : failing.delete(String(ticketId))),
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
