// The URL matrix: every adapter accepts its own ticket URLs, rejects its own non-ticket URLs and
// rejects every other adapter's ticket URLs; its match patterns are valid and cover its tickets.
import { MatchPattern } from 'wxt/utils/match-patterns';
import { HELPDESKS, helpdeskForUrl } from '../../../lib/helpdesks/registry';

/** Chrome's match-pattern grammar as adapters may use it: https only, a host with an optional leading `*.`, a path. */
const PATTERN_SHAPE = /^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\S*$/;

const own = HELPDESKS.flatMap((helpdesk) => helpdesk.testUrls.tickets.map((url) => [helpdesk.id, url] as const));

describe.each(HELPDESKS.map((helpdesk) => [helpdesk.id, helpdesk] as const))('%s', (id, helpdesk) => {
  it.each(helpdesk.testUrls.tickets)('accepts its ticket URL %s', (url) => {
    const ref = helpdesk.ticketFromUrl(new URL(url));
    expect(ref).not.toBeNull();
    expect(ref?.helpdesk).toBe(id);
    expect(ref?.ticketId).toMatch(/\S/);
    expect(helpdeskForUrl(new URL(url))?.helpdesk).toBe(helpdesk);
  });

  it.each(helpdesk.testUrls.tickets)('accepts the canonical URL of %s as the same ticket, unchanged', (url) => {
    const ref = helpdesk.ticketFromUrl(new URL(url));
    const again = ref && helpdesk.ticketFromUrl(new URL(ref.url));
    expect(again).toStrictEqual(ref);
  });

  it.each(helpdesk.testUrls.nonTickets)('rejects its non-ticket URL %s', (url) => {
    expect(helpdesk.ticketFromUrl(new URL(url))).toBeNull();
  });

  // One test, not it.each: with a single adapter there are no other URLs, and the check must still run.
  it('rejects every other adapter’s ticket URLs', () => {
    const others = own.filter(([owner]) => owner !== id);
    const claimed = others.filter(([, url]) => helpdesk.ticketFromUrl(new URL(url)) !== null);
    expect(claimed, `${id} claims ticket URLs of other helpdesks: tighten its ticketFromUrl`).toEqual([]);
  });

  it.each(helpdesk.matches)('has a valid https match pattern %s', (pattern) => {
    expect(pattern).toMatch(PATTERN_SHAPE);
    expect(() => new MatchPattern(pattern)).not.toThrow();
  });

  it('lists match patterns that cover each of its ticket URLs', () => {
    expect(helpdesk.matches.length).toBeGreaterThan(0);
    const patterns = helpdesk.matches.map((pattern) => new MatchPattern(pattern));
    const uncovered = helpdesk.testUrls.tickets.filter((url) => !patterns.some((pattern) => pattern.includes(url)));
    expect(uncovered, `the content script would never run on these ${id} tickets: widen matches`).toEqual([]);
  });
});

describe('the pattern check itself', () => {
  it.each(['https://*.zendesk.com/agent/*', 'https://support.example.com/*', 'https://app.example.com/tickets/*/view/*'])('accepts %s', (pattern) => {
    expect(pattern).toMatch(PATTERN_SHAPE);
  });

  it.each(['<all_urls>', '*://*.zendesk.com/*', 'http://*.zendesk.com/*', 'https://*/*', 'https://zen*.com/*', 'https://*.zendesk.com', 'https://*.zendesk.com:443/*'])(
    'rejects %s',
    (pattern) => {
      expect(pattern).not.toMatch(PATTERN_SHAPE);
    },
  );
});
