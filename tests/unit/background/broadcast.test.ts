import { fakeBrowser } from 'wxt/testing';
import { broadcast } from '@/lib/background/broadcast';
import { tabTickets } from '@/lib/background/tab-tickets';
import { ticket } from '../db/factories';

const FRAME = '0123456789abcdef0123456789abcdef';

describe('broadcasting to the extension’s pages', () => {
  it('reaches extension pages, and each tab with a panel, where Firefox’s framed panels hear it', async () => {
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
    expect(tabs.sort()).toEqual([[3, message], [8, message]]);
  });

  it('carries on when nothing listens anywhere', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(broadcast('data/changed', { kinds: ['scorecard'] }, [5])).resolves.toBeUndefined();
  });
});
