import { browser } from 'wxt/browser';
import { events, requests, type EventName, type EventOf, type RequestName, type RequestOf, type ResponseEnvelope, type ResponseOf } from './contracts';

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

/**
 * Listens to one kind of event the background worker broadcasts to extension pages. Only our own
 * extension's messages count, each parsed against its contract; returns the unsubscribe.
 */
export function subscribe<N extends EventName>(name: N, listener: (data: EventOf<N>) => void): () => void {
  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return;
    if (!message || typeof message !== 'object' || (message as { event?: unknown }).event !== name) return;
    const parsed = events[name].safeParse((message as { data?: unknown }).data);
    if (parsed.success) listener(parsed.data as EventOf<N>);
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}
