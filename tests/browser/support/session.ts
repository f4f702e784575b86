import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Frame, Locator, Page } from 'playwright-core';
import type { Profile } from '../../../lib/schemas';
import { startFixtureServer } from '../../support/fixture-server.mjs';
import { launchWithExtension } from '../../support/launch-extension.mjs';

export type FixtureServer = Awaited<ReturnType<typeof startFixtureServer>>;

export interface BrowserSession {
  server: FixtureServer;
  context: BrowserContext;
  extensionUrl: (path: string) => string;
  close(): Promise<void>;
}

/** A fixture helpdesk server and Chromium with the built extension, mapped onto each other. */
export async function startSession(): Promise<BrowserSession> {
  const server = await startFixtureServer();
  const browser = await launchWithExtension({ hostResolverRules: server.hostResolverRules });
  return {
    server,
    context: browser.context,
    extensionUrl: browser.extensionUrl,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The panel's frame. Its iframe sits in a closed shadow root, out of the page's (and so
 * Playwright locators') reach, but the frame itself is listed on the page.
 */
export async function panelFrame(page: Page, timeout = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('/panel.html'));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('The QA Lens panel did not appear.');
    await page.waitForTimeout(50);
  }
}

/** Whether the page shows QA Lens at all (panel frame or launcher), after giving the content script time to act. */
export async function hasPanel(page: Page): Promise<boolean> {
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  return page.frames().some((f) => f.url().includes('/panel.html')) || (await page.locator('qa-lens-panel').count()) > 0;
}

/** Accessible names of the page's nodes with `role` (e.g. 'Iframe', 'button'), from the browser's own accessibility tree, closed shadow roots included. */
export async function accessibleNames(page: Page, role: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value?: string }; name?: { value?: string } }[] };
  await cdp.detach();
  return nodes.filter((n) => n.role?.value === role).map((n) => String(n.name?.value ?? ''));
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core violations (WCAG 2.1 A/AA) in a frame. */
export async function axeViolations(frame: Frame): Promise<{ id: string; help: string; nodes: number }[]> {
  await frame.evaluate(axeSource);
  return frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.length }));
  });
}

/** Answers every criterion in the panel with its first option. */
export async function answerAll(frame: Frame): Promise<void> {
  const groups = frame.getByRole('radiogroup');
  // The scorecard renders after the ticket's context: counting before it is there answers nothing.
  await groups.first().waitFor();
  const count = await groups.count();
  for (let i = 0; i < count; i++) await groups.nth(i).getByRole('radio').first().check();
}

/**
 * Writes a strength and an improvement that pass the panel's feedback checks (each names a
 * criterion of the chat & email scorecard and is long enough to act on).
 */
export async function writeSpecificFeedback(frame: Frame): Promise<void> {
  await frame.getByRole('textbox', { name: 'Strengths' }).fill('Greeting used the customer’s name and thanked them for waiting.');
  await frame.getByRole('textbox', { name: 'Improvements' }).fill('Next steps: say when the fix takes effect and what to do if it does not.');
}

/** Answers every criterion, writes specific feedback and submits, then waits for the score. */
export async function submitEvaluation(panel: Frame): Promise<void> {
  await panel.getByRole('button', { name: 'Submit evaluation' }).waitFor();
  await answerAll(panel);
  await writeSpecificFeedback(panel);
  await panel.getByRole('button', { name: 'Submit evaluation' }).click();
  await panel.getByText(/Evaluation submitted: \d+(\.\d+)?%/).waitFor();
}

/** The message of the conversation that holds `text` (not an evidence chip quoting it). */
export function conversationMessage(panel: Frame, text: string): Locator {
  return panel.getByRole('list', { name: 'Conversation' }).getByRole('listitem').filter({ hasText: text });
}

/** Opens a fixture Zendesk ticket and waits until its panel knows the assigned agent. */
export async function openZendeskTicket(session: BrowserSession, id: number, agent: string): Promise<{ page: Page; panel: Frame }> {
  const page = await session.context.newPage();
  await page.goto(`https://acme.zendesk.com/agent/tickets/${id}`);
  const panel = await panelFrame(page);
  await panel.getByTestId('ticket-agent').getByText(agent).waitFor();
  return { page, panel };
}

/** Fills the Settings page's profile with `fill`, saves it as a user would, and waits for it to be confirmed. */
export async function saveProfile(session: BrowserSession, fill: (settings: Page) => Promise<void>): Promise<void> {
  const settings = await session.context.newPage();
  await settings.goto(session.extensionUrl('options.html'));
  await settings.getByRole('textbox', { name: 'Your name' }).waitFor();
  await fill(settings);
  await settings.getByRole('button', { name: 'Save profile' }).click();
  await settings.getByText('Profile saved.').waitFor();
  await settings.close();
}

/** Saves a profile of just a name and a role. */
export function saveProfileAs(session: BrowserSession, name: string, role: Profile['role'] = 'supervisor'): Promise<void> {
  return saveProfile(session, async (settings) => {
    await settings.getByRole('textbox', { name: 'Your name' }).fill(name);
    await settings.getByRole('combobox', { name: 'Role' }).selectOption(role);
  });
}

export async function waitForDraftSaved(frame: Frame): Promise<void> {
  await frame.getByText('Draft saved').waitFor();
}

/**
 * Stops the extension's service worker as the browser does when it is idle, and waits until
 * DevTools reports it stopped. The ServiceWorker domain sees the workers of its page's origin,
 * so the request comes from an extension page.
 */
export async function stopServiceWorker(session: BrowserSession): Promise<void> {
  const extensionPage = await session.context.newPage();
  await extensionPage.goto(session.extensionUrl('dashboard.html'));
  const cdp = await session.context.newCDPSession(extensionPage);
  let status = 'unknown';
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    const ours = versions.find((v) => v.scriptURL.endsWith('/background.js'));
    if (ours) status = ours.runningStatus;
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => status).toBe('running');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => status).toBe('stopped');
  await cdp.detach();
  await extensionPage.close();
}

/** Opens Settings in a new tab and waits until its Privacy section is there. */
export async function openSettings(session: BrowserSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(session.extensionUrl('options.html'));
  await page.getByRole('button', { name: 'Save privacy settings' }).waitFor();
  return page;
}

/** Opens the dashboard in a new tab and waits for its heading. */
export async function openDashboard(session: BrowserSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(session.extensionUrl('dashboard.html'));
  await page.getByRole('heading', { name: 'Evaluations' }).waitFor();
  return page;
}

/** The dashboard's evaluation list (its reports above have tables and agent rows of their own). */
export function evaluationList(page: Page): Locator {
  return page.getByRole('table', { name: /Submitted evaluations/ });
}

/**
 * Writes the profile straight into the extension's database, as the Settings page would store it.
 * The page must be an extension page that has already opened the database (so it exists at its
 * current version and this plain IndexedDB call creates nothing).
 */
export async function setProfile(page: Page, profile: Profile): Promise<void> {
  await page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('qa-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key: 'profile', value });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    profile,
  );
}
