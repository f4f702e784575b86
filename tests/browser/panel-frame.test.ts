import type { Page, Worker } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { clickLauncher, rememberPanelClosed, waitForLauncher } from '../support/panel-launcher.mjs';
import { accessibleNames, panelFrame, startSession, stopServiceWorker, type BrowserSession } from './support/session';

/** The extension's own API, as the code passed to `worker.evaluate` sees it in the service worker. */
declare const chrome: typeof browser;

const TICKET = (id: number) => `https://acme.zendesk.com/agent/tickets/${id}`;

// One browser for the file. The launcher cases run first: the last frame case stops the service worker.
let session: BrowserSession;
let page: Page;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());
afterEach(() => page.close());

const worker = (): Worker => session.context.serviceWorkers()[0]!;

describe('the launcher, once the panel is closed', () => {
  beforeEach(async () => {
    // Every case starts as the user left it: panel closed.
    await rememberPanelClosed(session.context);
    page = await session.context.newPage();
  });

  const panelFrames = () => page.frames().filter((f) => f.url().includes('/panel.html'));
  const focusIsOnQaLens = () => page.evaluate(() => document.activeElement?.localName === 'qa-lens-panel');

  it('leaves only the launcher on a ticket; a click opens the panel, focused and filled in, and it then opens on every ticket', async () => {
    await page.goto(TICKET(1001));
    await waitForLauncher(page);
    expect(await accessibleNames(page, 'button')).toContain('Open QA Lens panel');
    // No frame until asked: a closed panel costs the helpdesk page no iframe.
    await page.waitForTimeout(300);
    expect(panelFrames()).toHaveLength(0);

    await clickLauncher(page);
    const panel = await panelFrame(page);
    // The ticket is read when the panel opens.
    await expect.poll(() => panel.getByTestId('ticket-agent').textContent()).toBe('Alex Moreno');
    expect(await focusIsOnQaLens()).toBe(true);
    expect(await accessibleNames(page, 'button')).not.toContain('Open QA Lens panel');

    // Opened again, it opens by itself on every ticket page, in this tab or another.
    const other = await session.context.newPage();
    await other.goto(TICKET(1002));
    const otherPanel = await panelFrame(other);
    await expect.poll(() => otherPanel.getByTestId('ticket-agent').textContent()).toBe('Sam Okafor');
    await other.close();
  });

  it('is reached from the keyboard: Shift+Tab from the top of the page, then Enter', async () => {
    await page.goto(TICKET(1001));
    await waitForLauncher(page);
    // The launcher comes last in the page's tab order, so one Shift+Tab from the start reaches it.
    await page.keyboard.press('Shift+Tab');
    expect(await focusIsOnQaLens()).toBe(true);
    await page.keyboard.press('Enter');
    const panel = await panelFrame(page);
    await expect.poll(() => panel.getByTestId('ticket-ref').textContent()).toBe('#1001');
  });

  it('comes back in place of the panel when the panel is closed, with the focus, and a reload keeps it closed', async () => {
    await page.goto(TICKET(1001));
    await clickLauncher(page);
    const frameElement = await (await panelFrame(page)).frameElement();
    await worker().evaluate(async () => {
      for (const tab of await chrome.tabs.query({})) await chrome.tabs.sendMessage(tab.id!, { type: 'panel/close' }).catch(() => undefined);
    });
    await expect.poll(() => frameElement.isVisible()).toBe(false);
    await waitForLauncher(page);
    // Closing hands the focus back to the launcher, so a keyboard user is not left nowhere.
    expect(await focusIsOnQaLens()).toBe(true);

    await page.reload();
    await waitForLauncher(page);
    await page.waitForTimeout(300);
    expect(panelFrames()).toHaveLength(0);
  });
});

describe('the panel frame on the page', () => {
  beforeEach(async () => {
    // Every case starts as installed: panel open, default width.
    await worker().evaluate(() => chrome.storage.local.remove('panelLayout'));
    page = await session.context.newPage();
  });

  it('toggles when the keyboard command reaches the tab', async () => {
    await page.goto(TICKET(1001));
    const frameElement = await (await panelFrame(page)).frameElement();
    expect(await frameElement.isVisible()).toBe(true);
    const toggle = () =>
      worker().evaluate(async () => {
        // What the worker does on the command, sent to every tab: only a tab showing a ticket answers.
        for (const tab of await chrome.tabs.query({})) await chrome.tabs.sendMessage(tab.id!, { type: 'panel/toggle' }).catch(() => undefined);
      });
    await toggle();
    await expect.poll(() => frameElement.isVisible()).toBe(false);
    await toggle();
    await expect.poll(() => frameElement.isVisible()).toBe(true);
  });

  it('is resized by dragging its edge, and keeps the width after a reload', async () => {
    await page.goto(TICKET(1001));
    const before = (await (await (await panelFrame(page)).frameElement()).boundingBox())!;
    const edge = { x: before.x - 3, y: before.y + 200 };
    await page.mouse.move(edge.x, edge.y);
    await page.mouse.down();
    await page.mouse.move(edge.x - 120, edge.y, { steps: 6 });
    await page.mouse.up();
    const frameElement = await (await panelFrame(page)).frameElement();
    await expect.poll(async () => Math.round((await frameElement.boundingBox())!.width - before.width)).toBe(120);

    await page.reload();
    const reloaded = await (await panelFrame(page)).frameElement();
    await expect.poll(async () => Math.round((await reloaded.boundingBox())!.width)).toBe(Math.round(before.width + 120));
  });

  it('carries on after the browser stops the service worker', async () => {
    await page.goto(TICKET(1001));
    const panel = await panelFrame(page);
    await expect.poll(() => panel.getByTestId('ticket-agent').textContent()).toBe('Alex Moreno');

    await stopServiceWorker(session);

    // The next navigation wakes the worker, which still knows the tab from session storage.
    await page.getByRole('link', { name: '#1002 Chat' }).click();
    await expect.poll(() => panel.getByTestId('ticket-agent').textContent(), { timeout: 10_000 }).toBe('Sam Okafor');
    await page.reload();
    const reloaded = await panelFrame(page);
    await expect.poll(() => reloaded.getByTestId('ticket-ref').textContent()).toBe('#1002');
  });
});
