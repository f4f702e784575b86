type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/**
 * Runs inside a panel frame (pass it to the driver's `evaluate`): asks the worker for the tab's
 * ticket exactly as the panel does on load, naming the token in its own URL. Self-contained, as
 * the driver sends its source to the browser.
 */
export function askForTabTicket(): Promise<unknown> {
  const api = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
  return (api.browser ?? api.chrome)!.runtime.sendMessage({ type: 'panel/hello', payload: { frame: location.hash.slice(1) } });
}

/** Runs in a page (pass it to `evaluate` with the panel's URL): frames the panel page as any site may, with a made-up token. */
export function frameThePanel(panelUrl: string): void {
  const framed = document.createElement('iframe');
  framed.src = `${panelUrl}#0123456789abcdef0123456789abcdef`;
  document.body.append(framed);
}
