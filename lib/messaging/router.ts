import { z } from 'zod';
import { describeIssues } from '../schemas/describe-issues';
import { requests, type RequestName, type ResponseEnvelope, type ResponseOf, type SenderKind } from './contracts';

/** The parts of `runtime.MessageSender` the router looks at. */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export interface RequestContext {
  sender: MessageSender;
  /** The tab the request came from, when it came from one. */
  tabId: number | undefined;
}

/** One handler per request name; a missing one is a compile error. */
export type RequestHandlers = {
  [N in RequestName]: (payload: z.output<(typeof requests)[N]['request']>, context: RequestContext) => Promise<ResponseOf<N>>;
};

export interface RouterOptions {
  extensionId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionOrigin: string;
}

function senderKind(sender: MessageSender, options: RouterOptions): SenderKind | null {
  if (sender.id !== options.extensionId) return null;
  if (sender.url?.startsWith(options.extensionOrigin)) return 'extension-page';
  return sender.tab?.id !== undefined ? 'content' : null;
}

const Envelope = z.object({ type: z.string(), payload: z.unknown() });

/**
 * Validates, authorises and dispatches one runtime message. Every failure becomes an error
 * envelope with a message that says what was wrong; nothing reaches a handler unparsed.
 */
export function createRequestRouter(handlers: RequestHandlers, options: RouterOptions) {
  return async (message: unknown, sender: MessageSender): Promise<ResponseEnvelope<unknown>> => {
    const envelope = Envelope.safeParse(message);
    if (!envelope.success) return { ok: false, error: 'Not a QA Lens message: expected { type, payload }.' };
    const { type, payload } = envelope.data;
    if (!Object.hasOwn(requests, type)) return { ok: false, error: `Unknown message type "${type}".` };
    const name = type as RequestName;
    const contract = requests[name];
    const kind = senderKind(sender, options);
    if (kind !== contract.from) return { ok: false, error: `"${name}" is not accepted from this sender.` };
    const parsed = contract.request.safeParse(payload);
    if (!parsed.success) return { ok: false, error: `Invalid "${name}" request: ${describeIssues(parsed.error)}` };
    try {
      const handler = handlers[name] as (payload: unknown, context: RequestContext) => Promise<unknown>;
      const data = await handler(parsed.data, { sender, tabId: sender.tab?.id });
      return { ok: true, data };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}

