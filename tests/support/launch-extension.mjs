// Launches Debian's Chromium with the built extension, the way the browser tests, the benchmarks
// and `npm start` all need it. See docs in ../../ARCHITECTURE.md ("Browser tests").
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH.');
  return found;
}

/**
 * Our own --disable-features list replaces Playwright's, whose ThirdPartyStoragePartitioning
 * entry denies IndexedDB to an extension page framed by an https page.
 */
const DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding', 'OptimizationHints',
  'NetworkTimeServiceQuerying', 'Translate',
].join(',');

/**
 * @param {{ extensionDir?: string | null, hostResolverRules?: string, headless?: boolean, userDataDir?: string }} options
 * `extensionDir: null` launches without any extension (a baseline for benchmarks).
 */
export async function launchWithExtension(options = {}) {
  const extensionDir = options.extensionDir === undefined ? EXTENSION_DIR : options.extensionDir;
  const ownProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'qa-lens-profile-'));
  const args = [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--ignore-certificate-errors', `--disable-features=${DISABLED_FEATURES}`,
  ];
  if (options.hostResolverRules) args.push(`--host-resolver-rules=${options.hostResolverRules}`);
  if (extensionDir) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
    args,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  let extensionId = null;
  if (extensionDir) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    userDataDir,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close();
      if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
