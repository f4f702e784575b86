import type { SiteConfig } from '../schemas/site';

/** The match pattern for a site's pages, as the permission and the content script use it. */
export function siteMatchPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The ticket id in a URL of a configured site: what stands where the pattern has `{id}`, or, with
 * no pattern, the page's path (with its hash: many apps route there). Null when it does not match.
 */
export function siteTicketId(config: Pick<SiteConfig, 'origin' | 'ticketPattern'>, url: URL): string | null {
  if (url.origin !== config.origin) return null;
  if (!config.ticketPattern) {
    const path = `${url.pathname}${url.hash}`;
    return path === '/' ? null : path;
  }
  const [before = '', after = ''] = config.ticketPattern.split('{id}');
  const match = new RegExp(`^${escapeRegExp(before)}([^/?#]+)${escapeRegExp(after)}(?:[/?#]|$)`).exec(url.href);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}
