// A stand-in single-page app for helpdesk fixtures whose adapter reads the page: one shell that
// draws, for whatever route the browser is on (path, query and hash), the page snapshot the
// helpdesk's server.mjs names for it, and draws again on pushState links, popstate and hashchange,
// the way the real apps change tickets without reloading. The unit tests read the very same
// snapshots, so what the browser test shows and what the adapter is tested against cannot drift.
//
// Snapshots are static HTML shaped after the helpdesk's public API and page attributes, with no
// scripts; the shell parses them with DOMParser (which runs nothing) and imports their nodes.

const VIEW_PATH = '/__fixture__/view';

/** The shell page: it fetches `/__fixture__/view?route=…` and shows the snapshot it gets. */
export function shell(title) {
  const safeTitle = String(title).replace(/[<&>]/g, '');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${safeTitle}</title>
    <script>
      let shown = 0;
      async function render() {
        const run = ++shown;
        const route = location.pathname + location.search + location.hash;
        const response = await fetch('${VIEW_PATH}?route=' + encodeURIComponent(route));
        const html = await response.text();
        if (run !== shown) return;
        const page = new DOMParser().parseFromString(html, 'text/html');
        document.title = page.title;
        for (const style of page.head.querySelectorAll('style')) document.head.append(document.importNode(style, true));
        document.body.replaceChildren(...[...page.body.childNodes].map((node) => document.importNode(node, true)));
      }
      document.addEventListener('click', (event) => {
        const link = event.target.closest('a[href]');
        if (!link || link.origin !== location.origin) return;
        event.preventDefault();
        history.pushState({}, '', link.getAttribute('href'));
        render();
      });
      addEventListener('popstate', render);
      addEventListener('hashchange', render);
      addEventListener('DOMContentLoaded', render);
    </script>
  </head>
  <body></body>
</html>
`;
}

/** A page of the app that shows no ticket (a list, settings). */
const LIST_PAGE = '<!doctype html><title>List</title><main id="app"><h1>Conversations</h1><p>Pick a conversation.</p></main>';

/**
 * Routes for one helpdesk: `isApp(url)` says which paths the app answers with its shell;
 * `pageFor(route)` names the snapshot file for a route (path, query and hash), and the ticket id
 * whose delays and failures the test set (`{ file, ticketId }`), or null for a page with no ticket.
 */
export function snapshotRoutes({ title, isApp, pageFor }) {
  return async function handle({ url, fixture, ticketOptions }) {
    if (url.pathname === VIEW_PATH) {
      const route = new URL(url.searchParams.get('route') ?? '/', url.origin);
      const page = pageFor(route);
      if (!page) return { type: 'text/html; charset=utf-8', body: LIST_PAGE };
      const unavailable = await ticketOptions(page.ticketId);
      if (unavailable) return unavailable;
      return fixture(page.file);
    }
    return isApp(url) ? { type: 'text/html; charset=utf-8', body: shell(title) } : null;
  };
}
