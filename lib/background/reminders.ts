import { browser } from 'wxt/browser';
import { getProfile, openDatabase, type QaLensDatabase } from '../db';
import { markNotified, replaceReminders } from '../db/reminders';
import { nextDueAt, planReminders, toNotify } from '../reminders/plan-reminders';
import { refreshBadge } from './badge';

/** The one alarm that wakes the worker for the next reminder. */
export const REMINDER_ALARM = 'reminders';
/**
 * A slow safety net: re-plans even when no page told the worker about a change (a review that
 * arrives by sync, a profile edited in another window).
 */
export const REMINDER_SWEEP_ALARM = 'reminders-sweep';
const SWEEP_MINUTES = 60;

/**
 * One planning pass: brings the stored reminders in line with the records, shows the newly due
 * ones once, badges the due count, and sets the alarm for the next one. Everything it needs is in
 * the database, so a worker stopped between passes resumes where it left off.
 */
export async function runReminders(db: QaLensDatabase, now: number, timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone): Promise<void> {
  const [profile, evaluations, plans] = await Promise.all([
    getProfile(db),
    db.evaluations.where('status').equals('submitted').toArray(),
    db.coachingPlans.toArray(),
  ]);
  const reminders = await replaceReminders(db, planReminders(evaluations, plans, profile, timeZone));

  const fresh = toNotify(reminders, now);
  for (const reminder of fresh) {
    await browser.notifications.create(reminder.id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/notification-icon.png'),
      title: reminder.title,
      message: reminder.message,
    });
  }
  // Marked after showing: a worker killed in between shows it again rather than never.
  if (fresh.length > 0) await markNotified(db, fresh.map((r) => r.id), now);

  await refreshBadge(db, now);

  const next = nextDueAt(reminders, now);
  if (next === null) await browser.alarms.clear(REMINDER_ALARM);
  else await browser.alarms.create(REMINDER_ALARM, { when: next });
  if (!(await browser.alarms.get(REMINDER_SWEEP_ALARM))) await browser.alarms.create(REMINDER_SWEEP_ALARM, { periodInMinutes: SWEEP_MINUTES });
}

/** The page a reminder's notification opens. */
export function reminderPage(notificationId: string): `/reviews.html#${string}` | `/coaching.html#${string}` | null {
  const [kind, id] = notificationId.split(':');
  if (!id) return null;
  if (kind === 'acknowledgement') return `/reviews.html#review-${id}`;
  if (kind === 'follow-up') return `/coaching.html#plan-${id}`;
  return null;
}

/**
 * The worker's reminder wiring: a pass at install and browser start, on either alarm, and when a
 * page asks after a write (`reminders/refresh`); a click on a notification opens its page.
 */
export function wireReminders(): void {
  const pass = () => void runReminders(openDatabase(), Date.now()).catch(console.error);
  browser.runtime.onInstalled.addListener(pass);
  browser.runtime.onStartup.addListener(pass);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM || alarm.name === REMINDER_SWEEP_ALARM) pass();
  });
  browser.notifications.onClicked.addListener((id) => {
    const page = reminderPage(id);
    if (page) void browser.tabs.create({ url: browser.runtime.getURL(page) });
    void browser.notifications.clear(id);
  });
}
