import { framedByAnotherPage, refuseWhenFramed } from '@/lib/pages/frame-guard';

/** A window as a page sees itself: top-level, framed by its own origin, or framed by another site. */
function windowLike(embedder: string | null): Window {
  const self = {} as Window;
  const top = embedder === null ? self : ({} as Window);
  return {
    self,
    top,
    document,
    location: { origin: 'chrome-extension://qa-lens', ancestorOrigins: embedder === null ? [] : [embedder] },
  } as unknown as Window;
}

describe('extension pages framed by another page', () => {
  it.each([
    ['opened in its own tab', null, false],
    ['framed by another QA Lens page', 'chrome-extension://qa-lens', false],
    ['framed by a web page', 'https://evil.example', true],
  ])('%s: refused = %s', (_what, embedder, refused) => {
    expect(framedByAnotherPage(windowLike(embedder))).toBe(refused);
  });

  it('replaces the page with a notice and starts nothing', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>app</p>';
    expect(refuseWhenFramed(root, windowLike('https://evil.example'))).toBe(true);
    expect(root.textContent).toBe('QA Lens pages open in their own tab only. Open QA Lens from its toolbar button.');
  });
});
