import { browser } from 'wxt/browser';
import { requests, type RequestName, type RequestOf, type ResponseEnvelope, type ResponseOf } from './contracts';

export class MessagingError extends Error {
  override name = 'MessagingError';
}

/**
 * Sends a request to the background worker from an extension page and parses the answer, so a
 * caller only ever sees a valid response or a MessagingError that says what went wrong.
 */
export async function request<N extends RequestName>(type: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
  let reply: ResponseEnvelope<unknown> | undefined;
  try {
    reply = await browser.runtime.sendMessage({ type, payload });
  } catch (error) {
    throw new MessagingError(`The QA Lens background worker did not answer "${type}": ${String(error)}`);
  }
  if (!reply || typeof reply !== 'object') throw new MessagingError(`No answer to "${type}".`);
  if (!reply.ok) throw new MessagingError(reply.error);
  return requests[type].response.parse(reply.data) as ResponseOf<N>;
}
