import { fakeBrowser } from 'wxt/testing';
import { REMINDER_ALARM, REMINDER_SWEEP_ALARM, reminderPage, runReminders } from '@/lib/background/reminders';
import { QaLensDatabase, saveProfile } from '@/lib/db';
import { acknowledge } from '@/lib/db/feedback';
import { DAY } from '../coaching/coaching-factories';
import { freshDatabase } from '../db/factories';
import { AGENT, DEADLINE, makeReview, REVIEWER, SCORECARD, SUBMITTED_AT } from '../feedback/review-factories';

const badge = () => fakeBrowser.action.getBadgeText({});
const notifications = async () => Object.keys(await fakeBrowser.notifications.getAll());

async function agentWithReview() {
  const db = freshDatabase();
  await saveProfile(db, AGENT);
  await db.scorecards.put(SCORECARD);
  await db.evaluations.put(makeReview());
  return db;
}

describe('the reminder worker', () => {
  it('before the reminder is due: no notification, no badge, an alarm for the day before the deadline', async () => {
    const db = await agentWithReview();
    await runReminders(db, SUBMITTED_AT + 1000, 'UTC');
    expect(await notifications()).toEqual([]);
    expect(await badge()).toBe('');
    expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(DEADLINE - DAY);
    expect((await fakeBrowser.alarms.get(REMINDER_SWEEP_ALARM))?.periodInMinutes).toBe(60);
  });

  it('when due: one notification, a badge of 1, and the reminder marked as shown', async () => {
    const db = await agentWithReview();
    await runReminders(db, DEADLINE - DAY, 'UTC');
    expect(await notifications()).toEqual(['acknowledgement:ev-1']);
    expect((await fakeBrowser.notifications.getAll())['acknowledgement:ev-1']).toMatchObject({ type: 'basic', title: 'A review awaits your answer' });
    expect(await badge()).toBe('1');
    expect((await db.reminders.get('acknowledgement:ev-1'))?.notifiedAt).toBe(DEADLINE - DAY);
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeUndefined();
  });

  it('shows each reminder once, even after the worker and its database connection are gone', async () => {
    const db = await agentWithReview();
    await runReminders(db, DEADLINE - DAY, 'UTC');
    await fakeBrowser.notifications.clear('acknowledgement:ev-1');
    db.close();
    // A restarted worker opens the database afresh and keeps no memory of its own.
    const reopened = new QaLensDatabase(db.name);
    await runReminders(reopened, DEADLINE - DAY + 60_000, 'UTC');
    expect(await notifications()).toEqual([]);
    expect(await badge()).toBe('1');
  });

  it('clears the badge once the agent has acknowledged the review', async () => {
    const db = await agentWithReview();
    await runReminders(db, DEADLINE - DAY, 'UTC');
    await acknowledge(db, 'ev-1', AGENT, DEADLINE - DAY + 1);
    await runReminders(db, DEADLINE - DAY + 2, 'UTC');
    expect(await badge()).toBe('');
    expect(await db.reminders.count()).toBe(0);
  });

  it('plans nothing about a review on the reviewer’s browser', async () => {
    const db = await agentWithReview();
    await saveProfile(db, REVIEWER);
    await runReminders(db, DEADLINE, 'UTC');
    expect(await notifications()).toEqual([]);
    expect(await badge()).toBe('');
  });

  it.each([
    ['acknowledgement:ev-1', '/reviews.html#review-ev-1'],
    ['follow-up:plan-7', '/coaching.html#plan-plan-7'],
    ['something-else', null],
  ])('a click on %s opens %s', (id, page) => {
    expect(reminderPage(id)).toBe(page);
  });
});
