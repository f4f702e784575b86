import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';

/**
 * Every row of every object store of the extension's database, by store name, read with plain
 * IndexedDB from an extension page (so the test sees what is stored, not what a page shows).
 */
export function readDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('qa-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => (out[name] = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** The text of a file the page offered as a download. */
export async function downloadedText(download: Download): Promise<string> {
  return readFileSync((await download.path())!, 'utf8');
}
