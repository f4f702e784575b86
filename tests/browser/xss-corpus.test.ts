import type { Frame, Page } from 'playwright-core';
import { HELPDESKS } from '../../lib/helpdesks/registry';
import { EXECUTABLE, XSS_GLOBAL, XSS_HIT_ORIGIN, XSS_PAYLOADS, xssHitId } from '../fixtures/hostile/xss-payloads.mjs';
import type { HostileTicket } from '../support/hostile-tickets.mjs';
import { panelFrame, startSession, type BrowserSession } from './support/session';

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

/** Runs in a frame: elements that a payload, rendered as HTML, would have made (an event handler or address carrying it). */
function payloadElements(marker: string): string[] {
  const found: string[] = [];
  const risky = (name: string) => name.startsWith('on') || ['src', 'href', 'srcdoc', 'style', 'data', 'action', 'formaction', 'xlink:href', 'background', 'poster'].includes(name);
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.tagName === 'SCRIPT' && (el.textContent ?? '').includes(marker)) found.push(el.outerHTML.slice(0, 160));
      for (const attr of el.attributes) if (risky(attr.name.toLowerCase()) && (attr.value.includes(marker) || attr.value.includes('xss-hit'))) found.push(el.outerHTML.slice(0, 160));
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return found;
}

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
});
