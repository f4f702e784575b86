import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { evaluatedTicket, newDraft } from '@/lib/evaluations/new-draft';
import { ticketKey, type Evaluation, type EvaluationKind, type Profile, type Scorecard, type SpotlightFlag, type TicketContext } from '@/lib/schemas';
import { saveRetryDelay } from '@/lib/storage/retry-schedule';
import { storageFailureMessage } from '@/lib/storage/storage-errors';
import type { PanelClient } from './panel-client';
import { stampEdits } from '@/lib/evaluations/merge-drafts';
import { useOtherTabsDraft } from './use-other-tabs-draft';

/** Drafts are written this long after the last change: well within a second, without a write per keystroke. */
export const AUTOSAVE_DELAY_MS = 300;

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

interface DraftOptions {
  /** What a new draft is: a review, or the agent's self-assessment of their own ticket. */
  kind: EvaluationKind;
  /** Active seconds spent in the panel since it opened this ticket (see useReviewTime). */
  activeSeconds: () => number;
  /** The calibration session a new `calibration` draft is scored for. */
  calibrationSessionId?: string;
  /** The ticket's Spotlight flags once worked out, kept on the draft's copy of the ticket. */
  spotlight?: SpotlightFlag[] | undefined;
  /** The draft shown was submitted in another tab of the same ticket. */
  onSubmittedElsewhere?: (evaluation: Evaluation) => void;
}

/**
 * The reviewer's draft of the current ticket: restored from the database when the ticket opens,
 * created on the first answer, and saved shortly after every change (and at once when the ticket
 * changes or the panel is hidden), so a reload or a crash loses at most the last few hundred ms.
 * Each save carries the review time so far: the draft's earlier sessions plus this one.
 */
export function useEvaluationDraft(client: PanelClient, ticket: TicketContext, profile: Profile, { kind, activeSeconds, spotlight, calibrationSessionId, onSubmittedElsewhere }: DraftOptions) {
  const key = ticketKey(ticket);
  const [draft, setDraft] = useState<Evaluation | null>(null);
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  /** Why the last save failed, for the status line; null once a save succeeds. */
  const [saveError, setSaveError] = useState<string | null>(null);
  const unsaved = useRef<Evaluation | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The draft most recently handed to the database: only its outcome speaks for the draft. */
  const lastSent = useRef<Evaluation | null>(null);
  const failures = useRef(0);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimeout(retryTimer.current);
    };
  }, []);
  const latestTicket = useRef(ticket);
  latestTicket.current = ticket;
  const latestSpotlight = useRef(spotlight);
  latestSpotlight.current = spotlight;
  /** Review seconds the draft had when it was restored: earlier sessions on it. */
  const earlierSeconds = useRef(0);
  const reviewSeconds = useCallback(() => earlierSeconds.current + activeSeconds(), [activeSeconds]);

  /**
   * Writes the pending draft now. A failed write (a full storage, most often) puts the draft back
   * as pending unless a newer change has replaced it, and tries again on the backoff of
   * lib/storage/retry-schedule.ts; a new change or the Retry button saves it sooner.
   */
  const flush = useCallback(function save() {
    clearTimeout(timer.current);
    clearTimeout(retryTimer.current);
    const pending = unsaved.current;
    if (!pending) return;
    unsaved.current = null;
    lastSent.current = pending;
    setSaveState('saving');
    client.saveDraft(pending).then(
      () => {
        // A later save, a submission (here or in another tab: clear()) is in charge of the draft now.
        if (lastSent.current !== pending) return;
        failures.current = 0;
        setSaveError(null);
        setSaveState(unsaved.current ? 'saving' : 'saved');
      },
      (error: unknown) => {
        if (lastSent.current !== pending) return;
        unsaved.current ??= pending;
        failures.current += 1;
        setSaveError(storageFailureMessage(error, 'draft'));
        setSaveState('error');
        if (mounted.current) retryTimer.current = setTimeout(save, saveRetryDelay(failures.current));
      },
    );
  }, [client]);

  // The draft as last rendered, so leaving can store the review time spent since its last change.
  const shown = useRef<Evaluation | null>(null);
  const stampAndFlush = useCallback(() => {
    const latest = unsaved.current ?? shown.current;
    if (latest && latest.reviewSeconds !== reviewSeconds()) unsaved.current = { ...latest, reviewSeconds: reviewSeconds() };
    flush();
  }, [flush, reviewSeconds]);

  useEffect(() => {
    let current = true;
    setDraft(null);
    setLoadedKey(null);
    setSaveState('idle');
    setSaveError(null);
    client.findDraft(key, profile.name).then((found) => {
      if (!current) return;
      earlierSeconds.current = found?.reviewSeconds ?? 0;
      setDraft(found ?? null);
      setLoadedKey(key);
    });
    return () => {
      current = false;
      stampAndFlush();
    };
  }, [client, key, profile.name, stampAndFlush]);

  useEffect(() => {
    const onHide = () => document.visibilityState === 'hidden' && stampAndFlush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', stampAndFlush);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', stampAndFlush);
    };
  }, [stampAndFlush]);

  /** Applies a change to the draft (creating it pinned to `scorecard` if there is none) and schedules a save. */
  const update = useCallback(
    (scorecard: Scorecard, change: (draft: Evaluation) => Evaluation) => {
      setDraft((previous) => {
        const base = previous ?? newDraft({ ticket: latestTicket.current, scorecard, author: profile, kind, calibrationSessionId, now: client.now() });
        const now = client.now();
        // Each changed field is stamped with the time of its edit, for merging with other tabs' saves.
        const next = stampEdits(base, { ...change(base), ticket: evaluatedTicket(latestTicket.current, latestSpotlight.current), reviewSeconds: reviewSeconds(), updatedAt: now }, now);
        unsaved.current = next;
        return next;
      });
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, AUTOSAVE_DELAY_MS);
    },
    [client, profile, kind, calibrationSessionId, reviewSeconds, flush],
  );

  // The draft follows the ticket as more of it is read or filled in by the reviewer.
  const evaluated = JSON.stringify(evaluatedTicket(ticket, spotlight));
  useEffect(() => {
    setDraft((previous) => {
      if (!previous || JSON.stringify(previous.ticket) === evaluated) return previous;
      const next = { ...previous, ticket: JSON.parse(evaluated) as Evaluation['ticket'] };
      unsaved.current = next;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, AUTOSAVE_DELAY_MS);
      return next;
    });
  }, [evaluated, flush]);

  /** Forgets the draft after it was submitted or discarded. */
  const clear = useCallback(() => {
    clearTimeout(timer.current);
    clearTimeout(retryTimer.current);
    unsaved.current = null;
    lastSent.current = null;
    failures.current = 0;
    setSaveError(null);
    shown.current = null;
    earlierSeconds.current = 0;
    setDraft(null);
    setSaveState('idle');
  }, []);

  useOtherTabsDraft({
    client,
    ticketKey: key,
    authorName: profile.name,
    loaded: loadedKey === key,
    current: () => unsaved.current ?? shown.current,
    setDraft,
    onSubmitted: onSubmittedElsewhere,
  });

  shown.current = loadedKey === key ? draft : null;
  return { draft: loadedKey === key ? draft : null, loaded: loadedKey === key, saveState, saveError, update, clear, flush, reviewSeconds };
}
