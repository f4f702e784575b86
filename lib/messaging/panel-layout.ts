/** Where the panel sits on helpdesk pages. Free of zod, so the content script can share it. */
export interface PanelLayout {
  width: number;
  open: boolean;
}

export const PANEL_WIDTH = { min: 320, max: 800, default: 400, step: 24 } as const;

/**
 * Closed until the user first opens it: the launcher alone costs the helpdesk page about 2 ms of main-thread
 * script, while creating any iframe costs Chromium some 3–4 ms more on every page load (docs/benchmarks.md).
 * Once opened, the panel stays open on every ticket until the user closes it.
 */
export const DEFAULT_PANEL_LAYOUT: PanelLayout = { width: PANEL_WIDTH.default, open: false };
