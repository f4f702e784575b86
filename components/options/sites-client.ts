import type { SiteConfig } from '../../lib/schemas/site';

export interface EnabledSite {
  site: SiteConfig;
  /** Whether the browser still grants QA Lens this site; revoked in the browser, it stops there. */
  granted: boolean;
}

/** Sites beyond the known helpdesks, as the settings page manages them. */
export interface SitesClient {
  /** Known helpdesks a site can be (a helpdesk on its own domain). */
  helpdesks: { id: string; label: string }[];
  list(): Promise<EnabledSite[]>;
  /** Asks the browser for the site's permission (the user confirms), then saves it. */
  enable(input: { origin: string; helpdesk: string; ticketPattern: string; transcriptSelector: string }): Promise<SiteConfig>;
  /** Forgets the site and gives its permission back. */
  remove(origin: string): Promise<void>;
}
