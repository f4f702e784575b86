import { browser } from 'wxt/browser';
import type { QaLensDatabase } from '../db/database';
import { getSyncStatus, getTeamLink } from '../db/sync-state';
import { dueCount } from '../reminders/plan-reminders';

// Firefox's Manifest V2 build has browserAction where Chromium's MV3 has action.
const toolbarAction = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

const SYNC_TROUBLE = new Set(['error', 'signed-out']);

/**
 * The toolbar badge says what needs the user: a sync that fails ("!", red, the reason in the
 * tooltip) before the count of due reminders. Worked out from the database alone, so the reminder
 * pass and the sync round can each refresh it without knowing about the other.
 */
export async function refreshBadge(db: QaLensDatabase, now: number): Promise<void> {
  const [reminders, link, status] = await Promise.all([db.reminders.toArray(), getTeamLink(db), getSyncStatus(db)]);
  const due = dueCount(reminders, now);
  const action = toolbarAction();
  if (link && SYNC_TROUBLE.has(status.phase)) {
    await action.setBadgeText({ text: '!' });
    await action.setBadgeBackgroundColor({ color: '#b3261e' });
    await action.setTitle({ title: `QA Lens: team sync failed. ${status.error}` });
    return;
  }
  await action.setBadgeText({ text: due === 0 ? '' : String(due) });
  await action.setBadgeBackgroundColor({ color: '#1f4e8c' });
  await action.setTitle({ title: due === 0 ? 'QA Lens' : `QA Lens: ${due} reminder${due === 1 ? '' : 's'} due` });
}
