import Papa from 'papaparse';
import type { Frame, Page } from 'playwright-core';
import { HELPDESKS } from '../../lib/helpdesks/registry';
import { EXECUTABLE, XSS_GLOBAL, XSS_HIT_ORIGIN, XSS_PAYLOADS, xssHitId } from '../fixtures/hostile/xss-payloads.mjs';
import type { HostileTicket } from '../support/hostile-tickets.mjs';
import { downloadedText } from './support/extension-data';
import { answerAll, evaluationList, openDashboard, panelFrame, setProfile, startSession, type BrowserSession } from './support/session';

/**
 * The XSS corpus (tests/fixtures/hostile/xss-payloads.mjs) in every text every adapter reads, then
 * through scoring, the dashboard, the review pack, My reviews and the CSV export. What happens: the
 * payloads are shown as the literal text the customer typed, everywhere, and none runs.
 *
 * Three detectors, so that one failing silently cannot hide an execution:
 * 1. the fixture server's request log: an executed payload requests `/xss-hit/<id>`;
 * 2. console errors and uncaught errors of every page and frame the test opens: an executed payload
 *    calls a global that does not exist (a ReferenceError naming it), and markup rendered in an
 *    extension page, where the CSP stops the script, logs the refusal;
 * 3. the documents themselves: no element anywhere carries a payload in an event handler or address.
 * The first test proves 1 and 2 catch every executable payload when it does run.
 */

interface Trace {
  where: string;
  what: string;
}

/** Whether a console or error message is the trace of a payload that ran or was rendered as markup. */
const isXssTrace = (text: string) => text.includes(XSS_GLOBAL) || text.includes('xss-hit') || /Content Security Policy|Refused to (execute|load|frame|run)/.test(text);

/**
 * Runs in a frame: elements that a payload, rendered as HTML, would have made. An event handler or
 * `srcdoc`/`style` carrying the payload's call, or an address that is a script URL, a hit URL or
 * the call itself. A payload properly encoded into a link's query (`?agent=%3Ciframe…`) is not one.
 */
function payloadElements(marker: string): string[] {
  const found: string[] = [];
  const addresses = ['src', 'href', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster'];
  const runs = (name: string, value: string) => {
    if (name.startsWith('on') || name === 'srcdoc' || name === 'style') return value.includes(marker);
    if (!addresses.includes(name)) return false;
    return /^\s*(javascript|vbscript|data):/i.test(value) || value.includes(`${marker}(`) || value.includes('//plain.example.com/xss-hit/');
  };
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.tagName === 'SCRIPT' && (el.textContent ?? '').includes(marker)) found.push(el.outerHTML.slice(0, 160));
      for (const attr of el.attributes) if (runs(attr.name.toLowerCase(), attr.value)) found.push(el.outerHTML.slice(0, 160));
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return found;
}

const payload = (id: string) => XSS_PAYLOADS.find((p) => p.id === id)!.text;

/**
 * The export's rule (lib/csv/csv-text.ts), written out again so the test checks it rather than
 * trusting it: a cell that starts with `=`, `+`, `-`, `@`, tab or carriage return (after any
 * apostrophes) gains one leading apostrophe, except a plain number such as `-2.5`.
 */
const neutralised = (cell: string) => (/^'*[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell) ? `'${cell}` : cell);

/** Collapses runs of white space, as adapters do when they read text; NUL goes, as an HTML parser drops it from text. */
const squash = (text: string) => text.replace(/\0/g, '').replace(/\s+/g, ' ').trim();

describe('the XSS payload corpus in every helpdesk, the panel, the dashboard, the review pack and the CSV', () => {
  let session: BrowserSession;
  const traces: Trace[] = [];
  /** Every console error seen, payload or not, to explain a failure. */
  const allErrors: Trace[] = [];
  const hits = () => session.server.requests.map((r) => xssHitId(r.path)).filter((id) => id !== null);

  /** Listens to a page and every frame in it (the panel's frame included). */
  const watch = (page: Page, where: string) => {
    page.on('pageerror', (error) => {
      const trace = { where, what: `uncaught: ${error.message}` };
      allErrors.push(trace);
      if (isXssTrace(error.message)) traces.push(trace);
    });
    page.on('console', (message) => {
      if (message.type() !== 'error' && !isXssTrace(message.text())) return;
      const trace = { where: `${where} (${message.location().url.slice(0, 80)})`, what: message.text() };
      allErrors.push(trace);
      if (isXssTrace(message.text())) traces.push(trace);
    });
    return page;
  };
  const scan = async (frame: Frame, where: string) => {
    const elements = await frame.evaluate(payloadElements, XSS_GLOBAL);
    for (const element of elements) traces.push({ where, what: `element: ${element}` });
  };
  /** Nothing ran and nothing was rendered as markup, by all three detectors. */
  const expectNoExecution = async (frames: [Frame, string][]) => {
    for (const [frame, where] of frames) await scan(frame, where);
    expect({ hits: hits(), traces }).toEqual({ hits: [], traces: [] });
  };

  beforeAll(async () => {
    session = await startSession();
    session.context.on('serviceworker', (worker) => worker.on('console', (m) => isXssTrace(m.text()) && traces.push({ where: 'service worker', what: m.text() })));
    for (const worker of session.context.serviceWorkers()) worker.on('console', (m) => isXssTrace(m.text()) && traces.push({ where: 'service worker', what: m.text() }));
  });
  afterAll(async () => {
    if (allErrors.length) console.log('console errors seen:', allErrors);
    await session?.close();
  });

  it(`the detectors are live: each of the ${EXECUTABLE.length} executable payloads, run as markup on a plain page, is caught by the hit log and the error listener`, async () => {
    const page = watch(await session.context.newPage(), 'control page');
    await page.goto(`${XSS_HIT_ORIGIN}/`);
    await page.evaluate((payloads) => {
      for (const p of payloads) {
        const frame = document.createElement('iframe');
        if (p.runs === 'url') frame.src = p.text;
        else frame.srcdoc = p.runs === 'attribute' ? `<img alt="${p.text}">` : p.text;
        if (p.runs === 'link') frame.addEventListener('load', () => frame.contentDocument?.querySelector('a')?.click());
        document.body.append(frame);
      }
    }, EXECUTABLE);
    const ids = (list: readonly { id: string }[]) => list.map((p) => p.id).sort();
    const hitIds = () => [...new Set(hits())].sort();
    await expect.poll(hitIds, { timeout: 20_000 }).toEqual(ids(EXECUTABLE));
    // Which payload threw is not in the message; each throwing payload throws once, so count them.
    const thrown = () => traces.filter((t) => t.where === 'control page' && t.what.includes(`${XSS_GLOBAL} is not defined`)).length;
    await expect.poll(thrown, { timeout: 20_000 }).toBe(EXECUTABLE.filter((p) => p.throws).length);
    // In an extension page the CSP stops inline script, so markup rendered there shows as the CSP's refusal
    // and as the element itself: the listeners hear the dashboard and the panel's frame, and the scan finds it.
    const dashboard = watch(await session.context.newPage(), 'control dashboard');
    await dashboard.goto(session.extensionUrl('dashboard.html'));
    const ticket = watch(await session.context.newPage(), 'control ticket');
    await ticket.goto('https://acme.zendesk.com/agent/tickets/1001');
    const panel = await panelFrame(ticket);
    await panel.getByTestId('ticket-ref').waitFor();
    const markup = XSS_PAYLOADS.find((p) => p.id === 'img-onerror')!.text;
    for (const [frame, where] of [[dashboard.mainFrame(), 'control dashboard'], [panel, 'control ticket']] as const) {
      await frame.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), markup);
      await expect.poll(() => traces.some((t) => t.where.startsWith(where) && t.what.includes('Content Security Policy'))).toBe(true);
      expect(await frame.evaluate(payloadElements, XSS_GLOBAL)).toHaveLength(1);
    }
    await ticket.close();
    await page.close();
    await dashboard.close();
  });

  describe('every adapter reads its hostile twin ticket, and the panel shows every payload as text', () => {
    beforeAll(() => {
      // What the control left behind is not a finding.
      session.server.requests.length = 0;
      traces.length = 0;
      allErrors.length = 0;
      session.server.setHostile(true);
    });

    it.each(HELPDESKS.map((h) => [h.label, h.id] as const))('%s', async (_, id) => {
      const twin: HostileTicket = session.server.hostile.get(id)!;
      const { expected } = twin;
      const page = watch(await session.context.newPage(), `${id} page`);
      await page.goto(twin.url);
      const panel = await panelFrame(page);
      await expect.poll(async () => squash((await panel.getByTestId('ticket-agent').textContent()) ?? '')).toBe(squash(expected.agent!.name!));
      if (expected.subject) expect(squash((await panel.locator('.subject').textContent()) ?? '')).toBe(squash(expected.subject));
      if (expected.customer?.name) expect(squash((await panel.getByRole('definition').nth(2).textContent()) ?? '')).toBe(squash(expected.customer.name));
      await panel.getByText(`Conversation (${expected.messages.length} messages)`).click();
      const shown = (await panel.locator('.message-text').allTextContents()).map(squash);
      expect(shown).toEqual(expected.messages.map((m) => squash(m.text)));
      // Proof the payloads were read, not dropped: each one swapped into this ticket is on screen, verbatim.
      const screen = squash((await panel.locator('body').textContent()) ?? '');
      const visible = twin.swaps.filter((s) => s.field !== 'email').map((s) => squash(s.payload.text));
      expect(visible.filter((text) => !screen.includes(text))).toEqual([]);
      await expectNoExecution([
        [page.mainFrame(), `${id} page`],
        [panel, `${id} panel`],
      ]);
      await page.close();
    });

    it('every payload of the corpus was shown in at least one helpdesk', () => {
      const used = new Set([...session.server.hostile.values()].flatMap((t) => t.swaps.map((s) => s.payload.id)));
      expect(XSS_PAYLOADS.filter((p) => !used.has(p.id)).map((p) => p.id)).toEqual([]);
    });
  });

  /**
   * One or two helpdesks carry the payloads the rest of the way: Zendesk's twin has formula payloads
   * for its agent, customer and messages, Dixa's markup ones. The reviewer's own texts are payloads too.
   */
  describe('the rest of the path: scored, saved, listed, opened, in the review pack, My reviews and the CSV', () => {
    const TWINS = ['zendesk', 'dixa'] as const;
    const COMMENTS = ['formula-hyperlink', 'img-onerror', 'formula-cmd', 'textarea-break', 'formula-at-sum', 'formula-tab', 'template-angular', 'formula-cr', 'quote-break-double', 'formula-minus'].map(payload);
    const STRENGTHS = `Greeting and personalisation: ${payload('svg-onload')}`;
    const IMPROVEMENTS = payload('formula-dde');
    const twin = (id: (typeof TWINS)[number]) => session.server.hostile.get(id)!;
    /** What the reviewer typed, per twin and criterion (comments go round COMMENTS, each twin from its own start). */
    const typed = new Map<string, string>();
    beforeAll(() => session.server.setHostile(true));

    it('a reviewer quotes a payload message as evidence, writes payloads as comments and feedback, and submits', async () => {
      for (const [n, id] of TWINS.entries()) {
        const { url, expected } = twin(id);
        const page = watch(await session.context.newPage(), `${id} panel page`);
        await page.goto(url);
        const panel = await panelFrame(page);
        await expect.poll(async () => squash((await panel.getByTestId('ticket-agent').textContent()) ?? '')).toBe(squash(expected.agent!.name!));
        // As a reviewer would: once the form is up (its draft, if any, read back), not while it loads.
        await panel.getByRole('button', { name: 'Submit evaluation' }).waitFor();
        await expect.poll(() => panel.getByRole('radiogroup').count()).toBeGreaterThan(0);
        await answerAll(panel);
        await panel.getByText(`Conversation (${expected.messages.length} messages)`).click();
        const first = panel.getByRole('list', { name: 'Conversation' }).getByRole('listitem').first();
        await first.getByRole('button', { name: 'Attach as evidence' }).click();
        await first.getByRole('group', { name: 'Attach this message to' }).getByRole('button', { name: 'Greeting and personalisation' }).click();
        await panel.getByText('Attached the message to Greeting and personalisation.').waitFor();
        // The quoted message shows as evidence under its criterion, verbatim.
        const quote = squash((await panel.getByRole('list', { name: 'Evidence for Greeting and personalisation' }).locator('q').first().textContent()) ?? '');
        expect(quote).toBe(squash(expected.messages[0]!.text));
        const comments = panel.getByRole('textbox', { name: /^Comment on / });
        for (let i = 0; i < (await comments.count()); i++) {
          const box = comments.nth(i);
          const text = COMMENTS[(i + n * 3) % COMMENTS.length]!;
          await box.fill(text);
          // What the box holds is what is saved: a textarea turns a typed CR into LF, as browsers do.
          const held = await box.inputValue();
          expect(held).toBe(text.replace(/\r/g, '\n'));
          typed.set(`${id}|${(await box.getAttribute('aria-label'))!.replace(/^Comment on /, '')}`, held);
        }
        await panel.getByRole('textbox', { name: 'Strengths' }).fill(STRENGTHS);
        await panel.getByRole('textbox', { name: 'Improvements' }).fill(IMPROVEMENTS);
        await panel.getByRole('button', { name: 'Submit evaluation' }).click();
        // Feedback the panel's checks find vague may be flagged once: send it anyway.
        const sendAnyway = panel.getByRole('button', { name: 'Send anyway' });
        const submitted = panel.getByText(/Evaluation submitted: \d+(\.\d+)?%/);
        await Promise.race([sendAnyway.waitFor().then(() => sendAnyway.click()).catch(() => {}), submitted.waitFor()]);
        await submitted.waitFor();
        await expectNoExecution([
          [page.mainFrame(), `${id} panel page`],
          [panel, `${id} panel`],
        ]);
        await page.close();
      }
    });

    it('the dashboard lists both and opens each in full: payloads as text, nothing run', async () => {
      const page = watch(await openDashboard(session), 'dashboard');
      const list = evaluationList(page);
      for (const id of TWINS) {
        const { expected } = twin(id);
        const row = list.getByRole('row').filter({ hasText: squash(expected.agent!.name!) });
        await row.first().waitFor();
        await row.first().getByRole('button').first().click();
        await page.getByText(STRENGTHS).first().waitFor();
        const shown = squash((await page.locator('body').textContent()) ?? '');
        const mine = [...typed].filter(([key]) => key.startsWith(`${id}|`)).map(([, text]) => squash(text));
        expect([IMPROVEMENTS, squash(expected.messages[0]!.text), ...mine].filter((text) => !shown.includes(squash(text)))).toEqual([]);
        await expectNoExecution([[page.mainFrame(), `dashboard, ${id} opened`]]);
        await page.goBack().catch(() => undefined);
        await page.goto(session.extensionUrl('dashboard.html'));
        await page.getByRole('heading', { name: 'Evaluations' }).waitFor();
      }
      await page.close();
    });

    it('the agent’s review pack, My reviews and coaching show the payloads as text, nothing run', async () => {
      const dashboard = watch(await openDashboard(session), 'dashboard');
      const agentName = squash(twin('dixa').expected.agent!.name!);
      const agentRow = dashboard.getByRole('row').filter({ hasText: agentName }).filter({ has: dashboard.getByRole('link', { name: /Review pack/ }) });
      const [pack] = await Promise.all([session.context.waitForEvent('page'), agentRow.first().getByRole('link', { name: /Review pack/ }).click()]);
      watch(pack, 'review pack');
      await pack.getByRole('heading', { name: `Review pack: ${agentName}` }).waitFor();
      await pack.getByText(STRENGTHS).first().waitFor();
      await expectNoExecution([[pack.mainFrame(), 'review pack']]);
      await pack.close();

      await setProfile(dashboard, { name: agentName, role: 'agent', identities: [] });
      const reviews = watch(await session.context.newPage(), 'my reviews');
      await reviews.goto(session.extensionUrl('reviews.html'));
      await reviews.getByRole('heading', { name: 'My reviews' }).waitFor();
      await reviews.getByText(STRENGTHS).first().waitFor();
      expect(squash((await reviews.locator('body').textContent()) ?? '')).toContain(squash(IMPROVEMENTS));
      await expectNoExecution([[reviews.mainFrame(), 'my reviews']]);

      await reviews.goto(session.extensionUrl('coaching.html'));
      await reviews.getByRole('heading', { level: 1 }).waitFor();
      await expectNoExecution([[reviews.mainFrame(), 'coaching']]);
      await reviews.close();
      await dashboard.close();
    });

    it('the long and wide CSV neutralise every formula cell with one apostrophe and keep every payload otherwise intact', async () => {
      const page = watch(await openDashboard(session), 'dashboard export');
      await page.getByRole('button', { name: 'Export CSV' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export evaluations as CSV' });
      const exportCsv = async (shape: 'Long' | 'Wide') => {
        await dialog.getByRole('radio', { name: shape }).check();
        const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
        await dialog.getByText(/^Exported 2 evaluations/).waitFor();
        const parsed = Papa.parse<Record<string, string>>((await downloadedText(download)).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
        expect(parsed.errors).toEqual([]);
        return parsed.data;
      };
      const long = await exportCsv('Long');
      const wide = await exportCsv('Wide');
      for (const [shape, rows] of [['long', long], ['wide', wide]] as const) {
        const cells = rows.flatMap((row) => Object.entries(row));
        expect(cells.length, shape).toBeGreaterThan(0);
        // No cell a spreadsheet would run: each one starting with = + - @ tab or CR carries the apostrophe, unless a plain number.
        expect(cells.filter(([, cell]) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell)).map(([column, cell]) => `${shape} ${column}: ${cell}`)).toEqual([]);
      }
      for (const id of TWINS) {
        const { expected } = twin(id);
        const rows = long.filter((row) => row.ticket_ref === `${id}:${expected.ticketId}` || row.agent === neutralised(squash(expected.agent!.name!)));
        expect(rows.length, id).toBeGreaterThan(0);
        for (const row of rows) {
          expect(row.agent).toBe(neutralised(squash(expected.agent!.name!)));
          expect(row.strengths).toBe(neutralised(STRENGTHS));
          expect(row.improvements).toBe(neutralised(IMPROVEMENTS));
          const comment = typed.get(`${id}|${row.criterion}`);
          if (comment !== undefined) expect(row.comment, `${id} ${row.criterion}`).toBe(neutralised(comment));
        }
        // The quoted payload message survives inside the evidence JSON, character for character.
        const evidence = rows.find((row) => row.criterion === 'Greeting and personalisation')!.evidence!;
        expect((JSON.parse(evidence) as { quote: string }[]).map((e) => squash(e.quote))).toEqual([squash(expected.messages[0]!.text)]);
      }
      // Every comment typed made it into the long CSV, exactly as the rule says.
      expect(long.filter((row) => [...typed.values()].some((text) => row.comment === neutralised(text))).length).toBe(typed.size);
      await expectNoExecution([[page.mainFrame(), 'dashboard export']]);
      await page.close();
    });
  });
});
