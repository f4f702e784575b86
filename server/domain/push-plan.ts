/**
 * Which mutations of a push to apply: each client mutation id once, in id order, with no gap.
 * Pure: the store passes in what it knows of the client.
 */

export interface ClientProgress {
  /** The highest mutation id applied or refused for good; null before the client's first push. */
  lastMutationId: number | null;
  /** Ids above `lastMutationId` refused for good: the client set them aside, so they never come. */
  refused: readonly number[];
}

export interface PushPlan<M extends { id: number }> {
  /** The mutations to apply now, in id order. */
  apply: M[];
  /** Where the client stands once `apply` is applied (refused ids right after it included). */
  lastMutationId: number;
}

/**
 * Ids at or below the client's last are duplicates (a retried or overlapping push) and are skipped;
 * an id beyond the next expected one is a gap (a batch that overtook an earlier one), and the push
 * stops there: the client sends the rest again after the missing batch arrives. A client's first
 * push starts at its lowest id, since the extension keeps numbering across teams it has left.
 */
export function planPush<M extends { id: number }>(mutations: readonly M[], progress: ClientProgress): PushPlan<M> {
  const sorted = [...mutations].sort((a, b) => a.id - b.id);
  const refused = new Set(progress.refused);
  let last = progress.lastMutationId ?? Math.max(0, (sorted[0]?.id ?? 1) - 1);
  const passRefused = () => {
    while (refused.has(last + 1)) last += 1;
  };
  const apply: M[] = [];
  passRefused();
  for (const mutation of sorted) {
    if (mutation.id <= last) continue;
    if (mutation.id !== last + 1) break;
    apply.push(mutation);
    last = mutation.id;
    passRefused();
  }
  return { apply, lastMutationId: last };
}
