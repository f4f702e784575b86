/** Where the panel sits on helpdesk pages. Free of zod, so the content script can share it. */
export interface PanelLayout {
  width: number;
  open: boolean;
}

export const PANEL_WIDTH = { min: 320, max: 800, default: 400, step: 24 } as const;

/** Open beside every ticket until the user closes it; then the launcher alone, until reopened. */
export const DEFAULT_PANEL_LAYOUT: PanelLayout = { width: PANEL_WIDTH.default, open: true };
