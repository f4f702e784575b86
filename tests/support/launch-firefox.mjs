// Launches Debian's Firefox ESR with the built Firefox add-on, driven over WebDriver BiDi by
// puppeteer-core (no browser download: it drives the installed binary). Used by the Firefox smoke
// test. What Firefox needs that Chromium gets from flags, measured with Firefox ESR 153:
// - Host names: Firefox has no --host-resolver-rules. `network.dns.forceResolve` sends every name
//   to one address but keeps port 443, and `network.dns.localDomains` only maps to localhost:443.
//   A proxy does map names to a port: Firefox sends `CONNECT acme.zendesk.com:443` to a CONNECT
//   proxy on loopback (`network.proxy.type` 1, `network.proxy.ssl`), which tunnels the fixture
//   hosts to the fixture server and refuses every other host. TLS still runs end to end with the
//   real host name (SNI), so the content script's match patterns and secure context are real.
// - The throwaway certificate: the BiDi session's `acceptInsecureCerts` turns on Firefox's
//   certificate override for the whole session, which covers the page, the add-on's iframe and
//   the content script's `content.fetch`. (`security.enterprise_roots.enabled` would need the
//   certificate in the system store, which takes root and outlives the test.)
// - The add-on: BiDi `webExtension.install` (puppeteer's `browser.installExtension`) installs the
//   unpacked build as a temporary add-on, as about:debugging's "Load Temporary Add-on" does.
// - Its origin: moz-extension://<uuid>/ is random per profile; `extensions.webextensions.uuids`
//   pins it, so extension pages have a known address.
// - A cold start (profile creation included) took 4–6 s on two busy cores.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv2');
/** The add-on's id, from `browser_specific_settings.gecko.id` in wxt.config.ts. */
export const FIREFOX_ADDON_ID = 'qa-lens@qa-lens.dev';
const ADDON_UUID = '6f1c2a4e-8b1d-4d5e-9a37-2c0f5b7e9d10';

export function firefoxPath() {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error('Firefox not found: install it (apt-get install firefox-esr) or set FIREFOX_PATH.');
  return found;
}

/** Matches `*.zendesk.com` against `acme.zendesk.com`, a plain host against itself. */
function hostMatches(pattern, host) {
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
}

/**
 * A CONNECT proxy on loopback that tunnels `hosts` (port 443) to 127.0.0.1:`port` and refuses
 * everything else, so Firefox reaches the fixture helpdesks under their own names and nothing else.
 */
export async function startHostProxy({ hosts, port }) {
  const proxy = createServer((_req, res) => res.writeHead(403).end('QA Lens test proxy: plain HTTP is not forwarded'));
  const tunnels = new Set();
  proxy.on('connect', (req, client, head) => {
    const [host, targetPort] = String(req.url).split(':');
    if (targetPort !== '443' || !hosts.some((pattern) => hostMatches(pattern, host))) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(port, '127.0.0.1', () => {
      tunnels.add(client).add(upstream);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => {
      tunnels.delete(client);
      upstream.destroy();
    });
    upstream.on('close', () => {
      tunnels.delete(upstream);
      client.destroy();
    });
  });
  await new Promise((done) => proxy.listen(0, '127.0.0.1', done));
  const address = proxy.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: () => new Promise((done) => {
      // Tunnels left open by the browser would keep close() waiting.
      for (const socket of tunnels) socket.destroy();
      proxy.closeAllConnections();
      proxy.close(() => done(undefined));
    }),
  };
}

/**
 * @param {{ server: { hosts: string[], port: number }, extensionDir?: string, prefs?: Record<string, unknown> }} options
 * `prefs` adds Firefox preferences (e.g. to turn a web platform feature off, as older releases lack it).
 */
export async function launchFirefoxWithExtension(options) {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${extensionDir}: run \`npm run build:firefox\` first.`);
  }
  const proxy = await startHostProxy(options.server);
  const userDataDir = mkdtempSync(join(tmpdir(), 'qa-lens-firefox-'));
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      userDataDir,
      acceptInsecureCerts: true,
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: ADDON_UUID }),
        ...options.prefs,
      },
    });
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await proxy.close();
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    browser,
    extensionUrl: (path) => `moz-extension://${ADDON_UUID}/${path.replace(/^\//, '')}`,
    async close() {
      await browser.close();
      await proxy.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
