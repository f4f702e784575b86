import type { Helpdesk } from '../helpdesks/define-helpdesk';

/** The host part of a match pattern: `https://*.zendesk.com/agent/*` → `*.zendesk.com`. */
function patternHost(pattern: string): string {
  return /^[a-z*]+:\/\/([^/]+)\//.exec(pattern)?.[1] ?? '';
}

function hostMatches(patternHostname: string, hostname: string): boolean {
  return patternHostname.startsWith('*.') ? hostname.endsWith(patternHostname.slice(1)) : hostname === patternHostname;
}

/** Whether the page is on one of the helpdesk's own hosts (not a custom domain the user set up). */
export function isOwnHost(helpdesk: Helpdesk, hostname: string): boolean {
  return helpdesk.matches.some((pattern) => hostMatches(patternHost(pattern), hostname));
}

/**
 * The helpdesk as it works on a custom domain: URLs are recognised as if they were on the
 * helpdesk's usual host (any concrete host its patterns cover), and the ticket keeps its real
 * address. Reads need no change: adapters fetch paths on the page's own origin.
 */
export function onCustomDomain(helpdesk: Helpdesk): Helpdesk {
  const home = patternHost(helpdesk.matches[0] ?? '').replace(/^\*\./, 'custom.');
  return {
    ...helpdesk,
    ticketFromUrl(url) {
      const asHome = new URL(url.href);
      asHome.host = home;
      const ref = helpdesk.ticketFromUrl(asHome);
      if (!ref) return null;
      const canonical = new URL(ref.url);
      canonical.protocol = url.protocol;
      canonical.host = url.host;
      return { ...ref, url: canonical.href };
    },
  };
}
