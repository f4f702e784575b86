import { readFileSync } from 'node:fs';
import type { Download, Frame, Page } from 'playwright-core';
import { answerAll, panelFrame, writeSpecificFeedback, type BrowserSession } from './session';

/**
 * Every row of every object store of the extension's database, by store name, read with plain
 * IndexedDB from an extension page (so the test sees what is stored, not what a page shows).
 */
export function readDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('qa-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => (out[name] = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Saves the Settings page's profile as a user would, and waits for it to be confirmed. */
export async function saveProfileAs(session: BrowserSession, name: string, role: 'supervisor' | 'agent' | 'admin' = 'supervisor'): Promise<void> {
  const settings = await session.context.newPage();
  await settings.goto(session.extensionUrl('options.html'));
  await settings.getByRole('textbox', { name: 'Your name' }).fill(name);
  await settings.getByRole('combobox', { name: 'Role' }).selectOption(role);
  await settings.getByRole('button', { name: 'Save profile' }).click();
  await settings.getByText('Profile saved.').waitFor();
  await settings.close();
}

/** Opens a fixture Zendesk ticket and waits until its panel knows the assigned agent. */
export async function openZendeskTicket(session: BrowserSession, id: number, agent: string): Promise<{ page: Page; panel: Frame }> {
  const page = await session.context.newPage();
  await page.goto(`https://acme.zendesk.com/agent/tickets/${id}`);
  const panel = await panelFrame(page);
  await panel.getByTestId('ticket-agent').getByText(agent).waitFor();
  return { page, panel };
}

/** Answers every criterion, writes specific feedback and submits, sending it anyway if the checks flag it once. */
export async function submitEvaluation(panel: Frame): Promise<void> {
  await panel.getByRole('button', { name: 'Submit evaluation' }).waitFor();
  await answerAll(panel);
  await writeSpecificFeedback(panel);
  await panel.getByRole('button', { name: 'Submit evaluation' }).click();
  const sendAnyway = panel.getByRole('button', { name: 'Send anyway' });
  const submitted = panel.getByText(/Evaluation submitted/);
  await Promise.race([sendAnyway.waitFor().then(() => sendAnyway.click()).catch(() => {}), submitted.waitFor()]);
  await submitted.waitFor();
}

/** The text of a file the page offered as a download. */
export async function downloadedText(download: Download): Promise<string> {
  return readFileSync((await download.path())!, 'utf8');
}
