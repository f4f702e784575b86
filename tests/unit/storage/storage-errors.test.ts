import Dexie from 'dexie';
import { isQuotaExceeded, storageFailureKind, storageFailureMessage } from '@/lib/storage/storage-errors';
import { SAVE_RETRY_DELAYS_MS, saveRetryDelay } from '@/lib/storage/retry-schedule';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('telling a full storage from other storage failures', () => {
  it.each([
    ['IndexedDB’s own DOMException', quota()],
    ['Dexie’s QuotaExceededError around it', new Dexie.QuotaExceededError('put failed', quota())],
    ['Dexie’s AbortError of the transaction the quota aborted', new Dexie.AbortError('Transaction aborted', quota())],
    ['an Error whose cause is the quota', new Error('could not save', { cause: quota() })],
    ['older Firefox’s name for it', Object.assign(new Error('quota reached'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' })],
    ['chrome.storage over its quota', new Error('Session storage quota bytes exceeded. Values were not stored.')],
  ])('%s is a full storage', (_what, error) => {
    expect(isQuotaExceeded(error)).toBe(true);
    expect(storageFailureKind(error)).toBe('quota');
  });

  it.each([
    ['a transaction aborted for another reason', new Dexie.AbortError('Transaction aborted')],
    ['a constraint error', new Dexie.ConstraintError('Key already exists')],
    ['a closed database', new Dexie.DatabaseClosedError()],
    ['a validation error', new Error('Answer every criterion first.')],
    ['a string', 'boom'],
    ['nothing', undefined],
  ])('%s is not', (_what, error) => {
    expect(isQuotaExceeded(error)).toBe(false);
    expect(storageFailureKind(error)).toBe('other');
  });

  it('follows a chain that loops back on itself without hanging', () => {
    const a: { name: string; inner?: unknown } = { name: 'AbortError' };
    a.inner = { name: 'UnknownError', inner: a };
    expect(isQuotaExceeded(a)).toBe(false);
  });
});

describe('what the reviewer is told', () => {
  it('a full storage on a draft: not saved, answers kept, saved again, and how to free space', () => {
    const message = storageFailureMessage(new Dexie.AbortError('Transaction aborted', quota()), 'draft');
    expect(message).toMatch(/^Not saved: this browser’s storage for QA Lens is full\./);
    expect(message).toContain('Your answers stay in this panel and are saved again automatically.');
    expect(message).toContain('Settings → Privacy → Retention');
    expect(message).toContain('export a backup');
  });

  it('a full storage on submit: not submitted, answers kept, submit again after freeing space', () => {
    const message = storageFailureMessage(quota(), 'submit');
    expect(message).toMatch(/^Not submitted: this browser’s storage for QA Lens is full\./);
    expect(message).toContain('Your answers stay in this panel.');
    expect(message).toMatch(/Then submit again\.$/);
  });

  it('any other draft failure names the browser’s reason once, with no doubled full stop', () => {
    expect(storageFailureMessage(new Error('Database has been closed.'), 'draft')).toBe(
      'Not saved: Database has been closed. Your answers stay in this panel and are saved again automatically.',
    );
  });

  it('any other submit failure keeps its own words (they say what to fix)', () => {
    expect(storageFailureMessage(new Error('Confirm or change the automatic answers first: Greeting.'), 'submit')).toBe(
      'Confirm or change the automatic answers first: Greeting.',
    );
  });
});

describe('the retry schedule after a failed save', () => {
  it('waits 1 s, 2 s, 5 s, 10 s, then every 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map(saveRetryDelay)).toEqual([1_000, 2_000, 5_000, 10_000, 30_000, 30_000, 30_000]);
    expect(Math.max(...SAVE_RETRY_DELAYS_MS)).toBe(30_000);
  });
});
