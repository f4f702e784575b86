import { browser } from 'wxt/browser';
import type { SiteConfig } from '../schemas/site';
import { siteMatchPattern } from '../sites/site-pattern';

/** The built generic content script, registered at run time for each site the user enabled. */
export const GENERIC_SCRIPT = 'content-scripts/generic.js';
const SCRIPT_ID_PREFIX = 'site:';

/** The browser APIs the sync needs, so tests can hand in their own. */
export interface SiteScriptApis {
  hasPermission(pattern: string): Promise<boolean>;
  registered(): Promise<string[]>;
  register(id: string, pattern: string): Promise<void>;
  unregister(ids: string[]): Promise<void>;
}

export const browserSiteScriptApis: SiteScriptApis = {
  hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  registered: async () => (await browser.scripting.getRegisteredContentScripts()).map((s) => s.id),
  register: (id, pattern) =>
    browser.scripting.registerContentScripts([{ id, matches: [pattern], js: [GENERIC_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true }]),
  unregister: (ids) => browser.scripting.unregisterContentScripts({ ids }),
};

/**
 * Makes the registered content scripts match the enabled sites whose permission is still granted:
 * a revoked permission or a removed site stops QA Lens there. Idempotent, so it can run on every
 * start, permission change and settings change (a stopped worker loses nothing).
 */
export async function syncSiteScripts(sites: SiteConfig[], apis: SiteScriptApis = browserSiteScriptApis): Promise<string[]> {
  const wanted = new Map<string, string>();
  for (const site of sites) {
    const pattern = siteMatchPattern(site.origin);
    if (await apis.hasPermission(pattern)) wanted.set(`${SCRIPT_ID_PREFIX}${site.origin}`, pattern);
  }
  const current = (await apis.registered()).filter((id) => id.startsWith(SCRIPT_ID_PREFIX));
  const stale = current.filter((id) => !wanted.has(id));
  if (stale.length) await apis.unregister(stale);
  for (const [id, pattern] of wanted) if (!current.includes(id)) await apis.register(id, pattern);
  return [...wanted.keys()];
}
