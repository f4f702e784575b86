import type { Page } from 'playwright-core';

/**
 * Writes rows straight into the extension's IndexedDB from one of its pages, in one transaction.
 * The page must have opened the database already (the dashboard does), so every table exists.
 * Evaluations written this way are stored as by a version before report rows: their rows are
 * marked to be built again, as after that upgrade, and the next dashboard open builds them.
 */
export async function putRows(page: Page, tables: Record<string, readonly unknown[]>): Promise<void> {
  await page.evaluate(
    (tables) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('qa-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const rebuild = 'evaluations' in tables;
          const tx = db.transaction([...Object.keys(tables), ...(rebuild ? ['reportState'] : [])], 'readwrite');
          for (const [name, rows] of Object.entries(tables)) for (const row of rows) tx.objectStore(name).put(row);
          if (rebuild) tx.objectStore('reportState').delete('rows');
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    tables as Record<string, unknown[]>,
  );
}
