import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { downloadedText } from './support/extension-data';
import { answerAll, axeViolations, evaluationList, openDashboard, panelFrame, startSession, type BrowserSession } from './support/session';

/** The dashboard's figures as a reviewer reads them: the summary line and every row of every table, reports included. */
async function figures(page: Page): Promise<string[]> {
  await evaluationList(page).waitFor();
  // The criteria, root-cause, CSAT and AutoQA reports arrive after the headline: read them all.
  await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 15_000 }).toBe(0);
  const rows = await page.getByRole('row').allInnerTexts();
  return [await page.getByRole('status').filter({ hasText: /^\d+ evaluations?$/ }).innerText(), ...rows];
}

/** Empties the evaluations table and their report rows, as a fresh profile would have them (scorecards stay). */
async function clearEvaluations(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('qa-lens');
        open.onsuccess = () => {
          const tx = open.result.transaction(['evaluations', 'reportDays', 'reportDayIds'], 'readwrite');
          tx.objectStore('evaluations').clear();
          tx.objectStore('reportDays').clear();
          tx.objectStore('reportDayIds').clear();
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

describe('CSV export and import, backup and restore', () => {
  let session: BrowserSession;
  const tmp = os.tmpdir();

  beforeAll(async () => {
    session = await startSession();
    for (const ticket of ['1001', '1002']) {
      const page = await session.context.newPage();
      await page.goto(`https://acme.zendesk.com/agent/tickets/${ticket}`);
      const panel = await panelFrame(page);
      await panel.getByRole('button', { name: 'Submit evaluation' }).waitFor();
      await answerAll(panel);
      await panel.getByRole('textbox', { name: 'Comment on Greeting and personalisation' }).fill(`=cmd ticket ${ticket}, "quoted"\nsecond line é`);
      await panel.getByRole('textbox', { name: 'Strengths' }).fill(`Found the app version fast on ${ticket}, "as agreed", then fixed it.`);
      await panel.getByRole('textbox', { name: 'Improvements' }).fill('Confirm the refund date in writing before closing the ticket.');
      await panel.getByRole('button', { name: 'Submit evaluation' }).click();
      // Feedback that names no criterion and quotes nothing may be flagged once: send it anyway.
      const sendAnyway = panel.getByRole('button', { name: 'Send anyway' });
      const submitted = panel.getByText(/Evaluation submitted/);
      await Promise.race([sendAnyway.waitFor().then(() => sendAnyway.click()).catch(() => {}), submitted.waitFor()]);
      await submitted.waitFor();
      await page.close();
    }
  });
  afterAll(() => session?.close());

  async function exportLong(page: Page): Promise<string> {
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export evaluations as CSV' });
    await dialog.getByRole('radio', { name: 'Long' }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    await dialog.getByText(/^Exported 2 evaluations/).waitFor();
    expect(download.suggestedFilename()).toMatch(/^qa-lens-evaluations-\d{4}-\d{2}-\d{2}\.csv$/);
    return downloadedText(download);
  }

  it('exports from the dashboard, re-imports after clearing, and shows identical figures', async () => {
    const page = await openDashboard(session);
    const before = await figures(page);
    expect(before[0]).toBe('2 evaluations');
    const csv = await exportLong(page);
    expect(await axeViolations(page.mainFrame())).toEqual([]);
    expect(csv).toContain(`"'=cmd ticket 1001, ""quoted""\nsecond line é"`);

    await clearEvaluations(page);
    await page.reload();
    await page.getByText(/^No evaluations yet/).waitFor();

    const file = join(tmp, `qa-lens-export-${Date.now()}.csv`);
    writeFileSync(file, csv);
    await page.getByRole('button', { name: 'Import' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import from CSV' });
    await dialog.getByRole('combobox', { name: 'What the file holds' }).selectOption('evaluations');
    await dialog.getByLabel('CSV file').setInputFiles(file);
    await dialog.getByText(/2 evaluations ready to import/).waitFor();
    expect(await dialog.getByRole('row').count()).toBe(1 + 31);
    expect(await axeViolations(page.mainFrame())).toEqual([]);
    await dialog.getByRole('button', { name: 'Confirm import' }).click();
    await dialog.getByText(/^Imported 2 evaluations from/).waitFor();

    expect(await figures(page)).toEqual(before);
    expect(await exportLong(page)).toBe(csv);
    await page.close();
  });

  it('shows every refused row with its line and imports nothing', async () => {
    const page = await openDashboard(session);
    const file = join(tmp, `qa-lens-tickets-${Date.now()}.csv`);
    writeFileSync(file, 'id,url,channel,agent\r\n7,https://acme.zendesk.com/agent/tickets/7,fax,Ana\r\n8,https://acme.zendesk.com/agent/tickets/8,email,Ben\r\n');
    await page.getByRole('button', { name: 'Import' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import from CSV' });
    await dialog.getByRole('combobox', { name: 'What the file holds' }).selectOption('tickets');
    await dialog.getByLabel('CSV file').setInputFiles(file);
    await dialog.getByText('Line 2: channel: unknown channel "fax": use one of email, chat, messaging, social, voice, other').waitFor();
    expect(await dialog.getByRole('button', { name: 'Confirm import' }).count()).toBe(0);
    expect(await axeViolations(page.mainFrame())).toEqual([]);
    await page.close();
  });

  it('downloads a backup in Settings and restores it after the evaluations are gone', async () => {
    const settings = await session.context.newPage();
    await settings.goto(session.extensionUrl('options.html'));
    const section = settings.getByRole('region', { name: 'Backup and restore' });
    const [download] = await Promise.all([settings.waitForEvent('download'), section.getByRole('button', { name: 'Download backup' }).click()]);
    await section.getByText(/^Saved qa-lens-backup-.*2 evaluations/).waitFor();
    const backup = join(tmp, `qa-lens-backup-${Date.now()}.json`);
    writeFileSync(backup, await downloadedText(download));

    const dashboard = await openDashboard(session);
    const before = await figures(dashboard);
    await clearEvaluations(dashboard);

    // A cut-off file is refused with the reason, and changes nothing.
    const truncated = join(tmp, `qa-lens-truncated-${Date.now()}.json`);
    writeFileSync(truncated, readFileSync(backup, 'utf8').slice(0, 200));
    await section.getByLabel('Restore from backup').setInputFiles(truncated);
    await section.getByRole('alert').getByText(/not complete JSON/).waitFor();

    await section.getByLabel('Restore from backup').setInputFiles(backup);
    await section.getByRole('button', { name: 'Restore', exact: true }).click();
    await section.getByText(/^Restored: 2 records added/).waitFor();
    expect(await axeViolations(settings.mainFrame())).toEqual([]);

    await dashboard.reload();
    expect(await figures(dashboard)).toEqual(before);
  });
});
