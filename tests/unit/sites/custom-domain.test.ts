import { isOwnHost, onCustomDomain } from '@/lib/content/custom-domain';
import { HELPDESKS } from '@/lib/helpdesks/registry';
import zendesk from '@/lib/helpdesks/zendesk';

describe('a known helpdesk on its own domain', () => {
  it('knows its own hosts from its match patterns', () => {
    expect(isOwnHost(zendesk, 'acme.zendesk.com')).toBe(true);
    expect(isOwnHost(zendesk, 'support.example.org')).toBe(false);
    expect(isOwnHost(zendesk, 'zendesk.com.evil.example')).toBe(false);
  });

  it('recognises tickets on the custom domain and keeps their real address', () => {
    const custom = onCustomDomain(zendesk);
    expect(custom.ticketFromUrl(new URL('https://support.example.org/agent/tickets/1001/events'))).toEqual({
      helpdesk: 'zendesk',
      ticketId: '1001',
      url: 'https://support.example.org/agent/tickets/1001',
    });
    expect(custom.ticketFromUrl(new URL('https://support.example.org/agent/dashboard'))).toBeNull();
  });

  it.each(HELPDESKS.map((h) => [h.label, h] as const))('%s: its own ticket URLs work on a custom domain too', (_label, helpdesk) => {
    const custom = onCustomDomain(helpdesk);
    for (const ticketUrl of helpdesk.testUrls.tickets) {
      const own = helpdesk.ticketFromUrl(new URL(ticketUrl))!;
      const moved = new URL(ticketUrl);
      moved.host = 'support.example.org';
      const ref = custom.ticketFromUrl(moved);
      expect(ref?.ticketId).toBe(own.ticketId);
      expect(new URL(ref!.url).host).toBe('support.example.org');
    }
  });
});
