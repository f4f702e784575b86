import type { BrowserContext, Page } from 'playwright-core';
export function waitForLauncher(page: Page, timeout?: number): Promise<{ x: number; y: number }>;
export function clickLauncher(page: Page, timeout?: number): Promise<void>;
export function rememberPanelClosed(context: BrowserContext): Promise<void>;
