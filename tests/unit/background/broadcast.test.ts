import { fakeBrowser } from 'wxt/testing';
import { broadcast } from '@/lib/background/broadcast';
import { tabTickets } from '@/lib/background/tab-tickets';
import { ticket } from '../db/factories';

const FRAME = '0123456789abcdef0123456789abcdef';

describe('broadcasting to the extension’s pages', () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each([
    ['in Chromium, once, framed panels included, and sends no tab a copy', 'false', [] as number[]],
    ['in Firefox, and also each tab with a panel, where framed panels hear it', 'true', [3, 8]],
  ])('reaches the extension pages %s', async (_, firefox, tabsSent) => {
    vi.stubEnv('FIREFOX', firefox);
    const pages: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => void pages.push(message));
    const tabs: [number, unknown][] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number, message: unknown) => void tabs.push([tabId, message]));
    await tabTickets.set(3, FRAME, ticket);
    await tabTickets.set(8, FRAME, ticket);
    await fakeBrowser.storage.session.set({ unrelated: true });

    await broadcast('data/changed', { kinds: ['evaluation'] }, await tabTickets.tabIds());
    const message = { event: 'data/changed', data: { kinds: ['evaluation'] } };
    expect(pages).toEqual([message]);
    expect(tabs.sort()).toEqual(tabsSent.map((tabId) => [tabId, message]));
  });

  it('carries on when nothing listens anywhere', async () => {
    vi.stubEnv('FIREFOX', 'true');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(broadcast('data/changed', { kinds: ['scorecard'] }, [5])).resolves.toBeUndefined();
  });
});
