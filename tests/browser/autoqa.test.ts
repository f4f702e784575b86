import { answerAll, axeViolations, evaluationList, openDashboard, panelFrame, startSession, writeSpecificFeedback, type BrowserSession } from './support/session';

/**
 * AutoQA end to end in Chromium with the built extension: a criterion linked to a check in
 * Settings, a ticket read from the Zendesk fixtures (1005: no greeting, a prohibited phrase, an
 * angry customer asking for a manager) arriving pre-answered with the cited passages highlighted,
 * a reviewer overriding one answer, and the dashboard counting it and filtering by Spotlight.
 */
describe('AutoQA', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(() => session?.close());

  it('pre-answers linked criteria with highlighted evidence; the dashboard counts the override and filters by Spotlight', async () => {
    const settings = await session.context.newPage();
    await settings.goto(session.extensionUrl('options.html'));
    await settings.getByRole('button', { name: 'Edit Chat & email quality' }).click();
    const greeting = settings.getByRole('group', { name: 'Greeting and personalisation' });
    await greeting.getByRole('combobox', { name: 'Automatic check' }).selectOption('greeting');
    const tone = settings.getByRole('group', { name: 'Tone and empathy' });
    await tone.getByRole('combobox', { name: 'Automatic check' }).selectOption('prohibited-phrase');
    await tone.getByRole('textbox', { name: /^Prohibited phrases of Tone and empathy/ }).fill('you should have\nno worries');
    expect(await axeViolations(settings.mainFrame())).toEqual([]);
    await settings.getByRole('button', { name: 'Save scorecard' }).click();
    await settings.getByText(/Saved "Chat & email quality"/).waitFor();

    const page = await session.context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/1005');
    const panel = await panelFrame(page);
    const greetingAnswer = panel.getByRole('radiogroup', { name: 'Greeting and personalisation' });
    await expect.poll(() => greetingAnswer.getByRole('radio', { name: 'No' }).isChecked()).toBe(true);
    const toneAnswer = panel.getByRole('radiogroup', { name: 'Tone and empathy' });
    expect(await toneAnswer.getByRole('radio', { name: 'Poor' }).isChecked()).toBe(true);
    expect(await panel.getByTestId('automatic-answer').first().textContent()).toMatch(/Greeting: “No”.*does not open with a greeting/);
    expect(await panel.getByRole('list', { name: 'Evidence for Tone and empathy' }).textContent()).toMatch(/you should have/);
    expect(await panel.getByRole('region', { name: 'Spotlight' }).textContent()).toMatch(/Escalation language.*“manager”/);
    // The checks and their language models are fetched only after the panel became interactive.
    const loadedAfterInteractive = await panel.evaluate(() => {
      const [interactive] = performance.getEntriesByName('qa-lens:interactive');
      const [load] = performance.getEntriesByName('qa-lens:autoqa-load');
      return interactive && load ? load.startTime >= interactive.startTime : 'a mark is missing';
    });
    expect(loadedAfterInteractive).toBe(true);

    await panel.getByText(/^Conversation \(4 messages, \d+ passages cited by automatic checks\)/).click();
    // The greeting check cites the reply's opening sentence, the phrase check the phrase inside it: three pieces.
    const marks = await panel.locator('mark.auto-evidence').allTextContents();
    expect(marks.join('')).toContain('Refunds take 5 days, you should have read the email we sent.');
    const phrase = panel.locator('mark.auto-evidence', { hasText: /^you should have$/ });
    expect(await phrase.getAttribute('title')).toBe('Greeting: fail; Prohibited phrases: fail');
    // The page's text never becomes markup: the marks hold text nodes only.
    expect(await panel.locator('mark.auto-evidence *').count()).toBe(0);
    expect(await axeViolations(panel)).toEqual([]);

    // The reviewer overrides the greeting (they judge "Refunds take…" acceptable here) and confirms the tone.
    await answerAll(panel);
    expect(await greetingAnswer.getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);
    await panel.getByRole('button', { name: 'Confirm automatic answer: Tone and empathy' }).click();
    await writeSpecificFeedback(panel);
    await panel.getByRole('button', { name: 'Submit evaluation' }).click();
    await panel.getByText(/Evaluation submitted/).waitFor();

    const dashboard = await openDashboard(session);
    const report = dashboard.getByRole('region', { name: 'AutoQA report' });
    const summary = report.getByRole('table', { name: 'Automatic checks against reviewers’ final answers' });
    const greetingRow = summary.getByRole('row', { name: /^Greeting/ });
    // The report is worked out once the headline is on screen.
    await greetingRow.waitFor();
    expect(await greetingRow.getByRole('cell').allTextContents()).toEqual(['1', '0 (0%)', '0%', '0%']);
    expect(await summary.getByRole('row', { name: /^Prohibited phrases/ }).getByRole('cell').allTextContents()).toEqual(['1', '1 (100%)', '100%', '0%']);
    const confusion = report.getByRole('table', { name: 'Greeting: automatic × final answer' });
    expect(await confusion.getByRole('row', { name: /^Fail/ }).getByRole('cell').allTextContents()).toEqual(['1', '0', '0']);
    expect(await axeViolations(dashboard.mainFrame())).toEqual([]);

    const list = evaluationList(dashboard);
    await expect.poll(() => list.getByRole('row').count()).toBe(2);
    await dashboard.getByRole('combobox', { name: 'Spotlight' }).selectOption({ label: 'Escalation language' });
    await expect.poll(() => list.getByRole('row').count()).toBe(2);
    expect(await list.textContent()).toMatch(/1005/);
    await dashboard.getByRole('combobox', { name: 'Spotlight' }).selectOption({ label: 'Low CSAT' });
    await dashboard.getByText('No evaluations match these filters.').waitFor();
    // The report is worked out again after the list: it says “Working out…” for a moment.
    await expect.poll(() => report.textContent()).toMatch(/No evaluation in this view has answers proposed/);
  });
});
