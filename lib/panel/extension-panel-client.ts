import { browser } from 'wxt/browser';
import type { PanelClient } from '@/components/panel/panel-client';
import {
  discardDraft,
  findDraft,
  getProfile,
  getScorecard,
  listScorecards,
  listTicketEvaluations,
  saveDraft,
  seedScorecards,
  submitEvaluation,
  type QaLensDatabase,
} from '../db';
import { request } from '../messaging/client';
import { events } from '../messaging/contracts';
import { SCORECARD_TEMPLATES } from '../scorecards/templates';

/**
 * Runs a storage call under a performance measure, so devtools and `npm run bench` can read how
 * long saves take in the real browser.
 */
async function measured<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}

/** The panel's window onto the extension: Dexie for data, the background worker for the tab's ticket. */
export function createExtensionPanelClient(db: QaLensDatabase): PanelClient {
  const now = () => Date.now();
  return {
    hello: () => request('panel/hello', {}),
    onTicketChanged(tabId, listener) {
      const onMessage = (message: unknown, sender: { id?: string }) => {
        if (sender.id !== browser.runtime.id) return;
        if (!message || typeof message !== 'object' || (message as { event?: unknown }).event !== 'ticket/updated') return;
        const parsed = events['ticket/updated'].safeParse((message as { data?: unknown }).data);
        if (parsed.success && parsed.data.tabId === tabId) listener(parsed.data.ticket);
      };
      browser.runtime.onMessage.addListener(onMessage);
      return () => browser.runtime.onMessage.removeListener(onMessage);
    },
    getProfile: () => getProfile(db),
    async listScorecards() {
      await seedScorecards(db, SCORECARD_TEMPLATES, now());
      return listScorecards(db);
    },
    getScorecard: (id, version) => getScorecard(db, id, version),
    findDraft: (key, author) => findDraft(db, key, author),
    saveDraft: (draft) => measured('qa-lens:save-draft', () => saveDraft(db, draft, now())),
    discardDraft: (id) => discardDraft(db, id),
    submit: (draft, scorecard, ticket) => measured('qa-lens:submit', () => submitEvaluation(db, draft, scorecard, ticket, now())),
    listTicketEvaluations: (key) => listTicketEvaluations(db, key),
    close: () => void request('panel/close', {}).catch(() => undefined),
    openDashboard: () => void window.open(browser.runtime.getURL('/dashboard.html'), '_blank', 'noopener'),
    openOptions: () => void browser.runtime.openOptionsPage(),
    now,
  };
}
