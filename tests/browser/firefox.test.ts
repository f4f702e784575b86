import type { Browser, ElementHandle, Frame, Page } from 'puppeteer-core';
import { startFixtureServer } from '../support/fixture-server.mjs';
import { launchFirefoxWithExtension } from '../support/launch-firefox.mjs';
import { askForTabTicket, frameThePanel } from './support/ask-for-tab-ticket';

// The Firefox build (`npm run build:firefox`) in Debian's Firefox ESR, installed as a temporary
// add-on over WebDriver BiDi, on a fixture Zendesk served under its real host name.
type Firefox = Awaited<ReturnType<typeof launchFirefoxWithExtension>>;
type FixtureServer = Awaited<ReturnType<typeof startFixtureServer>>;

const TICKET = (id: number) => `https://acme.zendesk.com/agent/tickets/${id}`;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** puppeteer's ARIA query: the element with this role and accessible name, as a user finds it. */
const aria = (role: string, name: string) => `::-p-aria([role="${role}"][name="${name}"])`;

const where = (frame: Frame) => frame.evaluate(() => location.href).catch(() => '');

/**
 * The panel's frame. Its iframe sits in a closed shadow root; BiDi still lists the frame, though
 * puppeteer keeps its first URL (about:blank), so each frame is asked where it is.
 */
async function panelFrame(page: Page, timeout = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame !== page.mainFrame() && (await where(frame)).includes('/panel.html')) return frame;
    }
    if (Date.now() > deadline) throw new Error('The QA Lens panel did not appear.');
    await sleep(50);
  }
}

/** The text of the first element matching `selector`, polled until it matches `expected`. */
async function waitForText(frame: Frame, selector: string, expected: string | RegExp, timeout = 20_000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = (await frame.$eval(selector, (el) => el.textContent ?? '').catch(() => '')).trim();
    if (typeof expected === 'string' ? text === expected : expected.test(text)) return text;
    if (Date.now() > deadline) {
      const shown = await frame.evaluate(() => document.body.innerText.slice(0, 400)).catch(() => '');
      throw new Error(`"${selector}" showed "${text}", not ${String(expected)}. The page showed:\n${shown}`);
    }
    await sleep(50);
  }
}

/*
 * Controls are worked from the keyboard: focus, then a real key press. A mouse click in a framed
 * page (the panel) needs the iframe element's place, which puppeteer asks BiDi for with a locator
 * that Firefox ESR 140 does not know, so clicks in the panel fail there; keys need no coordinates,
 * and they prove every control is keyboard-reachable in Firefox as well.
 */
async function press(element: ElementHandle, key: 'Enter' | ' '): Promise<void> {
  await element.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await element.focus();
  await element.press(key);
}

async function click(frame: Frame, selector: string): Promise<void> {
  await press((await frame.waitForSelector(selector))!, 'Enter');
}

async function fill(frame: Frame, selector: string, text: string): Promise<void> {
  const field = (await frame.waitForSelector(selector))!;
  await field.focus();
  await field.type(text);
}

/** Checks a radio button with the space bar, as a keyboard user does. */
async function check(radio: ElementHandle<HTMLInputElement>): Promise<void> {
  await press(radio, ' ');
  if (!(await radio.evaluate((input) => input.checked))) throw new Error('A radio button did not get checked.');
}

/** Scores every criterion with its first outcome, as a reviewer going down the scorecard. */
async function answerAll(panel: Frame): Promise<number> {
  // The scorecard renders after the ticket's context: wait for it before collecting its criteria.
  await panel.waitForSelector('::-p-aria([role="radiogroup"])');
  const groups = await panel.$$('::-p-aria([role="radiogroup"])');
  for (const group of groups) await check((await group.$('input[type="radio"]'))!);
  return groups.length;
}

/** Runs `action`, which opens a tab, and returns that tab once it shows `path`. */
async function openedTab(browser: Browser, action: () => Promise<void>, path: string): Promise<Page> {
  const before = new Set(await browser.pages());
  await action();
  const deadline = Date.now() + 15_000;
  for (;;) {
    for (const page of await browser.pages()) {
      if (!before.has(page) && (await where(page.mainFrame())).includes(path)) return page;
    }
    if (Date.now() > deadline) throw new Error(`No tab opened on ${path}.`);
    await sleep(50);
  }
}

describe('QA Lens in Firefox ESR', () => {
  let server: FixtureServer;
  let firefox: Firefox;
  beforeAll(async () => {
    server = await startFixtureServer();
    // As in the Firefox releases before it (ESR 140 among those the add-on supports), which the
    // panel must protect as well as the newest.
    firefox = await launchFirefoxWithExtension({
      server,
      prefs: {
        'dom.location.ancestorOrigins.enabled': false,
        // Grants what permissions.request asks for, as a user clicking "Allow" in the prompt would:
        // headless Firefox shows no prompt to click.
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('reads a Zendesk ticket, scores and submits it, keeps it across a reload, and lists it on the dashboard', async () => {
    const page = await firefox.browser.newPage();
    // The API answers after the panel has loaded, so the whole ticket reaches a panel already
    // listening: in Firefox the framed panel hears only messages sent to its tab.
    server.setDelay(1002, 1500);
    try {
      await page.goto(TICKET(1002));
      const panel = await panelFrame(page);
      await waitForText(panel, '[data-testid="ticket-agent"]', 'Sam Okafor');
    } finally {
      server.setDelay(1002, 0);
    }
    const panel = await panelFrame(page);
    expect(await waitForText(panel, '[data-testid="ticket-ref"]', '#1002')).toBe('#1002');
    expect(await waitForText(panel, '[data-testid="ticket-channel"]', 'Chat')).toBe('Chat');

    expect(await answerAll(panel)).toBe(10); // the chat & email scorecard has ten criteria
    await fill(panel, aria('textbox', 'Strengths'), 'Greeting used the customer’s name and thanked them for waiting.');
    await fill(panel, aria('textbox', 'Improvements'), 'Next steps: say when the fix takes effect and what to do if it does not.');
    await click(panel, aria('button', 'Submit evaluation'));
    await waitForText(panel, '.notice.good', /^Evaluation submitted: \d+(\.\d+)?%/);

    await page.reload();
    const reloaded = await panelFrame(page);
    await waitForText(reloaded, '[data-testid="ticket-agent"]', 'Sam Okafor');
    expect(await waitForText(reloaded, '[data-testid="earlier-evaluation"]', /Review by/)).toMatch(/Review by/);
    expect(await reloaded.$$eval('[data-testid="earlier-evaluation"]', (items) => items.length)).toBe(1);
    // The submitted answers are not left behind as a draft.
    expect(await reloaded.$$eval('input[type="radio"]:checked', (checked) => checked.length)).toBe(0);

    const dashboard = await openedTab(firefox.browser, () => click(reloaded, aria('button', 'All evaluations')), '/dashboard.html');
    const row = await waitForText(dashboard.mainFrame(), 'table.evaluation-table tbody tr', /Sam Okafor/);
    expect(row).toMatch(/1002/);
    expect(row).toMatch(/Chat/);
    expect(row).toMatch(/\d+(\.\d+)?%/);
    await dashboard.close();

    const options = await openedTab(firefox.browser, () => click(reloaded, aria('button', 'Settings')), '/options.html');
    await options.waitForSelector(aria('heading', 'Scorecards'));
    await options.close();
    await page.close();
  });

  it('shows no ticket in a panel that another page frames, even in the tab that showed one', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(TICKET(1001));
    await waitForText(await panelFrame(page), '[data-testid="ticket-agent"]', 'Alex Moreno');
    // The tab moves on to a page that frames the panel page itself, which it may: the panel is
    // web-accessible because sites a user enables can be anywhere.
    await page.goto('https://plain.example.com/');
    expect(await page.evaluate(() => 'ancestorOrigins' in location)).toBe(false);
    await page.evaluate(frameThePanel, firefox.extensionUrl('panel.html'));
    const framed = await panelFrame(page);
    expect(await framed.evaluate(askForTabTicket)).toMatchObject({ ok: true, data: { ticket: null } });
    expect(await waitForText(framed, 'body', 'Waiting for a ticket…')).toBe('Waiting for a ticket…');
    await page.close();
  });

  it('is turned on from Settings for a Zendesk on its own domain, and reads its tickets there', async () => {
    const site = 'https://support.example.org';
    const ticketPage = await firefox.browser.newPage();
    await ticketPage.goto(TICKET(1001));
    const panel = await panelFrame(ticketPage);
    const settings = await openedTab(firefox.browser, () => click(panel, aria('button', 'Settings')), '/options.html');
    await fill(settings.mainFrame(), aria('textbox', 'Site address'), site);
    await (await settings.waitForSelector(aria('combobox', 'Helpdesk')))!.select('zendesk');
    await click(settings.mainFrame(), aria('button', 'Enable QA Lens on this site'));
    // Firefox asked for this one host (optional_permissions in Manifest V2), and the worker
    // registered Zendesk's content script for it (scripting.registerContentScripts).
    await settings.waitForSelector(`::-p-text(QA Lens is on for ${site}.)`);

    const page = await firefox.browser.newPage();
    const deadline = Date.now() + 20_000;
    let shown: Frame | null = null;
    while (!shown) {
      await page.goto(`${site}/agent/tickets/1001`);
      shown = await panelFrame(page, 3_000).catch(() => null);
      if (!shown && Date.now() > deadline) throw new Error(`QA Lens did not come up on ${site}.`);
    }
    expect(await waitForText(shown, '[data-testid="ticket-agent"]', 'Alex Moreno')).toBe('Alex Moreno');
    expect(await waitForText(shown, '[data-testid="ticket-ref"]', '#1001')).toBe('#1001');
    await Promise.all([page.close(), settings.close(), ticketPage.close()]);
  });
});
