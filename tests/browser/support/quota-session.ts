import { createHash } from 'node:crypto';
import type { CDPSession, Page } from 'playwright-core';
import { startFixtureServer } from '../../support/fixture-server.mjs';
import { EXTENSION_DIR, launchWithExtension } from '../../support/launch-extension.mjs';
import type { BrowserSession } from './session';

/**
 * Chromium's id for an unpacked extension: the first 128 bits of the SHA-256 of its absolute
 * directory, written with the letters a–p for the hex digits 0–f.
 */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

export interface QuotaSession extends BrowserSession {
  /** Ends the quota override: the extension's origin gets the browser's usual quota again. */
  liftQuota(): Promise<void>;
}

/**
 * A browser session in which the extension's origin has only `quotaBytes` of storage, so IndexedDB
 * really refuses writes with QuotaExceededError. What this Chromium showed when it was measured:
 * `Storage.overrideQuotaForOrigin` binds only an origin that has not used storage yet in the
 * browser's run, works from a page's DevTools session (a browser-level one answers "Internal
 * error"), and lasts while that session is open; and `navigator.storage.estimate()` still reports
 * the usual quota. The extension's worker opens IndexedDB as it starts, so the browser starts
 * without the extension, the quota is set for the id the extension will have, and only then is
 * the extension loaded (`Extensions.loadUnpacked`).
 */
export async function startQuotaSession(quotaBytes: number): Promise<QuotaSession> {
  const server = await startFixtureServer();
  const browser = await launchWithExtension({ extensionDir: null, hostResolverRules: server.hostResolverRules });
  const id = unpackedExtensionId(EXTENSION_DIR);
  const origin = `chrome-extension://${id}`;
  // The page whose DevTools session holds the override: open until the session closes.
  const holder: Page = await browser.context.newPage();
  const quota: CDPSession = await browser.context.newCDPSession(holder);
  await quota.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: quotaBytes });
  const cdp = await browser.context.browser()!.newBrowserCDPSession();
  const loaded = (await cdp.send('Extensions.loadUnpacked', { path: EXTENSION_DIR })) as { id: string };
  await cdp.detach();
  if (loaded.id !== id) throw new Error(`The extension loaded as ${loaded.id}, not ${id}: the quota was set for the wrong origin.`);
  return {
    server,
    context: browser.context,
    extensionUrl: (path) => `${origin}/${path.replace(/^\//, '')}`,
    liftQuota: async () => void (await quota.send('Storage.overrideQuotaForOrigin', { origin })),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A database of random bytes (repeated text would be compressed on disk) that takes up the origin's room. */
const FILLER = 'qa-lens-test-filler';

/**
 * Fills the extension origin's IndexedDB from one of its pages until not even 1 KB more fits:
 * chunks of random bytes, each its own transaction, halving the chunk whenever the quota refuses
 * one. Returns the bytes written.
 */
export function fillStorage(extensionPage: Page): Promise<number> {
  return extensionPage.evaluate(async (name) => {
    const open = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onupgradeneeded = () => request.result.createObjectStore('filler');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const put = (size: number) =>
      new Promise<boolean>((resolve, reject) => {
        const bytes = new Uint8Array(size);
        for (let at = 0; at < size; at += 65_536) crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65_536)));
        const tx = open.transaction('filler', 'readwrite');
        tx.objectStore('filler').put(bytes, crypto.randomUUID());
        tx.oncomplete = () => resolve(true);
        tx.onabort = () => (tx.error?.name === 'QuotaExceededError' ? resolve(false) : reject(tx.error));
      });
    let written = 0;
    for (let size = 1 << 20; size >= 1024; ) {
      if (await put(size)) written += size;
      else size /= 2;
    }
    open.close();
    return written;
  }, FILLER);
}

/** Deletes the filler database: the room it took is free at once. */
export function freeStorage(extensionPage: Page): Promise<void> {
  return extensionPage.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
    FILLER,
  );
}
