/**
 * Extension pages that must never work inside another site's page: the dashboard, settings,
 * reviews, coaching and the review pack. None is web-accessible, so the browser already refuses
 * to frame them for a web page; this is the second lock, should that ever change (a manifest
 * edit, a browser bug). The panel has its own rule: it works only inside the page that reported
 * its tab's ticket (lib/panel/extension-panel-client.ts).
 */
export function framedByAnotherPage(win: Window = window): boolean {
  if (win.top === win.self) return false;
  const embedder = win.location.ancestorOrigins?.[0];
  return embedder !== win.location.origin;
}

/** Replaces the page with a notice instead of starting it when framed by another page. */
export function refuseWhenFramed(root: HTMLElement | null, win: Window = window): boolean {
  if (!framedByAnotherPage(win)) return false;
  if (root) {
    const notice = win.document.createElement('p');
    notice.setAttribute('role', 'alert');
    notice.textContent = 'QA Lens pages open in their own tab only. Open QA Lens from its toolbar button.';
    root.replaceChildren(notice);
  }
  return true;
}
