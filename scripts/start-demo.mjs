// `npm start`: opens Chromium with the built extension on the bundled demo helpdesk, a Zendesk
// agent workspace served locally under its real host name. With no display it runs the same demo
// headless, saves a screenshot of the panel and says how to load the extension by hand.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { startFixtureServer } from '../tests/support/fixture-server.mjs';
import { EXTENSION_DIR, launchWithExtension } from '../tests/support/launch-extension.mjs';

const DEMO_TICKET = 'https://acme.zendesk.com/agent/tickets/1001';
const screenshotArg = process.argv.indexOf('--screenshot');
const screenshotPath = resolve(screenshotArg > 0 ? process.argv[screenshotArg + 1] : '.output/demo-panel.png');
const headless = screenshotArg > 0 || !process.env.DISPLAY || process.env.CI === 'true';

async function waitForPanel(page) {
  for (let i = 0; i < 200; i++) {
    const frame = page.frames().find((f) => f.url().includes('/panel.html'));
    if (frame) {
      await frame.getByTestId('ticket-agent').getByText('Alex Moreno').waitFor({ timeout: 10_000 });
      return frame;
    }
    await page.waitForTimeout(50);
  }
  throw new Error('The QA Lens panel did not open on the demo ticket.');
}

const server = await startFixtureServer();
const browser = await launchWithExtension({ hostResolverRules: server.hostResolverRules, headless });
const page = await browser.context.newPage();
await page.goto(DEMO_TICKET);
const panel = await waitForPanel(page);

if (headless) {
  await panel.getByRole('radiogroup', { name: 'Greeting and personalisation' }).getByRole('radio', { name: 'Yes' }).check();
  await panel.getByRole('status').first().getByText('%').waitFor();
  mkdirSync(dirname(screenshotPath), { recursive: true });
  await page.screenshot({ path: screenshotPath });
  console.log(`QA Lens opened the demo ticket ${DEMO_TICKET} in headless Chromium and scored one criterion.`);
  console.log(`Screenshot of the panel: ${screenshotPath}`);
  console.log('');
  console.log('No display here, so the browser closed again. To use QA Lens in your own browser:');
  console.log(`  1. Open chrome://extensions (or edge://extensions) and turn on Developer mode.`);
  console.log(`  2. Click "Load unpacked" and choose ${EXTENSION_DIR}`);
  console.log('  3. Open a ticket in Zendesk (https://<your-subdomain>.zendesk.com/agent/tickets/<id>).');
  await browser.close();
  await server.close();
} else {
  console.log(`QA Lens is open on the demo ticket ${DEMO_TICKET}. Close the browser or press Ctrl+C to stop.`);
  const stop = async () => {
    await browser.close().catch(() => undefined);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  browser.context.on('close', stop);
}
