import Papa from 'papaparse';
import { downloadedText } from './support/extension-data';
import { answerAll, axeViolations, evaluationList, openDashboard, panelFrame, startSession, writeSpecificFeedback, type BrowserSession } from './support/session';

describe('the dashboard', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await startSession();
    // One evaluation scored in the panel, with a comment a spreadsheet would run as a formula.
    const page = await session.context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/1002');
    const panel = await panelFrame(page);
    await panel.getByTestId('ticket-agent').getByText('Sam Okafor').waitFor();
    await answerAll(panel);
    await panel.getByRole('textbox', { name: 'Comment on Greeting and personalisation' }).fill('=HYPERLINK("https://evil.example","Click")');
    await writeSpecificFeedback(panel);
    // Names no criterion and quotes nothing: flagged, and sent anyway.
    await panel.getByRole('textbox', { name: 'Strengths' }).fill('Found the app version fast, "as agreed", then fixed it.');
    await panel.getByRole('button', { name: 'Submit evaluation' }).click();
    await panel.getByRole('button', { name: 'Send anyway' }).click();
    await panel.getByText(/Evaluation submitted/).waitFor();
    await page.close();
  });
  afterAll(() => session?.close());

  it('lists the evaluation scored in the panel and opens it in full', async () => {
    const page = await openDashboard(session);
    const row = evaluationList(page).getByRole('row').filter({ hasText: 'Sam Okafor' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Chat/);
    expect(await row.textContent()).toMatch(/Chat & email quality/);
    await row.getByRole('button').first().click();
    await page.getByText('Found the app version fast, "as agreed", then fixed it.').waitFor();
    expect(await page.getByText('=HYPERLINK("https://evil.example","Click")').count()).toBe(1);
    expect(await axeViolations(page.mainFrame())).toEqual([]);
    await page.close();
  });

  it('exports the long CSV: one row per criterion, parseable, with formulas neutralised', async () => {
    const page = await openDashboard(session);
    expect(await axeViolations(page.mainFrame())).toEqual([]);
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export evaluations as CSV' });
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^qa-lens-evaluations-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await downloadedText(download);
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const rows = parsed.data;
    expect(rows.length).toBe(10); // the chat & email scorecard has ten criteria
    expect(new Set(rows.map((r) => r.evaluation_id)).size).toBe(1);
    expect(rows.every((r) => r.agent === 'Sam Okafor' && r.channel === 'chat' && r.helpdesk === 'zendesk')).toBe(true);
    const greeting = rows.find((r) => r.criterion === 'Greeting and personalisation');
    expect(greeting?.comment).toBe(`'=HYPERLINK("https://evil.example","Click")`);
    expect(greeting?.answer_label).toBe('Yes');
    expect(rows[0]?.strengths).toBe('Found the app version fast, "as agreed", then fixed it.');
    await page.close();
  });
});
