import { answerAll, axeViolations, panelFrame, startSession, writeSpecificFeedback, type BrowserSession } from './support/session';

describe('the settings page', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(() => session?.close());

  it('saves the reviewer’s profile, which then signs their evaluations', async () => {
    const settings = await session.context.newPage();
    await settings.goto(session.extensionUrl('options.html'));
    await settings.getByRole('textbox', { name: 'Your name' }).fill('Rae Reviewer');
    await settings.getByRole('combobox', { name: 'Role' }).selectOption('supervisor');
    await settings.getByRole('button', { name: 'Save profile' }).click();
    await settings.getByText('Profile saved.').waitFor();
    expect(await axeViolations(settings.mainFrame())).toEqual([]);

    const page = await session.context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/1001');
    const panel = await panelFrame(page);
    await panel.getByTestId('ticket-agent').getByText('Alex Moreno').waitFor();
    await answerAll(panel);
    await writeSpecificFeedback(panel);
    await panel.getByRole('button', { name: 'Submit evaluation' }).click();
    await panel.getByTestId('earlier-evaluation').getByText(/by Rae Reviewer/).waitFor();
  });

  it('edits a scorecard, and the panel scores with the new criterion', async () => {
    const settings = await session.context.newPage();
    await settings.goto(session.extensionUrl('options.html'));
    await settings.getByRole('button', { name: 'Edit Chat & email quality' }).click();
    await settings.getByRole('button', { name: 'Add criterion: Opening' }).click();
    const title = settings.getByRole('textbox', { name: /^Criterion title of/ }).nth(1);
    await title.fill('Used the customer’s preferred language');
    await settings.getByRole('button', { name: 'Save scorecard' }).click();
    // The first test submitted an evaluation with version 1, so the edit becomes version 2.
    await settings.getByText('Saved "Chat & email quality" as version 2.').waitFor();
    expect(await axeViolations(settings.mainFrame())).toEqual([]);

    const page = await session.context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/1002');
    const panel = await panelFrame(page);
    await panel.getByRole('radiogroup', { name: 'Used the customer’s preferred language' }).waitFor();
    expect(await panel.getByRole('combobox', { name: 'Scorecard' }).locator('option:checked').textContent()).toBe('Chat & email quality (v2)');
  });
});
