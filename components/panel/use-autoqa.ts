import { useEffect, useRef, useState } from 'preact/hooks';
import type { AutoQaRun } from '@/lib/autoqa/answers';
import { measured } from '@/lib/measured';
import { ticketKey, type Answer, type Scorecard, type SpotlightFlag, type TicketContext } from '@/lib/schemas';
import type { PanelClient } from './panel-client';

interface Options {
  client: PanelClient;
  ticket: TicketContext;
  scorecard: Scorecard | null;
  /** The draft's answers: the run fills in only the linked criteria still unanswered. */
  answers: Readonly<Record<string, Answer>> | undefined;
  /** The draft has been looked up (restored or found absent): answers arrive after it, never over it. */
  ready: boolean;
  onAnswers: (answers: Record<string, Answer>) => void;
  onSpotlight: (flags: SpotlightFlag[]) => void;
}

/**
 * Runs the scorecard's automatic checks and Spotlight on the ticket, once it is read and the panel
 * is interactive. The checks (and their language models) are imported only then, so they never
 * delay the panel's first paint. Runs again when the reviewer picks another scorecard.
 */
export function useAutoQa({ client, ticket, scorecard, answers, ready, onAnswers, onSpotlight }: Options): AutoQaRun | null {
  const [run, setRun] = useState<AutoQaRun | null>(null);
  const done = useRef<string | null>(null);
  const latest = useRef({ answers, onAnswers, onSpotlight, ticket });
  latest.current = { answers, onAnswers, onSpotlight, ticket };
  const key = ticketKey(ticket);
  const which = `${key}|${scorecard?.id ?? ''}@${scorecard?.version ?? ''}|${ticket.messages.length}`;
  const readable = ready && ticket.complete && ticket.messages.length > 0;

  useEffect(() => {
    if (!readable || done.current === which) return;
    done.current = which;
    let live = true;
    // Marked so devtools and the browser tests can see the checks load only after `qa-lens:interactive`.
    performance.mark('qa-lens:autoqa-load');
    void (async () => {
      const [kpis, { runAutoQaOnTicket }] = await Promise.all([client.getTicketKpis(key), import('@/lib/autoqa/panel-run')]);
      if (!live) return;
      const now = latest.current;
      const result = measured('qa-lens:autoqa', () => runAutoQaOnTicket(now.ticket, scorecard, now.answers ?? {}, { csat: kpis?.csat, reopens: kpis?.reopens }));
      setRun(result);
      now.onSpotlight(result.spotlight);
      if (Object.keys(result.answers).length > 0) now.onAnswers(result.answers);
      // The flags are on screen and on the draft already; a snapshot refused (a full storage, say) is said as such.
      await client.keepTicketSpotlight(now.ticket, result.spotlight).catch((error: unknown) => console.error('QA Lens could not keep the ticket’s Spotlight flags:', error));
    })().catch((error: unknown) => console.error('QA Lens could not run the automatic checks:', error));
    return () => {
      live = false;
    };
  }, [client, key, which, readable, scorecard]);

  return run;
}
