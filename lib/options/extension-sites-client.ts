import { browser } from 'wxt/browser';
import type { SitesClient } from '../../components/options/sites-client';
import { siteStore } from '../sites/site-store';
import { HELPDESKS } from '../helpdesks/registry';
import { describeIssues } from '../schemas/describe-issues';
import { SiteConfigSchema } from '../schemas/site';
import { siteMatchPattern } from '../sites/site-pattern';

/**
 * Sites in extension storage, permissions from the browser. The background worker notices both
 * and registers or unregisters the site's content script.
 */
export function createSitesClient(): SitesClient {
  return {
    helpdesks: HELPDESKS.map(({ id, label }) => ({ id, label })),
    async list() {
      const sites = await siteStore.list();
      return Promise.all(sites.map(async (site) => ({ site, granted: await browser.permissions.contains({ origins: [siteMatchPattern(site.origin)] }) })));
    },
    async enable(input) {
      const parsed = SiteConfigSchema.safeParse(input);
      if (!parsed.success) throw new Error(describeIssues(parsed.error, 'site'));
      if (parsed.data.helpdesk && !HELPDESKS.some((h) => h.id === parsed.data.helpdesk)) throw new Error(`Unknown helpdesk "${parsed.data.helpdesk}".`);
      // Must run in the click's own task: browsers only show the permission prompt for a user gesture.
      const granted = await browser.permissions.request({ origins: [siteMatchPattern(parsed.data.origin)] });
      if (!granted) throw new Error(`The browser did not allow QA Lens on ${parsed.data.origin}, so nothing changed.`);
      return siteStore.save(parsed.data);
    },
    async remove(origin) {
      await siteStore.remove(origin);
      await browser.permissions.remove({ origins: [siteMatchPattern(origin)] }).catch(() => undefined);
    },
  };
}
