import type { Browser } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR: string;
export const FIREFOX_ADDON_ID: string;
export function firefoxPath(): string;
export function startHostProxy(options: { hosts: string[]; port: number }): Promise<{ port: number; close(): Promise<void> }>;
export function launchFirefoxWithExtension(options: {
  server: { hosts: string[]; port: number };
  extensionDir?: string;
  prefs?: Record<string, unknown>;
}): Promise<{ browser: Browser; extensionUrl: (path: string) => string; close(): Promise<void> }>;
