/**
 * Why the browser refused to store something, in words a reviewer can act on. Pure: it reads the
 * error's shape only, so the panel, the worker and the tests share it without importing Dexie.
 */

/** The browser's storage for this extension is full, or something else went wrong. */
export type StorageFailureKind = 'quota' | 'other';

/** What was being written when it failed: the message says what became of it. */
export type StorageWrite = 'draft' | 'submit';

/** Older Firefox names its quota error this way instead of `QuotaExceededError`. */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
/** `chrome.storage` reports a full area with a plain Error naming its quota (e.g. QUOTA_BYTES). */
const EXTENSION_STORAGE_QUOTA = /\bQUOTA_BYTES\b|quota (bytes )?exceeded/i;

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
}

/**
 * True when the write failed because storage is full. Dexie wraps IndexedDB's DOMException: as
 * `Dexie.QuotaExceededError` when a request fails, and as `Dexie.AbortError` whose `inner` is the
 * DOMException when the transaction is aborted for it, so the chain of `inner` and `cause` is followed.
 */
export function isQuotaExceeded(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current = error; current && typeof current === 'object' && !seen.has(current); ) {
    seen.add(current);
    const e = current as ErrorLike;
    if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return true;
    if (typeof e.message === 'string' && EXTENSION_STORAGE_QUOTA.test(e.message)) return true;
    current = e.inner ?? e.cause;
  }
  return false;
}

export function storageFailureKind(error: unknown): StorageFailureKind {
  return isQuotaExceeded(error) ? 'quota' : 'other';
}

const FREE_SPACE = 'Free space (Settings → Privacy → Retention, or this browser’s site data) or export a backup.';

/**
 * The reviewer's message for a failed write. Both kinds say the answers are still on screen; a full
 * storage says what to do about it. Any other failure keeps the browser's own words, which are
 * specific (a validation error on submit, say) where ours would not be.
 */
export function storageFailureMessage(error: unknown, write: StorageWrite): string {
  if (isQuotaExceeded(error)) {
    return write === 'draft'
      ? `Not saved: this browser’s storage for QA Lens is full. Your answers stay in this panel and are saved again automatically. ${FREE_SPACE}`
      : `Not submitted: this browser’s storage for QA Lens is full. Your answers stay in this panel. ${FREE_SPACE} Then submit again.`;
  }
  const said = error instanceof Error ? error.message : String(error);
  return write === 'draft' ? `Not saved: ${said.replace(/[.\s]+$/, '')}. Your answers stay in this panel and are saved again automatically.` : said;
}
