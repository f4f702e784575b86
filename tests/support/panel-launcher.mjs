// The QA Lens launcher on a helpdesk page, driven the way a user drives it. Shared by the browser
// tests, `npm start` and `npm run bench`. The launcher sits in a closed shadow root, out of reach of
// the page and of Playwright's locators, so it is found by where it is drawn.

/** Whether the browser's accessibility tree shows the launcher (it does not while the panel is open). */
async function launcherShown(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes.some((node) => !node.ignored && node.role?.value === 'button' && node.name?.value === 'Open QA Lens panel');
  } finally {
    await cdp.detach();
  }
}

/** Waits until the launcher is shown on `page`, and returns a point on it to click. */
export async function waitForLauncher(page, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  while (!(await launcherShown(page))) {
    if (Date.now() > deadline) throw new Error('The QA Lens launcher did not appear.');
    await page.waitForTimeout(50);
  }
  return page.evaluate(() => {
    // It hangs on the right edge, its top at 40% of the viewport's height.
    const point = { x: innerWidth - 12, y: Math.round(innerHeight * 0.4) + 24 };
    const hit = document.elementFromPoint(point.x, point.y)?.localName;
    if (hit !== 'qa-lens-panel') throw new Error(`The QA Lens launcher is not where it should be (found <${hit}> there).`);
    return point;
  });
}

/** Opens the panel with a click on the launcher, as a user does after closing it. */
export async function clickLauncher(page, timeout) {
  const { x, y } = await waitForLauncher(page, timeout);
  await page.mouse.click(x, y);
}

/**
 * Remembers the panel as closed, as it is once a user has closed it: every ticket page of `context`
 * then shows the launcher only. Written through the extension's own storage.
 */
export async function rememberPanelClosed(context) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(() => chrome.storage.local.set({ panelLayout: { width: 400, open: false } }));
}
