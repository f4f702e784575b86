import type { Frame, Page } from 'playwright-core';
import type { Evaluation } from '../../lib/schemas';
import { readDatabase } from './support/extension-data';
import { axeViolations, openZendeskTicket, startSession, waitForDraftSaved, type BrowserSession } from './support/session';

// Hostile-input suite (issue 14): the same ticket open in two tabs, both editing one draft.

const STRENGTH = 'Greeting and personalisation: used the customer’s name and thanked them for waiting.';
const IMPROVEMENT = 'Next steps: say when the fix takes effect and what to do if it does not.';

/** How many of the panel's criteria have an outcome chosen. */
async function answered(panel: Frame): Promise<number> {
  const groups = panel.getByRole('radiogroup');
  let count = 0;
  for (let i = 0; i < (await groups.count()); i++) if ((await groups.nth(i).getByRole('radio', { checked: true }).count()) > 0) count++;
  return count;
}

/** Whether the element with focus in the panel is the textbox named `name` (a textarea inside its label). */
const focusedTextbox = (panel: Frame, name: string) =>
  panel.evaluate((label) => {
    const active = document.activeElement;
    return active instanceof HTMLTextAreaElement && (active.closest('label')?.textContent ?? '').startsWith(label);
  }, name);

describe('two tabs editing the same draft', () => {
  let session: BrowserSession;
  let a: { page: Page; panel: Frame };
  let b: { page: Page; panel: Frame };
  let criteria = 0;
  beforeAll(async () => {
    session = await startSession();
    // Both tabs are open on the ticket before either answers anything.
    a = await openZendeskTicket(session, 1001, 'Alex Moreno');
    b = await openZendeskTicket(session, 1001, 'Alex Moreno');
    await a.panel.getByRole('button', { name: 'Submit evaluation' }).waitFor();
    await b.panel.getByRole('button', { name: 'Submit evaluation' }).waitFor();
    criteria = await a.panel.getByRole('radiogroup').count();
  });
  afterAll(() => session?.close());

  it('keeps both tabs’ answers to different criteria, and each tab shows the other’s without a reload', async () => {
    expect(criteria).toBeGreaterThan(4);
    // Answered in turns, faster than the autosave: each tab begins its own draft before either is stored.
    for (let i = 0; i < criteria; i++) {
      const tab = i % 2 === 0 ? a : b;
      await tab.panel.getByRole('radiogroup').nth(i).getByRole('radio').first().check();
    }
    await waitForDraftSaved(a.panel);
    await waitForDraftSaved(b.panel);
    await expect.poll(() => answered(a.panel)).toBe(criteria);
    await expect.poll(() => answered(b.panel)).toBe(criteria);
    expect(await axeViolations(a.panel)).toEqual([]);
    expect(await axeViolations(b.panel)).toEqual([]);
  });

  it('lets the later of two tabs typing in the same field win, in both tabs', async () => {
    const strengths = (tab: { panel: Frame }) => tab.panel.getByRole('textbox', { name: 'Strengths' });
    await strengths(a).fill('Typed first, in tab A.');
    await expect.poll(() => strengths(b).inputValue()).toBe('Typed first, in tab A.');
    await strengths(b).fill(STRENGTH);
    await expect.poll(() => strengths(a).inputValue()).toBe(STRENGTH);
    expect(await strengths(b).inputValue()).toBe(STRENGTH);
  });

  it('takes in the other tab’s change without moving focus or resetting the field being typed in', async () => {
    const improvements = b.panel.getByRole('textbox', { name: 'Improvements' });
    // Tab B types steadily, each key sooner than the autosave delay, so its text stays unsaved throughout.
    let typed = false;
    const typing = improvements.pressSequentially(IMPROVEMENT, { delay: 120 }).then(() => (typed = true));
    await expect.poll(() => improvements.inputValue()).not.toBe('');
    // Meanwhile tab A changes its mind on the first criterion, and B takes that in mid-word.
    await a.panel.getByRole('radiogroup').first().getByRole('radio').nth(1).check();
    await expect.poll(() => b.panel.getByRole('radiogroup').first().getByRole('radio').nth(1).isChecked()).toBe(true);
    expect(typed, 'tab B was still typing when A’s change arrived').toBe(false);
    expect(await focusedTextbox(b.panel, 'Improvements')).toBe(true);
    await typing;
    expect(await improvements.inputValue()).toBe(IMPROVEMENT);
    expect(await focusedTextbox(b.panel, 'Improvements')).toBe(true);
    await expect.poll(() => a.panel.getByRole('textbox', { name: 'Improvements' }).inputValue()).toBe(IMPROVEMENT);
  });

  it('shows a submission from one tab as submitted in the other, and stores every answer once', async () => {
    await b.panel.getByRole('button', { name: 'Submit evaluation' }).click();
    const submitted = await b.panel.getByText(/^Evaluation submitted: \d+(\.\d+)?%/).textContent();
    const score = /\d+(\.\d+)?%/.exec(submitted ?? '')![0];

    await a.panel.getByText(`Evaluation submitted in another tab: ${score}`, { exact: false }).waitFor();
    await expect.poll(() => a.panel.getByTestId('earlier-evaluation').count()).toBe(1);
    expect(await answered(a.panel)).toBe(0);
    expect(await a.panel.getByRole('textbox', { name: 'Strengths' }).inputValue()).toBe('');
    expect(await a.panel.getByText('Draft could not be saved').count()).toBe(0);
    expect(await axeViolations(a.panel)).toEqual([]);

    const extensionPage = await session.context.newPage();
    await extensionPage.goto(session.extensionUrl('dashboard.html'));
    const evaluations = (await readDatabase(extensionPage))['evaluations'] as Evaluation[];
    await extensionPage.close();
    expect(evaluations).toHaveLength(1);
    const [stored] = evaluations as [Evaluation];
    expect(stored.status).toBe('submitted');
    expect(Object.values(stored.answers).filter((answer) => answer.optionId !== undefined || answer.na)).toHaveLength(criteria);
    expect(stored.answers['greeting']?.optionId).toBe('no');
    expect(stored.strengths).toBe(STRENGTH);
    expect(stored.improvements).toBe(IMPROVEMENT);
    expect(stored).not.toHaveProperty('fieldEditedAt');
  });
});
