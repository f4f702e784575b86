import type { Frame, Page } from 'playwright-core';
import { answerAll, axeViolations, panelFrame, saveProfileAs, waitForDraftSaved, writeSpecificFeedback } from './support/session';
import { fillStorage, freeStorage, startQuotaSession, type QuotaSession } from './support/quota-session';

const FULL = /^Not saved: this browser’s storage for QA Lens is full\. Your answers stay in this panel and are saved again automatically\./;
/** Far above what the extension stores to open a ticket, far below what the filler can write quickly. */
const QUOTA_BYTES = 6_000_000;
const STRENGTH = 'Greeting used Dana’s name and thanked her for waiting.';

/** The panel's save status line (the score line is a status too). */
const saveStatus = (panel: Frame) => panel.locator('.save-state[role="status"]');

async function checkedInEveryGroup(panel: Frame): Promise<boolean[]> {
  const groups = panel.getByRole('radiogroup');
  const checked: boolean[] = [];
  for (let i = 0; i < (await groups.count()); i++) checked.push(await groups.nth(i).getByRole('radio').first().isChecked());
  return checked;
}

describe('the panel when the browser’s storage for QA Lens is full (real IndexedDB quota)', () => {
  let session: QuotaSession;
  let settings: Page;
  beforeAll(async () => {
    session = await startQuotaSession(QUOTA_BYTES);
    await saveProfileAs(session, 'Rae Reviewer');
    // An extension page of the same origin, to fill and free the storage from.
    settings = await session.context.newPage();
    await settings.goto(session.extensionUrl('options.html'));
  });
  afterAll(() => session?.close());

  it('says the draft was not saved and why, keeps the answers on screen, saves them once there is room, and the reload shows every one', async () => {
    const page = await session.context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/1001');
    const panel = await panelFrame(page);
    await panel.getByTestId('ticket-agent').getByText('Alex Moreno').waitFor();
    await panel.getByRole('radiogroup', { name: 'Greeting and personalisation' }).getByRole('radio', { name: 'No' }).check();
    await waitForDraftSaved(panel);

    expect(await fillStorage(settings)).toBeGreaterThan(QUOTA_BYTES / 2);
    await answerAll(panel);
    await panel.getByRole('textbox', { name: 'Strengths' }).fill(STRENGTH);
    await expect.poll(() => saveStatus(panel).textContent()).toMatch(FULL);
    expect(await saveStatus(panel).textContent()).toContain('Settings → Privacy → Retention');
    expect(await checkedInEveryGroup(panel)).not.toContain(false);
    expect(await panel.getByRole('textbox', { name: 'Strengths' }).inputValue()).toBe(STRENGTH);
    expect(await axeViolations(panel)).toEqual([]);

    // Still full: a retry from the keyboard is refused in turn, and says so.
    const retry = panel.getByRole('button', { name: 'Retry save' });
    await retry.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => saveStatus(panel).textContent()).toMatch(FULL);

    // Room again: the next automatic retry (at most 30 s after the last) saves the draft.
    await freeStorage(settings);
    await expect.poll(() => saveStatus(panel).textContent(), { timeout: 45_000 }).toBe('Draft saved');
    expect(await panel.getByRole('button', { name: 'Retry save' }).count()).toBe(0);

    await page.reload();
    const reloaded = await panelFrame(page);
    await expect.poll(() => reloaded.getByRole('textbox', { name: 'Strengths' }).inputValue()).toBe(STRENGTH);
    expect(await checkedInEveryGroup(reloaded)).not.toContain(false);
    await page.close();
  }, 120_000);

  // Last: lifting the override gives the origin the browser's usual quota for the rest of the run.
  it('a submission refused for a full storage says so and keeps the draft; once the quota is lifted it goes through', async () => {
    const page = await session.context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/1002');
    const panel = await panelFrame(page);
    await panel.getByTestId('ticket-agent').getByText('Sam Okafor').waitFor();
    await answerAll(panel);
    await writeSpecificFeedback(panel);
    await waitForDraftSaved(panel);

    await fillStorage(settings);
    await panel.getByRole('button', { name: 'Submit evaluation' }).click();
    const alert = panel.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/^Not submitted: this browser’s storage for QA Lens is full\. Your answers stay in this panel\./);
    expect(await checkedInEveryGroup(panel)).not.toContain(false);
    expect(await panel.getByTestId('earlier-evaluation').count()).toBe(0);
    expect(await axeViolations(panel)).toEqual([]);

    await session.liftQuota();
    await panel.getByRole('button', { name: 'Submit evaluation' }).click();
    await panel.getByText(/Evaluation submitted: \d+(\.\d+)?%/).waitFor();
    await page.reload();
    const reloaded = await panelFrame(page);
    await expect.poll(() => reloaded.getByTestId('earlier-evaluation').count()).toBe(1);
    await page.close();
  });
});
