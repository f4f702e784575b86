import type { Helpdesk } from './define-helpdesk';
import zendesk from './zendesk';

/** Every supported helpdesk. The content script's matches are derived from this list. */
export const HELPDESKS: readonly Helpdesk[] = [zendesk];

export function helpdeskForUrl(url: URL): { helpdesk: Helpdesk; ref: NonNullable<ReturnType<Helpdesk['ticketFromUrl']>> } | null {
  for (const helpdesk of HELPDESKS) {
    const ref = helpdesk.ticketFromUrl(url);
    if (ref) return { helpdesk, ref };
  }
  return null;
}

export const HELPDESK_MATCHES: string[] = HELPDESKS.flatMap((h) => h.matches);
