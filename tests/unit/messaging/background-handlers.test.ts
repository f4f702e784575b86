import { fakeBrowser } from 'wxt/testing';
import { backgroundHandlers } from '@/lib/background/handlers';
import { tabTickets } from '@/lib/background/tab-tickets';
import { siteStore } from '@/lib/sites/site-store';
import { ticket } from '../db/factories';

const fromTab = (tabId: number) => ({ sender: { id: 'x', tab: { id: tabId } }, tabId });
/** The token a content script put in its panel's URL, and one no page that framed the panel itself can name. */
const FRAME = '0123456789abcdef0123456789abcdef';
const OTHER_FRAME = 'fedcba9876543210fedcba9876543210';

describe('background handlers', () => {
  it('remembers each tab’s ticket in session storage, so a restarted worker still answers the panel', async () => {
    await backgroundHandlers['ticket/observed']({ ticket, frame: FRAME }, fromTab(3));
    await backgroundHandlers['ticket/observed']({ ticket: { ...ticket, ticketId: '2002' }, frame: OTHER_FRAME }, fromTab(4));
    expect(await backgroundHandlers['panel/hello']({ frame: FRAME }, fromTab(3))).toEqual({ tabId: 3, ticket });
    expect((await backgroundHandlers['panel/hello']({ frame: OTHER_FRAME }, fromTab(4))).ticket?.ticketId).toBe('2002');
  });

  it('shows a tab’s ticket only to the panel framed by the page that reported it', async () => {
    await backgroundHandlers['ticket/observed']({ ticket, frame: FRAME }, fromTab(3));
    // A page the tab went on to (or any page) that frames the panel page itself knows no token.
    expect(await backgroundHandlers['panel/hello']({ frame: '' }, fromTab(3))).toEqual({ tabId: 3, ticket: null });
    expect(await backgroundHandlers['panel/hello']({ frame: OTHER_FRAME }, fromTab(3))).toEqual({ tabId: 3, ticket: null });
    // The page reloaded: its new panel has a new token, and the old one is shown nothing more.
    await backgroundHandlers['ticket/observed']({ ticket, frame: OTHER_FRAME }, fromTab(3));
    expect(await backgroundHandlers['panel/hello']({ frame: FRAME }, fromTab(3))).toEqual({ tabId: 3, ticket: null });
    expect(await backgroundHandlers['panel/hello']({ frame: OTHER_FRAME }, fromTab(3))).toEqual({ tabId: 3, ticket });
  });

  it('forgets a tab’s ticket when the tab leaves it', async () => {
    await backgroundHandlers['ticket/observed']({ ticket, frame: FRAME }, fromTab(3));
    await backgroundHandlers['ticket/observed']({ ticket: null, frame: FRAME }, fromTab(3));
    expect(await tabTickets.get(3, FRAME)).toBeNull();
  });

  it.each([
    ['Chromium, where the framed panel hears it among the extension pages', 'false', []],
    ['Firefox, where the framed panel hears it only when sent to the tab', 'true', [5]],
  ])('broadcasts the change to the panels in %s', async (_, firefox, tabsSent) => {
    vi.stubEnv('FIREFOX', firefox);
    const seen: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      seen.push(message);
    });
    const toTabs: unknown[] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number, message: unknown) => void toTabs.push([tabId, message]));
    await backgroundHandlers['ticket/observed']({ ticket, frame: FRAME }, fromTab(5));
    const event = { event: 'ticket/updated', data: { tabId: 5, frame: FRAME, ticket } };
    expect(seen).toEqual([event]);
    expect(toTabs).toEqual(tabsSent.map((tabId) => [tabId, event]));
    vi.unstubAllEnvs();
  });

  it('ignores a corrupted stored ticket instead of passing it on', async () => {
    await fakeBrowser.storage.session.set({ 'tab:9': { frame: FRAME, ticket: { helpdesk: 'zendesk', ticketId: 42 } } });
    expect(await tabTickets.get(9, FRAME)).toBeNull();
  });

  it('refuses requests that come from no tab', async () => {
    await expect(backgroundHandlers['panel/hello']({ frame: FRAME }, { sender: { id: 'x' }, tabId: undefined })).rejects.toThrow(/inside a browser tab/);
  });

  it('starts with the panel open, then remembers its layout for every tab and hands it back with each ticket', async () => {
    expect(await backgroundHandlers['ticket/observed']({ ticket, frame: FRAME }, fromTab(3))).toEqual({ layout: { width: 400, open: true } });
    await backgroundHandlers['panel/layout']({ width: 520 }, fromTab(3));
    await backgroundHandlers['panel/layout']({ open: false }, fromTab(3));
    expect(await backgroundHandlers['ticket/observed']({ ticket, frame: FRAME }, fromTab(4))).toEqual({ layout: { width: 520, open: false } });
    await backgroundHandlers['panel/layout']({ open: true }, fromTab(4));
    expect(await backgroundHandlers['ticket/observed']({ ticket, frame: FRAME }, fromTab(3))).toEqual({ layout: { width: 520, open: true } });
  });

  it('falls back to the default layout when the stored one is corrupt', async () => {
    await fakeBrowser.storage.local.set({ panelLayout: { width: 'wide' } });
    expect(await backgroundHandlers['ticket/observed']({ ticket, frame: FRAME }, fromTab(3))).toEqual({ layout: { width: 400, open: true } });
  });

  it('tells the generic content script how to read its own site, and nothing about others', async () => {
    await siteStore.save({ origin: 'https://crm.example.com', ticketPattern: 'https://crm.example.com/cases/{id}' });
    const from = (url: string) => ({ sender: { id: 'x', url, tab: { id: 1 } }, tabId: 1 });
    expect(await backgroundHandlers['site/config']({}, from('https://crm.example.com/cases/7'))).toMatchObject({ origin: 'https://crm.example.com' });
    expect(await backgroundHandlers['site/config']({}, from('https://evil.example/cases/7'))).toBeNull();
  });
});
