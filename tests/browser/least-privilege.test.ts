import type { Page } from 'playwright-core';
import { panelFrame, startSession, type BrowserSession } from './support/session';

const TICKET = 'https://acme.zendesk.com/agent/tickets/1001';
/** A site that is neither a supported helpdesk nor one the user enabled. */
const OTHER_SITE = 'https://plain.example.com/';

describe('least privilege and a hostile page, in Chromium with the built extension', () => {
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

  it('another site cannot load the panel, the dashboard or the settings by their URLs: the browser refuses all three', async () => {
    await page.goto(OTHER_SITE);
    const loaded = await page.evaluate(async (urls) => {
      const results: Record<string, string> = {};
      for (const url of urls) results[url] = await fetch(url).then((r) => `loaded ${r.status}`, () => 'refused');
      return results;
    }, ['panel.html', 'dashboard.html', 'options.html'].map((p) => session.extensionUrl(p)));
    expect(Object.values(loaded)).toEqual(['refused', 'refused', 'refused']);
  });

  it('spoofed window.postMessage and DOM events from the helpdesk page change nothing: 0 accepted', async () => {
    await page.goto(TICKET);
    const panel = await panelFrame(page);
    await expect.poll(() => panel.getByTestId('ticket-ref').textContent()).toBe('#1001');
    const spoofed = await page.evaluate(() => {
      const fake = { helpdesk: 'zendesk', ticketId: '6666', url: 'https://acme.zendesk.com/agent/tickets/6666', channel: 'chat', subject: 'Spoofed', status: 'open', customer: null, agent: { name: 'Mallory' }, messages: [], complete: true };
      const messages = [
        { event: 'ticket/updated', data: { tabId: 0, ticket: fake } },
        { type: 'panel/close' },
        { type: 'panel/toggle' },
        { type: 'ticket/observed', payload: { ticket: fake } },
      ];
      let sent = 0;
      for (const message of messages) {
        window.postMessage(message, '*');
        // The page can reach the panel's window even through the closed shadow root.
        for (let i = 0; i < window.frames.length; i++) window.frames[i]!.postMessage(message, '*');
        sent++;
      }
      for (const type of ['wxt:locationchange', 'keydown', 'click', 'qa-lens:open', 'qa-lens:close']) document.dispatchEvent(new CustomEvent(type, { detail: { ticket: fake }, bubbles: true }));
      document.querySelector('qa-lens-panel')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      return sent;
    });
    expect(spoofed).toBe(4);
    await page.waitForTimeout(500);
    // The panel still shows the ticket the content script read, open, with its own agent.
    expect(await panel.getByTestId('ticket-ref').textContent()).toBe('#1001');
    expect(await panel.getByTestId('ticket-agent').textContent()).toBe('Alex Moreno');
    expect(page.frames().some((f) => f.url().includes('/panel.html'))).toBe(true);
  });
});
