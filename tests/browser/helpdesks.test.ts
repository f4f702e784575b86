import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { HELPDESKS } from '../../lib/helpdesks/registry';
import { FIXTURES } from '../support/fixture-server.mjs';
import { hasPanel, panelFrame, startSession, type BrowserSession } from './support/session';

interface BrowserFixture {
  tickets: { url: string; ticketId: string; agent: string; channel: string; subject: string }[];
}

const cases = HELPDESKS.flatMap((helpdesk) => {
  const fixture = JSON.parse(readFileSync(join(FIXTURES, helpdesk.id, 'browser.json'), 'utf8')) as BrowserFixture;
  return fixture.tickets.map((ticket) => ({ helpdesk: helpdesk.label, ...ticket }));
});

/** Each helpdesk's own pages that are not tickets, on hosts the fixture server answers. */
const nonTicketPages = (hosts: string[]) =>
  HELPDESKS.flatMap((helpdesk) =>
    helpdesk.testUrls.nonTickets
      .filter((url) => url.startsWith('https://') && hosts.some((h) => (h.startsWith('*.') ? new URL(url).hostname.endsWith(h.slice(1)) : new URL(url).hostname === h)))
      .map((url) => ({ helpdesk: helpdesk.label, url })),
  );

/** Every helpdesk, under its real host name, in the built extension: the panel knows the ticket. */
describe('each helpdesk in the built extension', () => {
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

  it.each(cases)('$helpdesk: $url shows ticket $ticketId, $agent, $channel', async ({ url, ticketId, agent, channel, subject }) => {
    await page.goto(url);
    const panel = await panelFrame(page);
    await expect.poll(() => panel.getByTestId('ticket-agent').textContent()).toBe(agent);
    expect(await panel.getByTestId('ticket-ref').textContent()).toBe(`#${ticketId}`);
    expect(await panel.getByTestId('ticket-channel').textContent()).toBe(channel);
    expect(await panel.locator('.subject').textContent()).toBe(subject);
    // Nothing left the page's own origin: adapters read the helpdesk the user is signed in to, only.
    const host = new URL(url).hostname;
    expect(session.server.requests.filter((r) => r.host !== host && !r.path.endsWith('favicon.ico'))).toEqual([]);
    session.server.requests.length = 0;
  });

  it('shows no panel on any helpdesk page that is not a ticket', async () => {
    const pages = nonTicketPages(session.server.hosts);
    expect(pages.length).toBeGreaterThan(HELPDESKS.length);
    for (const { helpdesk, url } of pages) {
      await page.goto(url);
      expect(await hasPanel(page), `${helpdesk}: ${url}`).toBe(false);
    }
  });
});
