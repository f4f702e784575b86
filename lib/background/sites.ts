import { browser } from 'wxt/browser';
import type { SiteConfig } from '../schemas/site';
import { siteMatchPattern } from '../sites/site-pattern';

const SCRIPT_ID_PREFIX = 'site:';

/**
 * The built content script a site runs: its helpdesk's own (a known helpdesk on a custom domain)
 * or the generic one. It is part of the registration id, so changing it re-registers the site.
 */
export function siteScript(site: SiteConfig): string {
  return `content-scripts/${site.helpdesk || 'generic'}.js`;
}

/** The browser APIs the sync needs, so tests can hand in their own. */
export interface SiteScriptApis {
  hasPermission(pattern: string): Promise<boolean>;
  registered(): Promise<string[]>;
  register(id: string, pattern: string, script: string): Promise<void>;
  unregister(ids: string[]): Promise<void>;
}

export const browserSiteScriptApis: SiteScriptApis = {
  hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  registered: async () => (await browser.scripting.getRegisteredContentScripts()).map((s) => s.id),
  register: (id, pattern, script) =>
    browser.scripting.registerContentScripts([{ id, matches: [pattern], js: [script], runAt: 'document_idle', persistAcrossSessions: true }]),
  unregister: (ids) => browser.scripting.unregisterContentScripts({ ids }),
};

/**
 * Makes the registered content scripts match the enabled sites whose permission is still granted:
 * a revoked permission or a removed site stops QA Lens there. Idempotent, so it can run on every
 * start, permission change and settings change (a stopped worker loses nothing).
 */
export async function syncSiteScripts(sites: SiteConfig[], apis: SiteScriptApis = browserSiteScriptApis): Promise<string[]> {
  const wanted = new Map<string, { pattern: string; script: string }>();
  for (const site of sites) {
    const pattern = siteMatchPattern(site.origin);
    const script = siteScript(site);
    if (await apis.hasPermission(pattern)) wanted.set(`${SCRIPT_ID_PREFIX}${script}:${site.origin}`, { pattern, script });
  }
  const current = (await apis.registered()).filter((id) => id.startsWith(SCRIPT_ID_PREFIX));
  const stale = current.filter((id) => !wanted.has(id));
  if (stale.length) await apis.unregister(stale);
  for (const [id, { pattern, script }] of wanted) if (!current.includes(id)) await apis.register(id, pattern, script);
  return [...wanted.keys()];
}
