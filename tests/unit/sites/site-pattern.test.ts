import { SiteConfigSchema } from '@/lib/schemas/site';
import { siteMatchPattern, siteTicketId } from '@/lib/sites/site-pattern';

const crm = { origin: 'https://crm.example.com', ticketPattern: 'https://crm.example.com/cases/{id}' };

describe('a site’s ticket URLs', () => {
  it.each([
    ['https://crm.example.com/cases/77', '77'],
    ['https://crm.example.com/cases/77/', '77'],
    ['https://crm.example.com/cases/77?tab=notes', '77'],
    ['https://crm.example.com/cases/AB%2012#history', 'AB 12'],
    ['https://crm.example.com/cases/', null],
    ['https://crm.example.com/cases/77/edit/extra', '77'],
    ['https://crm.example.com/customers/77', null],
    ['https://crm.example.com.evil.example/cases/77', null],
    ['http://crm.example.com/cases/77', null],
  ])('%s → %s', (url, id) => {
    expect(siteTicketId(crm, new URL(url))).toBe(id);
  });

  it('takes the path as the id when no pattern is given, but not the home page', () => {
    const site = { origin: 'https://crm.example.com', ticketPattern: '' };
    expect(siteTicketId(site, new URL('https://crm.example.com/inbox#/ticket/9'))).toBe('/inbox#/ticket/9');
    expect(siteTicketId(site, new URL('https://crm.example.com/'))).toBeNull();
  });

  it('asks permission for the site’s host, whatever port or path was typed', () => {
    expect(siteMatchPattern('https://crm.example.com')).toBe('https://crm.example.com/*');
    expect(siteMatchPattern('http://localhost:8080')).toBe('http://localhost/*');
  });
});

describe('site settings', () => {
  it('keeps the origin of whatever address was typed', () => {
    expect(SiteConfigSchema.parse({ origin: ' https://crm.example.com/cases/1?x ' })).toEqual({ origin: 'https://crm.example.com', helpdesk: '', ticketPattern: '', transcriptSelector: '' });
  });

  it.each([
    [{ origin: 'crm.example.com' }, /origin: Enter the site’s address/],
    [{ origin: 'javascript:alert(1)' }, /origin/],
    [{ origin: 'https://crm.example.com', ticketPattern: 'https://crm.example.com/cases/' }, /ticketPattern: Use the ticket’s URL with \{id\} once/],
    [{ origin: 'https://crm.example.com', ticketPattern: '/{id}/{id}' }, /ticketPattern/],
  ])('refuses %j with a clear message', (input, message) => {
    const result = SiteConfigSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')).toMatch(message);
  });
});
