import type { BrowserContext } from 'playwright-core';
export const EXTENSION_DIR: string;
export function chromiumPath(): string;
export function launchWithExtension(options?: {
  extensionDir?: string | null;
  hostResolverRules?: string;
  headless?: boolean;
  userDataDir?: string;
}): Promise<{
  context: BrowserContext;
  extensionId: string | null;
  userDataDir: string;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}>;
