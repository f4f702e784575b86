import type { Page } from 'playwright-core';
import { askForTabTicket, frameThePanel } from './support/ask-for-tab-ticket';
import { accessibleNames, answerAll, axeViolations, hasPanel, panelFrame, startSession, waitForDraftSaved, writeSpecificFeedback, type BrowserSession } from './support/session';

const TICKET = (id: number) => `https://acme.zendesk.com/agent/tickets/${id}`;

describe('the panel on a Zendesk ticket', () => {
  let session: BrowserSession;
  let page: Page;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(() => session?.close());
  beforeEach(async () => {
    page = await session.context.newPage();
  });
  afterEach(() => page.close());

  it('opens beside a ticket, titled QA Lens, knowing the ticket, agent and channel', async () => {
    await page.goto(TICKET(1001));
    const panel = await panelFrame(page);
    await expect.poll(() => panel.getByTestId('ticket-agent').textContent()).toBe('Alex Moreno');
    expect(await panel.getByTestId('ticket-ref').textContent()).toBe('#1001');
    expect(await panel.getByTestId('ticket-channel').textContent()).toBe('Email');
    expect(await panel.getByRole('combobox', { name: 'Scorecard' }).inputValue()).not.toBe('');
    expect(await accessibleNames(page, 'Iframe')).toContain('QA Lens');
  });

  it('stays away from pages that are not tickets, and arrives when the app navigates to one', async () => {
    await page.goto('https://acme.zendesk.com/agent/dashboard');
    expect(await hasPanel(page)).toBe(false);
    await page.getByRole('link', { name: '#1002 Chat' }).click();
    const panel = await panelFrame(page);
    await expect.poll(() => panel.getByTestId('ticket-channel').textContent()).toBe('Chat');
    await page.getByRole('link', { name: 'Home' }).click();
    await expect.poll(() => page.frames().some((f) => f.url().includes('/panel.html'))).toBe(false);
  });

  it('scores, submits, and still lists the evaluation after a reload', async () => {
    await page.goto(TICKET(1002));
    const panel = await panelFrame(page);
    await panel.getByTestId('ticket-agent').getByText('Sam Okafor').waitFor();
    await answerAll(panel);
    await writeSpecificFeedback(panel);
    await expect.poll(() => panel.getByRole('status').first().textContent()).toMatch(/%/);
    await panel.getByRole('button', { name: 'Submit evaluation' }).click();
    await panel.getByText(/Evaluation submitted: \d+(\.\d+)?%/).waitFor();

    await page.reload();
    const reloaded = await panelFrame(page);
    await expect.poll(() => reloaded.getByTestId('earlier-evaluation').count()).toBe(1);
    expect(await reloaded.getByTestId('earlier-evaluation').textContent()).toMatch(/Review by/);
    // The submitted answers are not left behind as a draft.
    expect(await reloaded.getByRole('radio', { checked: true }).count()).toBe(0);
  });

  it('keeps a draft across a reload before it is submitted', async () => {
    await page.goto(TICKET(1001));
    const panel = await panelFrame(page);
    const greeting = panel.getByRole('radiogroup', { name: 'Greeting and personalisation' });
    await greeting.getByRole('radio', { name: 'No' }).check();
    await panel.getByRole('textbox', { name: 'Comment on Greeting and personalisation' }).fill('Opened with a macro, no name.');
    await waitForDraftSaved(panel);

    await page.reload();
    const reloaded = await panelFrame(page);
    const restored = reloaded.getByRole('radiogroup', { name: 'Greeting and personalisation' });
    await expect.poll(() => restored.getByRole('radio', { name: 'No' }).isChecked()).toBe(true);
    expect(await reloaded.getByRole('textbox', { name: 'Comment on Greeting and personalisation' }).inputValue()).toBe('Opened with a macro, no name.');
  });

  it('follows the app between tickets and never shows a slow ticket’s data under another id', async () => {
    await page.goto(TICKET(1001));
    const panel = await panelFrame(page);
    await expect.poll(() => panel.getByTestId('ticket-agent').textContent()).toBe('Alex Moreno');

    session.server.setDelay(1002, 1500);
    await page.getByRole('link', { name: '#1002 Chat' }).click();
    await expect.poll(() => panel.getByTestId('ticket-ref').textContent()).toBe('#1002');
    await page.getByRole('link', { name: '#1001 Refund' }).click();
    await expect.poll(() => panel.getByTestId('ticket-ref').textContent()).toBe('#1001');
    await page.waitForTimeout(2000); // past the slow answer for #1002
    session.server.setDelay(1002, 0);
    expect(await panel.getByTestId('ticket-ref').textContent()).toBe('#1001');
    expect(await panel.getByTestId('ticket-agent').textContent()).toBe('Alex Moreno');
    expect(await panel.getByTestId('ticket-channel').textContent()).toBe('Email');

    await page.goBack();
    await expect.poll(() => panel.getByTestId('ticket-agent').textContent()).toBe('Sam Okafor');
  });

  it('renders a hostile transcript as text and runs none of it', async () => {
    await page.goto(TICKET(1003));
    const panel = await panelFrame(page);
    await panel.getByText('Conversation (3 messages)').click();
    await panel.getByText('<script>window.__qaLensPwned=1</script>Please unlock my account').waitFor();
    expect(await panel.locator('.subject').textContent()).toBe('<img src=x onerror="window.__qaLensPwned=1"> Account locked');
    expect(await panel.getByTestId('ticket-agent').textContent()).toBe('Alex Moreno');
    expect(await panel.locator('.message-meta strong').first().textContent()).toBe('<b onmouseover=alert(1)>Mallory</b>');
    expect(await panel.locator('#app :is(script, img, iframe, b)').count()).toBe(0);
    expect(await panel.evaluate(() => 'qaLensPwned' in window)).toBe(false);
    expect(await page.evaluate(() => 'qaLensPwned' in window)).toBe(false);
  });

  it('falls back to the page when the API fails, says so, and lets the reviewer fill in what it could not read, conversation included', async () => {
    session.server.setFailing(1002, true);
    try {
      await page.goto(TICKET(1002));
      const panel = await panelFrame(page);
      await panel.getByText(/Read from the page because the API failed \(Zendesk answered 503/).waitFor();
      expect(await panel.getByTestId('ticket-ref').textContent()).toBe('#1002');
      await panel.getByRole('textbox', { name: 'Agent' }).fill('Sam Okafor');
      await panel.getByRole('combobox', { name: 'Channel' }).selectOption('chat');
      await waitForDraftSaved(panel);
      await panel.getByText('No conversation could be read: paste it').click();
      await panel.getByRole('textbox', { name: 'Pasted conversation' }).fill('Lee Park: My app keeps logging me out\nSam Okafor: Please update to 4.2.3');
      await panel.getByRole('button', { name: 'Use this conversation (2 messages)' }).click();
      await panel.getByText('Conversation (2 messages)').waitFor();

      await page.reload();
      const reloaded = await panelFrame(page);
      await expect.poll(() => reloaded.getByRole('textbox', { name: 'Agent' }).inputValue()).toBe('Sam Okafor');
      expect(await reloaded.getByRole('combobox', { name: 'Channel' }).inputValue()).toBe('chat');
      await reloaded.getByText('Conversation (2 messages)').waitFor();
      await answerAll(reloaded);
      await writeSpecificFeedback(reloaded);
      await reloaded.getByRole('button', { name: 'Submit evaluation' }).click();
      await reloaded.getByText(/Evaluation submitted/).waitFor();
    } finally {
      session.server.setFailing(1002, false);
    }
    const dashboard = await session.context.newPage();
    await dashboard.goto(session.extensionUrl('dashboard.html'));
    const row = dashboard.getByRole('row').filter({ hasText: 'Sam Okafor' }).filter({ hasText: 'Chat' });
    await expect.poll(() => row.count()).toBeGreaterThan(0);
    await dashboard.close();
  });

  // Other sites cannot frame the panel at all (tests/browser/least-privilege.test.ts); a page of the
  // helpdesk itself can, so the panel must still refuse it the ticket its tab showed before.
  it('shows no ticket in a panel that another page frames, even in the tab that showed one', async () => {
    await page.goto(TICKET(1001));
    await (await panelFrame(page)).getByTestId('ticket-agent').getByText('Alex Moreno').waitFor();
    await page.goto('https://acme.zendesk.com/agent/dashboard');
    await page.evaluate(frameThePanel, session.extensionUrl('panel.html'));
    const framed = await panelFrame(page);
    expect(await framed.evaluate(askForTabTicket)).toMatchObject({ ok: true, data: { ticket: null } });
    await framed.getByText('Waiting for a ticket…').waitFor();
  });

  it('can be scored from the keyboard alone', async () => {
    await page.goto(TICKET(1001));
    const panel = await panelFrame(page);
    await panel.getByTestId('ticket-agent').getByText('Alex Moreno').waitFor();
    const yes = panel.getByRole('radiogroup', { name: 'Greeting and personalisation' }).getByRole('radio', { name: 'Yes' });
    await yes.focus();
    await page.keyboard.press('Space');
    expect(await yes.isChecked()).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await panel.getByRole('radiogroup', { name: 'Greeting and personalisation' }).getByRole('radio', { name: 'No' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Comment on Greeting and personalisation');
  });

  it('closes from its own button and leaves no accessibility violations', async () => {
    await page.goto(TICKET(1001));
    const panel = await panelFrame(page);
    await panel.getByTestId('ticket-agent').getByText('Alex Moreno').waitFor();
    expect(await axeViolations(panel)).toEqual([]);
    await panel.getByRole('button', { name: 'Close QA Lens panel' }).click();
    const frameElement = await panel.frameElement();
    await expect.poll(() => frameElement.isVisible()).toBe(false);
  });
});
