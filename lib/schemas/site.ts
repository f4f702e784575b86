import { z } from 'zod';

/** An http(s) origin with no path: `https://crm.example.com` or `http://localhost:8080`. */
const Origin = z
  .string()
  .trim()
  .transform((value, ctx) => {
    try {
      const url = new URL(value);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname) return url.origin;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: 'Enter the site’s address, such as https://crm.example.com' });
    return z.NEVER;
  });

/**
 * A site the user turned QA Lens on for, beyond the helpdesks it knows: an in-house CRM or a
 * helpdesk on a custom domain.
 */
export const SiteConfigSchema = z.object({
  origin: Origin,
  /**
   * Where the ticket id sits in the site's URLs, as that URL with `{id}` in its place, e.g.
   * `https://crm.example.com/cases/{id}`. Empty: every page is a ticket, its path the id.
   */
  ticketPattern: z
    .string()
    .trim()
    .max(500)
    .refine((p) => p === '' || (p.split('{id}').length === 2 && URL.canParse(p.replace('{id}', 'x'))), 'Use the ticket’s URL with {id} once in place of its id')
    .default(''),
  /**
   * A known helpdesk on its own domain (e.g. Zendesk at support.example.com): its adapter reads
   * the site as on the helpdesk's usual host. Empty: a site QA Lens does not know.
   */
  helpdesk: z.string().trim().max(40).default(''),
  /** CSS selector of the conversation's messages (each match is one message); empty: none read. */
  transcriptSelector: z.string().trim().max(500).default(''),
});
export type SiteConfig = z.infer<typeof SiteConfigSchema>;
