import { browser } from 'wxt/browser';
import type { RequestName, RequestOf, ResponseEnvelope, ResponseOf } from '../messaging/contracts';

/**
 * Sends a request from the content script. The contract's types check the payload; the worker
 * validates it (zod stays out of the page). Resolves to null when the worker cannot answer, for
 * example while the extension reloads: the next navigation tries again.
 */
export async function sendToBackground<N extends RequestName>(type: N, payload: RequestOf<N>): Promise<ResponseOf<N> | null> {
  try {
    const reply: ResponseEnvelope<ResponseOf<N>> | undefined = await browser.runtime.sendMessage({ type, payload });
    return reply?.ok ? reply.data : null;
  } catch {
    return null;
  }
}
