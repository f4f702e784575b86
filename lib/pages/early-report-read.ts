/**
 * The dashboard's first read of its report rows, started by the entry before the rest of the page
 * is loaded: the database reads the stored days while the browser parses and runs the page's
 * modules, instead of after. Bare IndexedDB, so this module stays tiny (no Dexie, no zod); the
 * read is the same as `readReportRows` (lib/db/report-rows.ts), which the page falls back to
 * whenever this one has nothing (no database yet, rows not built, any error).
 */
import { reportRowsBuilt, type ReportDay } from '../reports/report-days';

export interface EarlyRead {
  /** When the read started (`performance.now()`), so the page's read measure covers all of it. */
  start: number;
  /** The stored days in key order, or undefined when the page must read them the usual way. */
  days: Promise<ReportDay[] | undefined>;
}

/** Opens the database as it is (never creating or upgrading it) and reads the built report days. */
export function readReportDaysEarly(name = 'qa-lens'): EarlyRead {
  const start = performance.now();
  const days = new Promise<ReportDay[] | undefined>((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch {
      return resolve(undefined);
    }
    // No database yet: abort, so this read never creates one (Dexie creates it, at its version).
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(undefined);
    request.onblocked = () => resolve(undefined);
    request.onsuccess = () => {
      const db = request.result;
      // Dexie may need to upgrade the database: this connection must not hold that up.
      db.onversionchange = () => db.close();
      const finish = (value: ReportDay[] | undefined) => {
        db.close();
        resolve(value);
      };
      try {
        const tx = db.transaction(['reportState', 'reportDays'], 'readonly');
        const state = tx.objectStore('reportState').get('rows');
        const all = tx.objectStore('reportDays').getAll();
        tx.oncomplete = () => {
          finish(reportRowsBuilt(state.result) ? (all.result as ReportDay[]) : undefined);
        };
        tx.onerror = () => finish(undefined);
        tx.onabort = () => finish(undefined);
      } catch {
        // An older database without these stores: the usual path upgrades it.
        finish(undefined);
      }
    };
  });
  return { start, days };
}
