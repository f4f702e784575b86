import type { Frame } from 'playwright-core';
import {
  answerAll,
  axeViolations,
  conversationMessage as message,
  evaluationList,
  openZendeskTicket as openTicket,
  panelFrame,
  saveProfile,
  startSession,
  writeSpecificFeedback,
  type BrowserSession,
} from './support/session';

const REFUND_PASSAGE = 'I have issued the refund of 54.90 EUR today';


/** Selects `text` inside the message that holds it, as a reviewer would with the mouse. */
async function selectPassage(panel: Frame, text: string): Promise<void> {
  await panel.evaluate((passage) => {
    const paragraph = [...document.querySelectorAll('.message-text')].find((p) => p.textContent?.includes(passage));
    const node = paragraph?.firstChild;
    if (!node?.textContent) throw new Error(`no message holds ${passage}`);
    const start = node.textContent.indexOf(passage);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + passage.length);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
  }, text);
}

describe('feedback that changes behaviour, in the panel', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await startSession();
    await saveProfile(session, async (settings) => {
      await settings.getByRole('textbox', { name: 'Your name' }).fill('Rae Reviewer');
      await settings.getByRole('combobox', { name: 'Role' }).selectOption('supervisor');
    });
  });
  afterAll(() => session?.close());

  it('a reviewer quotes a message and a selected passage as evidence, names a root cause, and must balance the feedback before it is sent', async () => {
    const { page, panel } = await openTicket(session, 1001, 'Alex Moreno');
    await panel.getByText('Conversation (4 messages)').click();
    await panel.getByRole('searchbox', { name: 'Search conversation' }).fill('refund');
    await panel.getByText('3 of 4 messages match').waitFor();
    await panel.getByRole('combobox', { name: 'Messages from' }).selectOption('internal');
    await panel.getByText('1 of 4 messages match').waitFor();
    expect(await message(panel, 'Refund approved by finance').count()).toBe(1);
    await panel.getByRole('combobox', { name: 'Messages from' }).selectOption('');
    await panel.getByRole('searchbox', { name: 'Search conversation' }).fill('');

    // A whole message, to the criterion chosen from the menu the button opens.
    const dana = message(panel, 'still have no refund');
    await dana.getByRole('button', { name: 'Attach as evidence' }).click();
    await dana.getByRole('group', { name: 'Attach this message to' }).getByRole('button', { name: 'Greeting and personalisation' }).click();
    await panel.getByText('Attached the message to Greeting and personalisation.').waitFor();

    // A passage selected inside a message, chosen from the keyboard.
    await selectPassage(panel, REFUND_PASSAGE);
    const alex = message(panel, REFUND_PASSAGE);
    await alex.getByRole('button', { name: 'Attach as evidence' }).click();
    const menu = alex.getByRole('group', { name: 'Attach the selected passage to' });
    expect(await axeViolations(panel)).toEqual([]);
    await menu.getByRole('button', { name: 'Accurate and complete answer' }).focus();
    await page.keyboard.press('Enter');
    await panel.getByText('Attached the selected passage to Accurate and complete answer.').waitFor();

    const accurate = panel.getByRole('group', { name: 'Accurate and complete answer' });
    expect(await accurate.getByRole('list', { name: 'Evidence for Accurate and complete answer' }).locator('q').textContent()).toBe(REFUND_PASSAGE);
    expect(await panel.getByRole('list', { name: 'Evidence for Greeting and personalisation' }).locator('q').textContent()).toBe(
      'Hello, I returned order #4411 two weeks ago and still have no refund. Can you check please?',
    );
    await accurate.getByRole('combobox', { name: 'Root cause' }).selectOption('tooling-problem');
    // A stray attachment, from the keyboard alone, removed again.
    const thanks = message(panel, 'Great, thank you Alex!');
    const focused = () => panel.evaluate(() => document.activeElement?.textContent);
    await thanks.getByRole('button', { name: 'Attach as evidence' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Greeting and personalisation');
    await page.keyboard.press('Escape');
    await expect.poll(focused).toBe('Attach as evidence');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Greeting and personalisation');
    await thanks.getByRole('button', { name: 'Proactive help' }).focus();
    await page.keyboard.press('Enter');
    await panel.getByText('Attached the message to Proactive help.').waitFor();
    await panel.getByRole('button', { name: 'Remove evidence “Great, thank you Alex!”' }).click();
    expect(await panel.getByRole('list', { name: 'Evidence for Proactive help' }).count()).toBe(0);

    await answerAll(panel);
    await panel.getByRole('button', { name: 'Submit evaluation' }).click();
    const alert = panel.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'Before sending this review: Strengths: write at least one thing the agent did well. Improvements: write at least one thing the agent should do differently.',
    );
    expect(await panel.getByTestId('earlier-evaluation').count()).toBe(0);
    expect(await axeViolations(panel)).toEqual([]);

    // Vague feedback is flagged before it goes; specific feedback goes.
    await panel.getByRole('textbox', { name: 'Strengths' }).fill('Good job!');
    await panel.getByRole('textbox', { name: 'Improvements' }).fill('Keep it up.');
    await panel.getByRole('button', { name: 'Submit evaluation' }).click();
    await panel.getByText('This feedback may be hard for the agent to act on:').waitFor();
    expect(await panel.getByRole('alert').textContent()).toMatch(/Strengths is too short to act on \(9 of at least 40 characters\)/);
    expect(await axeViolations(panel)).toEqual([]);
    await writeSpecificFeedback(panel);
    await panel.getByRole('button', { name: 'Submit evaluation' }).click();
    await panel.getByText(/Evaluation submitted: \d+(\.\d+)?%/).waitFor();
    // Stored with the active time it took (the meter is unit-tested; here it must simply have run).
    expect(await panel.getByTestId('earlier-evaluation').textContent()).toMatch(/Review by Rae Reviewer · .+ · [1-9]\d*[hms]( \d+[ms])* active$/);
    await page.close();

    const dashboard = await session.context.newPage();
    await dashboard.goto(session.extensionUrl('dashboard.html'));
    const row = evaluationList(dashboard).getByRole('row').filter({ hasText: 'Alex Moreno' });
    await row.getByRole('button').first().click();
    await dashboard.getByText(REFUND_PASSAGE, { exact: true }).waitFor();
    expect(await dashboard.getByText('Root cause: Tool or system problem (tooling)').count()).toBe(1);
    expect(await dashboard.locator('q').allTextContents()).toContain('Hello, I returned order #4411 two weeks ago and still have no refund. Can you check please?');
    expect(await axeViolations(dashboard.mainFrame())).toEqual([]);
    await dashboard.close();
  });

  it('keeps hostile text as text in evidence, in the panel and on the dashboard', async () => {
    const { page, panel } = await openTicket(session, 1003, 'Alex Moreno');
    await panel.getByText('Conversation (3 messages)').click();
    const hostile = message(panel, 'Please unlock my account');
    await hostile.getByRole('button', { name: 'Attach as evidence' }).click();
    await hostile.getByRole('button', { name: 'Greeting and personalisation' }).click();
    const chip = panel.getByRole('list', { name: 'Evidence for Greeting and personalisation' });
    expect(await chip.locator('q').textContent()).toBe('<script>window.__qaLensPwned=1</script>Please unlock my account');
    expect(await panel.locator('#app :is(script, img, iframe, b)').count()).toBe(0);
    await answerAll(panel);
    await writeSpecificFeedback(panel);
    await panel.getByRole('button', { name: 'Submit evaluation' }).click();
    await panel.getByText(/Evaluation submitted/).waitFor();
    await page.close();

    const dashboard = await session.context.newPage();
    await dashboard.goto(session.extensionUrl('dashboard.html'));
    await evaluationList(dashboard).getByRole('row').filter({ hasText: 'Account locked' }).getByRole('button').first().click();
    await dashboard.getByText('<script>window.__qaLensPwned=1</script>Please unlock my account', { exact: true }).waitFor();
    expect(await dashboard.locator('#app :is(script, img, iframe, b)').count()).toBe(0);
    expect(await dashboard.evaluate(() => 'qaLensPwned' in window)).toBe(false);
    await dashboard.close();
  });

  it('takes ticket KPIs, explains what it cannot read, and keeps them across a reload', async () => {
    const { page, panel } = await openTicket(session, 1002, 'Sam Okafor');
    await panel.getByText('Ticket KPIs').click();
    await panel.getByRole('combobox', { name: 'CSAT (1–5)' }).selectOption('4');
    await panel.getByRole('combobox', { name: 'NPS answer (0–10)' }).selectOption('9');
    await panel.getByRole('combobox', { name: 'First-contact resolved' }).selectOption('yes');
    await panel.getByRole('textbox', { name: 'First response time' }).fill('soon');
    await panel.getByRole('button', { name: 'Save KPIs' }).click();
    await panel.getByText('First response time: write a duration such as 1h 30m, 45m or 2d 4h.').waitFor();
    expect(await axeViolations(panel)).toEqual([]);
    await panel.getByRole('textbox', { name: 'First response time' }).fill('12m');
    await panel.getByRole('textbox', { name: 'Resolution time' }).fill('1h 5m');
    await panel.getByRole('textbox', { name: 'Reopens' }).fill('0');
    await panel.getByRole('button', { name: 'Save KPIs' }).click();
    await panel.getByText('KPIs saved.').waitFor();

    await page.reload();
    const reloaded = await panelFrame(page);
    await reloaded.getByText('Ticket KPIs').click();
    await expect.poll(() => reloaded.getByRole('combobox', { name: 'CSAT (1–5)' }).inputValue()).toBe('4');
    expect(await reloaded.getByRole('textbox', { name: 'First response time' }).inputValue()).toBe('12m');
    expect(await reloaded.getByRole('textbox', { name: 'Resolution time' }).inputValue()).toBe('1h 5m');
    expect(await reloaded.getByRole('combobox', { name: 'First-contact resolved' }).inputValue()).toBe('yes');
    await page.close();
  });

  it('lets the agent self-assess their own ticket blind, then compares it with the review', async () => {
    // The review of ticket 1001 was submitted by Rae Reviewer in the first test.
    await saveProfile(session, async (settings) => {
      await settings.getByRole('textbox', { name: 'Your name' }).fill('Alex M.');
      await settings.getByRole('combobox', { name: 'Role' }).selectOption('agent');
      await settings.getByRole('button', { name: 'Add identity' }).click();
      await settings.getByRole('combobox', { name: 'Helpdesk of identity 1' }).selectOption('zendesk');
      await settings.getByRole('textbox', { name: 'Name or email of identity 1' }).fill('alex.moreno@acme-support.example');
    });

    const { page, panel } = await openTicket(session, 1001, 'Alex Moreno');
    await panel.getByText(/Self-assessment of your own ticket/).waitFor();
    await panel.getByTestId('hidden-evaluations').getByText(/One review of your ticket is hidden until you submit your self-assessment/).waitFor();
    expect(await panel.getByTestId('earlier-evaluation').count()).toBe(0);
    expect(await panel.getByText(/Rae Reviewer/).count()).toBe(0);
    expect(await axeViolations(panel)).toEqual([]);

    await answerAll(panel);
    await panel.getByRole('radiogroup', { name: 'Greeting and personalisation' }).getByRole('radio', { name: 'No' }).check();
    await panel.getByRole('button', { name: 'Submit self-assessment' }).click();
    await panel.getByText(/Self-assessment submitted/).waitFor();

    const comparison = panel.getByRole('region', { name: /Your self-assessment and Rae Reviewer’s review/ });
    await comparison.getByRole('table').waitFor();
    expect(await comparison.getByText('You differ on 1 criterion.').count()).toBe(1);
    const greeting = comparison.getByRole('row', { name: /Greeting and personalisation/ });
    expect(await greeting.getByRole('cell').allTextContents()).toEqual(['No', 'Yes']);
    expect(await greeting.getByText('Differs').count()).toBe(1);
    expect(await comparison.getByRole('row', { name: /Tone and empathy/ }).getByText('Differs').count()).toBe(0);
    expect(await panel.getByTestId('earlier-evaluation').count()).toBe(2);
    expect(await axeViolations(panel)).toEqual([]);
    await page.close();
  });
});
