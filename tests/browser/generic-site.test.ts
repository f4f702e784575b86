import { rmSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { startFixtureServer } from '../support/fixture-server.mjs';
import { extensionWithHostsGranted } from '../support/granted-extension';
import { launchWithExtension } from '../support/launch-extension.mjs';
import { answerAll, hasPanel, panelFrame, writeSpecificFeedback } from './support/session';

const SITE = 'https://plain.example.com';
/** A Zendesk account on its own domain (the fixture server answers it with Zendesk's routes). */
const CUSTOM_ZENDESK = 'https://support.example.org';

describe('QA Lens on a site that matches no adapter', () => {
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let browser: Awaited<ReturnType<typeof launchWithExtension>>;
  let context: BrowserContext;
  let extensionDir: string;
  beforeAll(async () => {
    server = await startFixtureServer();
    extensionDir = extensionWithHostsGranted([`${SITE}/*`, `${CUSTOM_ZENDESK}/*`]);
    browser = await launchWithExtension({ extensionDir, hostResolverRules: server.hostResolverRules });
    context = browser.context;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(extensionDir, { recursive: true, force: true });
  });

  it('stays off the site until the user enables it', async () => {
    const page = await context.newPage();
    await page.goto(`${SITE}/cases/77`);
    expect(await hasPanel(page)).toBe(false);
    await page.close();
  });

  it('is enabled from Settings, reads the ticket as configured, and lets the reviewer fill in the rest', async () => {
    const settings = await context.newPage();
    await settings.goto(browser.extensionUrl('options.html'));
    await settings.getByRole('textbox', { name: 'Site address' }).fill(SITE);
    await settings.getByRole('textbox', { name: 'Ticket URL pattern (optional)' }).fill(`${SITE}/cases/{id}`);
    await settings.getByRole('textbox', { name: 'Messages selector (optional)' }).fill('.msg');
    await settings.getByRole('button', { name: 'Enable QA Lens on this site' }).click();
    await settings.getByText(`QA Lens is on for ${SITE}.`).waitFor();

    const page = await context.newPage();
    await expect
      .poll(async () => {
        await page.goto(`${SITE}/cases/77`);
        return hasPanel(page);
      })
      .toBe(true);
    const panel = await panelFrame(page);
    await expect.poll(() => panel.getByTestId('ticket-ref').textContent()).toBe('#plain.example.com/77');
    await panel.getByText('Conversation (3 messages)').click();
    await panel.getByText('<img src=x onerror="window.__qaLensPwned=1"> thanks').waitFor();
    expect(await page.evaluate(() => 'qaLensPwned' in window)).toBe(false);
    await panel.getByRole('textbox', { name: 'Agent' }).fill('Jo Field');
    await panel.getByRole('combobox', { name: 'Channel' }).selectOption('chat');
    await answerAll(panel);
    await writeSpecificFeedback(panel);
    await panel.getByRole('button', { name: 'Submit evaluation' }).click();
    await panel.getByText(/Evaluation submitted/).waitFor();

    await settings.getByRole('button', { name: `Turn off QA Lens on ${SITE}` }).click();
    await settings.getByText(`QA Lens is off for ${SITE}.`).waitFor();
    await expect
      .poll(async () => {
        await page.reload();
        return hasPanel(page);
      })
      .toBe(false);
  });

  it('runs a known helpdesk’s adapter on its custom domain', async () => {
    const settings = await context.newPage();
    await settings.goto(browser.extensionUrl('options.html'));
    await settings.getByRole('textbox', { name: 'Site address' }).fill(CUSTOM_ZENDESK);
    await settings.getByRole('combobox', { name: 'Helpdesk' }).selectOption('zendesk');
    await settings.getByRole('button', { name: 'Enable QA Lens on this site' }).click();
    await settings.getByText(`QA Lens is on for ${CUSTOM_ZENDESK}.`).waitFor();

    const page = await context.newPage();
    await expect
      .poll(async () => {
        await page.goto(`${CUSTOM_ZENDESK}/agent/tickets/1001`);
        return hasPanel(page);
      })
      .toBe(true);
    const panel = await panelFrame(page);
    await expect.poll(() => panel.getByTestId('ticket-agent').textContent()).toBe('Alex Moreno');
    expect(await panel.getByTestId('ticket-ref').textContent()).toBe('#1001');
    expect(await panel.getByTestId('ticket-channel').textContent()).toBe('Email');
  });
});
