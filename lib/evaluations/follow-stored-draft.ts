/**
 * What a tab does when the stored evaluations of its ticket change under it (another tab of the
 * same ticket saved or submitted): take in the other tab's edits without losing its own newer
 * ones, or learn that the draft it shows was submitted. Pure; the panel's hook applies it.
 */
import type { Evaluation } from '../schemas';
import { mergeDrafts, sameDraftContent } from './merge-drafts';

/** Whether `stored` is a version of the draft `shown` (the same evaluation, maybe begun in another tab under another id). */
export function isVersionOf(stored: Evaluation, shown: Evaluation): boolean {
  return (
    stored.id === shown.id ||
    (stored.status === 'draft' &&
      stored.ticket.key === shown.ticket.key &&
      stored.author.name === shown.author.name &&
      stored.kind === shown.kind &&
      stored.calibrationSessionId === shown.calibrationSessionId)
  );
}

export type StoredDraftNews =
  | { kind: 'nothing' }
  /** The draft this tab shows was submitted (by another tab): show that, stop editing it. */
  | { kind: 'submitted'; evaluation: Evaluation }
  /** The stored draft this tab should take in. */
  | { kind: 'draft'; draft: Evaluation };

/**
 * Reads the author's stored evaluations of the ticket against the draft the tab shows (null when
 * it shows none yet): the stored version of that draft, by id first, else the author's latest
 * draft of the ticket, as `findDraft` restores it.
 */
export function storedDraftNews(shown: Evaluation | null, stored: readonly Evaluation[]): StoredDraftNews {
  const same = shown && stored.find((e) => e.id === shown.id);
  if (same && same.status !== 'draft') return { kind: 'submitted', evaluation: same };
  if (same) return { kind: 'draft', draft: same };
  const drafts = stored.filter((e) => e.status === 'draft' && (!shown || isVersionOf(e, shown))).sort((a, b) => a.updatedAt - b.updatedAt);
  const latest = drafts.at(-1);
  return latest ? { kind: 'draft', draft: latest } : { kind: 'nothing' };
}

/**
 * The tab's draft with the stored one taken in: the stored draft as is when the tab had none, the
 * two merged otherwise (the tab's own newer edits win, unsaved ones included). Returns `shown`
 * itself when nothing it shows would change, so the tab does not re-render for its own echo.
 */
export function takeInStored(shown: Evaluation | null, stored: Evaluation): Evaluation | null {
  if (!shown) return stored;
  if (!isVersionOf(stored, shown)) return shown;
  const merged = mergeDrafts(stored, shown);
  return sameDraftContent(merged, shown) ? shown : merged;
}
