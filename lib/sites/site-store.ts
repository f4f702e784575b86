import { browser } from 'wxt/browser';
import { z } from 'zod';
import { SiteConfigSchema, type SiteConfig } from '../schemas/site';

const KEY = 'sites';

/** Sites the user turned QA Lens on for, in extension storage (out of every page's reach). */
export const siteStore = {
  async list(): Promise<SiteConfig[]> {
    const parsed = z.array(SiteConfigSchema).safeParse((await browser.storage.local.get(KEY))[KEY] ?? []);
    return parsed.success ? parsed.data : [];
  },
  async forOrigin(origin: string): Promise<SiteConfig | null> {
    return (await siteStore.list()).find((site) => site.origin === origin) ?? null;
  },
  async save(input: unknown): Promise<SiteConfig> {
    const site = SiteConfigSchema.parse(input);
    const others = (await siteStore.list()).filter((s) => s.origin !== site.origin);
    await browser.storage.local.set({ [KEY]: [...others, site] });
    return site;
  },
  async remove(origin: string): Promise<void> {
    await browser.storage.local.set({ [KEY]: (await siteStore.list()).filter((s) => s.origin !== origin) });
  },
};
