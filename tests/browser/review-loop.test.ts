import type { Frame, Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import type { Profile } from '../../lib/schemas';
import { answerAll, axeViolations, panelFrame, setProfile, startSession, stopServiceWorker, type BrowserSession } from './support/session';

/** The extension's own API, as code passed to `page.evaluate` on an extension page sees it. */
declare const chrome: typeof browser;

const TICKET = (id: number) => `https://acme.zendesk.com/agent/tickets/${id}`;
const REVIEWER: Profile = { name: 'Rita Reviewer', role: 'supervisor', identities: [] };
/** Alex signs in under a short name; the helpdesk knows them by their work email. */
const ALEX: Profile = { name: 'Alex', role: 'agent', identities: [{ helpdesk: 'zendesk', value: 'alex.moreno@acme-support.example' }] };

async function scoreTicket(session: BrowserSession, id: number, greeting: 'Yes' | 'No'): Promise<void> {
  const page = await session.context.newPage();
  await page.goto(TICKET(id));
  const panel: Frame = await panelFrame(page);
  await panel.getByTestId('ticket-agent').getByText('Alex Moreno').waitFor();
  await answerAll(panel);
  await panel.getByRole('radiogroup', { name: 'Greeting and personalisation' }).getByRole('radio', { name: greeting }).check();
  // Feedback that names a criterion and is long enough to act on, so the panel's checks let it through.
  await panel.getByRole('textbox', { name: 'Strengths' }).fill('Identified the real need: the refund date was confirmed up front.');
  await panel.getByRole('textbox', { name: 'Improvements' }).fill('Greeting and personalisation: open with the customer’s name.');
  await panel.getByRole('button', { name: 'Submit evaluation' }).click();
  await panel.getByText(/Evaluation submitted: \d+(\.\d+)?%/).waitFor();
  await page.close();
}

describe('the feedback loop: review, acknowledge, dispute, resolve, coach', () => {
  let session: BrowserSession;
  let app: Page;
  beforeAll(async () => {
    session = await startSession();
    app = await session.context.newPage();
    await app.goto(session.extensionUrl('reviews.html'));
    await app.getByRole('heading', { name: 'My reviews' }).waitFor();
    await app.getByText('No reviews about you yet.').waitFor();
    await setProfile(app, REVIEWER);
  });
  afterAll(() => session?.close());

  const openPage = async (path: string, profile?: Profile) => {
    if (profile) await setProfile(app, profile);
    await app.goto(session.extensionUrl(path));
  };
  const review = (subject: RegExp) => app.getByRole('article', { name: subject });

  it('the reviewer scores two of Alex’s tickets in the panel', async () => {
    await scoreTicket(session, 1001, 'Yes');
    await scoreTicket(session, 1003, 'No');
  });

  it('Alex acknowledges one review and disputes the other in My reviews, with a reason', async () => {
    await openPage('reviews.html', ALEX);
    const refund = review(/Refund for order #4411/);
    const locked = review(/Account locked/);
    await refund.waitFor();
    await locked.getByText('Identified the real need: the refund date was confirmed up front.').waitFor();
    expect(await app.getByRole('article').count()).toBe(2);
    expect(await axeViolations(app.mainFrame())).toEqual([]);

    await refund.getByRole('textbox', { name: 'Comment for your reviewer (optional)' }).fill('Thanks, will do.');
    await refund.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => refund.getByTestId('review-status').textContent()).toBe('Acknowledged');
    expect(await refund.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    await refund.getByText(/Submitted → Acknowledged by Alex \(agent\)/).waitFor();

    // The other review's deadline (5 working days) is ahead: the worker has an alarm for the day before it.
    const alarm = await app.evaluate(() => chrome.alarms.get('reminders'));
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now() + 2 * 24 * 3600 * 1000);

    await locked.getByRole('button', { name: 'Dispute' }).click();
    await locked.getByRole('combobox', { name: 'Criterion' }).selectOption({ label: 'Greeting and personalisation' });
    await locked.getByRole('button', { name: 'Send dispute' }).click();
    await locked.getByRole('alert').getByText('Give a reason for disputing "Greeting and personalisation".').waitFor();
    expect(await locked.getByTestId('review-status').textContent()).toBe('Submitted');

    await locked.getByRole('textbox', { name: 'Reason' }).fill('I greeted Mallory by name in my first reply.');
    expect(await axeViolations(app.mainFrame())).toEqual([]);
    await locked.getByRole('button', { name: 'Send dispute' }).click();
    await expect.poll(() => locked.getByTestId('review-status').textContent()).toBe('Disputed');
    expect(await locked.getByRole('button', { name: 'Dispute' }).count()).toBe(0);
  });

  it('the reviewer accepts the dispute: the answer and score change, and the history says who and why', async () => {
    await openPage('reviews.html', REVIEWER);
    const locked = review(/Account locked/);
    await locked.getByRole('combobox', { name: 'Decision on Greeting and personalisation' }).waitFor();
    const before = await locked.getByTestId('review-score').textContent();
    expect(await axeViolations(app.mainFrame())).toEqual([]);

    await locked.getByRole('combobox', { name: 'Decision on Greeting and personalisation' }).selectOption({ label: 'Accept: change the answer' });
    await locked.getByRole('button', { name: 'Resolve dispute' }).click();
    await locked.getByRole('alert').getByText('Choose the new answer for "Greeting and personalisation".').waitFor();
    await locked.getByRole('combobox', { name: 'New answer for Greeting and personalisation' }).selectOption({ label: 'Yes' });
    await locked.getByRole('textbox', { name: 'Reason for Greeting and personalisation' }).fill('The greeting is in the first reply.');
    await locked.getByRole('button', { name: 'Resolve dispute' }).click();
    await app.getByText('No open disputes.').waitFor();

    await openPage('reviews.html', ALEX);
    const resolved = review(/Account locked/);
    await expect.poll(() => resolved.getByTestId('review-status').textContent()).toBe('Resolved');
    const after = await resolved.getByTestId('review-score').textContent();
    expect(after).not.toBe(before);
    expect(parseFloat(after!)).toBeGreaterThan(parseFloat(before!));
    await resolved.getByText(/Disputed → Resolved by Rita Reviewer \(supervisor\)/).waitFor();
    await resolved.getByText('Greeting and personalisation: accepted (The greeting is in the first reply.)').waitFor();
    await resolved.getByText('Greeting and personalisation: No → Yes').waitFor();
    await resolved.getByText(`Score ${before!.split(',')[0]} → ${after!.split(',')[0]}`).waitFor();
    expect(await resolved.getByRole('button', { name: 'Dispute' }).count()).toBe(0);
  });

  it('a coaching plan due for follow-up today raises one notification and a badge, and refuses a follow-up with no new reviews', async () => {
    await openPage('coaching.html', REVIEWER);
    await app.getByRole('button', { name: 'New coaching plan' }).click();
    expect(await axeViolations(app.mainFrame())).toEqual([]);
    const today = await app.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await app.getByRole('combobox', { name: 'Agent' }).fill('Alex Moreno');
    await app.getByRole('combobox', { name: 'Measure' }).selectOption({ label: 'QA score' });
    await app.getByRole('textbox', { name: 'Target' }).fill('lots');
    await app.getByLabel('Due date').fill(today);
    await app.getByLabel('Follow-up date').fill(today);
    await app.getByRole('textbox', { name: 'Agreed actions (one per line)' }).fill('Read the greeting guide\nShadow a senior agent on two chats');
    await app.getByRole('button', { name: 'Create plan' }).click();
    await app.getByRole('alert').getByText('Target must be a number, such as 85.').waitFor();
    await app.getByRole('textbox', { name: 'Target' }).fill('100');
    await app.getByRole('button', { name: 'Create plan' }).click();

    const plan = app.getByRole('article', { name: /Alex Moreno: QA score/ });
    await expect.poll(() => plan.getByTestId('plan-status').textContent()).toBe('due');
    await plan.getByText(/\(2 measurements\)/).waitFor();
    const notificationIds = () => app.evaluate(() => chrome.notifications.getAll().then(Object.keys));
    const badge = () => app.evaluate(() => chrome.action.getBadgeText({}));
    await expect.poll(notificationIds).toEqual([expect.stringMatching(/^follow-up:/)]);
    await expect.poll(badge).toBe('1');
    expect(await axeViolations(app.mainFrame())).toEqual([]);

    await plan.getByRole('button', { name: 'Record follow-up' }).click();
    await plan.getByRole('alert').getByText(/No new evaluations of Alex Moreno since the plan started/).waitFor();
    expect(await plan.getByTestId('plan-status').textContent()).toBe('due');

    // The user dismisses the notification; the browser stops the idle worker. The next planning
    // pass runs in a fresh worker: it shows nothing again, and the badge still counts the reminder.
    const [id] = await notificationIds();
    await app.evaluate((shown) => chrome.notifications.clear(shown), id!);
    await stopServiceWorker(session);
    await app.evaluate(() => chrome.runtime.sendMessage({ type: 'reminders/refresh', payload: {} }));
    expect(await notificationIds()).toEqual([]);
    expect(await badge()).toBe('1');
  });
});
