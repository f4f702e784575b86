import { useEffect, useRef } from 'preact/hooks';
import { storedDraftNews, takeInStored } from '@/lib/evaluations/follow-stored-draft';
import type { Evaluation } from '@/lib/schemas';
import type { PanelClient } from './panel-client';

interface Options {
  client: PanelClient;
  ticketKey: string;
  authorName: string;
  /** Follow only once the tab restored its own draft, so what it took in is not replaced by the restore. */
  loaded: boolean;
  /** The draft as this tab holds it now, unsaved edits included. */
  current: () => Evaluation | null;
  setDraft: (change: (draft: Evaluation | null) => Evaluation | null) => void;
  /** The draft this tab shows was submitted, by another tab. */
  onSubmitted?: ((evaluation: Evaluation) => void) | undefined;
}

/**
 * The same ticket open in two tabs: each tab follows what the other stores. Another tab's saved
 * edits are merged into this tab's draft field by field (lib/evaluations/follow-stored-draft.ts):
 * this tab's own newer edits, saved or not, win, and a field whose value does not change keeps its
 * DOM and caret, since the form is controlled and keyed by criterion. When the other tab submits
 * the draft, this one hears it and shows the submission instead of failing to save.
 * Its own effect, beside the draft hook's saving, so the two can change apart.
 */
export function useOtherTabsDraft({ client, ticketKey, authorName, loaded, current, setDraft, onSubmitted }: Options): void {
  const latest = useRef({ current, onSubmitted });
  latest.current = { current, onSubmitted };
  useEffect(() => {
    if (!loaded || !client.watchMyEvaluations) return;
    return client.watchMyEvaluations(ticketKey, authorName, (stored) => {
      const news = storedDraftNews(latest.current.current(), stored);
      if (news.kind === 'submitted') latest.current.onSubmitted?.(news.evaluation);
      else if (news.kind === 'draft') setDraft((shown) => takeInStored(shown, news.draft));
    });
  }, [client, ticketKey, authorName, loaded, setDraft]);
}
