import type { DBCore, DBCoreMutateRequest } from 'dexie';
import type { QaLensDatabase } from '@/lib/db';

/**
 * A database whose storage can be made full. fake-indexeddb has no quota, so every write below Dexie
 * (its DBCore, where IndexedDB itself would refuse) fails with the browser's real DOMException while
 * `full` is set; reads go on working, as they do in a full browser. The real thing is in
 * tests/browser/quota.test.ts.
 */
export function withFullStorage(db: QaLensDatabase) {
  const storage = { full: false, refused: [] as string[] };
  db.use({
    stack: 'dbcore',
    name: 'full-storage',
    level: 0,
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(request: DBCoreMutateRequest) {
            if (!storage.full) return table.mutate(request);
            storage.refused.push(name);
            return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
          },
        };
      },
    }),
  });
  return storage;
}
