import { browser } from 'wxt/browser';
import { PanelLayoutSchema } from '../messaging/contracts';
import { DEFAULT_PANEL_LAYOUT, type PanelLayout } from '../messaging/panel-layout';

const KEY = 'panelLayout';

/** The panel's width and open state on helpdesk pages, shared by every tab. */
export const panelLayout = {
  async get(): Promise<PanelLayout> {
    const parsed = PanelLayoutSchema.safeParse((await browser.storage.local.get(KEY))[KEY]);
    return parsed.success ? parsed.data : DEFAULT_PANEL_LAYOUT;
  },
  async update(change: Partial<PanelLayout>): Promise<PanelLayout> {
    const next = PanelLayoutSchema.parse({ ...(await panelLayout.get()), ...change });
    await browser.storage.local.set({ [KEY]: next });
    return next;
  },
};
