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

/** A helpdesk's own pages that are not tickets, on hosts the fixture server answers. */
const nonTicketPages = (helpdesk: (typeof HELPDESKS)[number], hosts: string[]) =>
  helpdesk.testUrls.nonTickets.filter(
    (url) => url.startsWith('https://') && hosts.some((h) => (h.startsWith('*.') ? new URL(url).hostname.endsWith(h.slice(1)) : new URL(url).hostname === h)),
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

  it('tawk.to: moving to another chat by its hash route shows that chat, never the one before', async () => {
    await page.goto('https://dashboard.tawk.to/#/inbox/5e52b5a2a89cda5a1887877e/all/chat/c4b9e0f2-7a1d-11ee-9b3c-0242ac120002');
    const panel = await panelFrame(page);
    await expect.poll(() => panel.getByTestId('ticket-agent').textContent()).toBe('Ben Cho');
    await page.getByRole('link', { name: 'Visitor 8812' }).click();
    await expect.poll(() => panel.getByTestId('ticket-ref').textContent()).toBe('#c4b9e0f2-7a1d-11ee-9b3c-0242ac120003');
    await expect.poll(() => panel.getByTestId('ticket-agent').textContent()).toBe('Meera Das');
    expect(await panel.locator('.subject').textContent()).toBe('Chat with Visitor 8812');
  });

  // One test per helpdesk: each has a dozen pages that are not tickets, every one waited on.
  it.each(HELPDESKS.map((helpdesk) => [helpdesk.label, helpdesk] as const))('%s shows no panel on its pages that are not tickets', async (_, helpdesk) => {
    const pages = nonTicketPages(helpdesk, session.server.hosts);
    expect(pages.length, `${helpdesk.id} has no non-ticket test URL on a host the fixture server answers`).toBeGreaterThan(0);
    for (const url of pages) {
      await page.goto(url);
      expect(await hasPanel(page), url).toBe(false);
    }
  });
});
