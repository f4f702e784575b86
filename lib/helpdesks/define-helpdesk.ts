import type { Channel } from '../schemas/common';
import type { MessageRole, TicketContext, TranscriptMessage } from '../schemas/ticket';
import { TICKET_LIMITS } from '../schemas/ticket-limits';

/** What an adapter recognises from a URL alone: enough to open the panel on the right ticket. */
export interface TicketRef {
  helpdesk: string;
  ticketId: string;
  /** The ticket's canonical URL (stable across the helpdesk's own view changes). */
  url: string;
}

/** What an adapter may use to read a ticket. Fetches go only to the page's own origin. */
export interface ReadContext {
  document: Document;
  /**
   * Same-origin fetch with the signed-in session; aborted when the user leaves the ticket. `headers`
   * carries what the helpdesk's own app sends beside its cookie (a CSRF token the page holds).
   */
  fetch: (path: string, init?: { headers?: Record<string, string> }) => Promise<Response>;
  signal: AbortSignal;
}

export interface Helpdesk {
  /** Stable id used in ticket keys, exports and fixture folders: never change it. */
  id: string;
  label: string;
  /** Match patterns for the content script; the manifest is generated from these. */
  matches: string[];
  ticketFromUrl(url: URL): TicketRef | null;
  readTicket(ref: TicketRef, context: ReadContext): Promise<TicketContext>;
  /** URLs the URL-matrix test checks: own tickets accepted, own non-tickets rejected. */
  testUrls: { tickets: string[]; nonTickets: string[] };
}

export function defineHelpdesk(helpdesk: Helpdesk): Helpdesk {
  return helpdesk;
}

/** The context to show while only the URL is known. */
export function placeholderTicket(ref: TicketRef, channel: Channel = 'other'): TicketContext {
  return { ...ref, channel, subject: '', status: '', customer: null, agent: null, messages: [], complete: false };
}

/**
 * `map[key]` when `key` is one of the map's own keys, else `fallback`: a helpdesk's value names a
 * channel or status, and `constructor` or `toString` must not come back from Object.prototype.
 */
export function ownValue<T>(map: Readonly<Record<string, T>>, key: unknown, fallback: NoInfer<T>): T {
  return (typeof key === 'string' || typeof key === 'number') && Object.hasOwn(map, key) ? (map[key] ?? fallback) : fallback;
}

/**
 * Runs of spaces, tabs and no-break spaces that are not already a single space. Replacing every run
 * (single spaces included) with a space gives the same text, but a long conversation has hundreds of
 * thousands of single spaces, and rewriting each one was most of the time a 5 MB ticket took to read.
 */
const SPACE_RUNS = /[\t\f\v\u00a0][ \t\f\v\u00a0]*| [ \t\f\v\u00a0]+/g;

/** Collapses whitespace and trims; helpdesk text often carries layout newlines. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(SPACE_RUNS, ' ').replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * Cuts text to a schema limit. The background refuses a whole ticket with one field over a limit,
 * so one 200 kB email must arrive clipped rather than not at all.
 */
export function clip(text: string, max: number = TICKET_LIMITS.fieldChars): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * A `readTicket` that reads the API and, when that fails (not when the read was aborted), reads the
 * page instead, saying why in `problem`. `api` names what failed in that sentence.
 */
export function apiThenPage(
  readFromApi: (ref: TicketRef, context: ReadContext) => Promise<TicketContext>,
  readFromPage: (ref: TicketRef, document: Document, problem: string) => TicketContext,
  api = 'the API',
): Helpdesk['readTicket'] {
  return async (ref, context) => {
    try {
      return await readFromApi(ref, context);
    } catch (error) {
      if (context.signal.aborted) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      return readFromPage(ref, context.document, `Read from the page because ${api} failed (${reason}).`);
    }
  };
}

/**
 * GETs a path of the helpdesk's own JSON API with the signed-in session. Refuses a read the user
 * has already left, and says which helpdesk answered what for which path (never the query, which
 * may carry ids). `noContent` is what a 204 No Content answer means, for APIs that send one.
 */
export async function getJson<T>(
  context: ReadContext,
  path: string,
  helpdesk: string,
  options: { noContent?: T; headers?: Record<string, string> } = {},
): Promise<T> {
  context.signal.throwIfAborted();
  const response = await (options.headers ? context.fetch(path, { headers: options.headers }) : context.fetch(path));
  if (!response.ok) throw new Error(`${helpdesk} answered ${response.status} for ${path.split('?')[0]}`);
  if (response.status === 204 && options.noContent !== undefined) return options.noContent;
  return (await response.json()) as T;
}

/** `text(selector, within)`: the clean text of the first match under `within` (default `root`), or ''. */
export function pageText(root: ParentNode): (selector: string, within?: ParentNode) => string {
  return (selector, within = root) => cleanText(within.querySelector(selector)?.textContent);
}

/** How a page reader finds a message's parts in one rendered message element. */
export interface MessageFields {
  /** The message's own id, or null to number it by its place (1, 2, …). */
  id: (item: Element) => string | null;
  role: (item: Element) => MessageRole;
  /** Selectors of the author's name and of the message text. */
  author: string;
  body: string;
  /** The element whose `datetime` is the message's time: `'time'` unless told. */
  time?: string;
  /** The author shown for a bot message with no name ('Unknown' otherwise). */
  botAuthor?: string;
  /** Turns the body's text into the message text (e.g. `[File: …]`). */
  text?: (body: string, item: Element) => string;
}

/** Reads rendered message elements into transcript messages: plain text only, clipped to the limits. */
export function pageMessages(items: Element[], fields: MessageFields): TranscriptMessage[] {
  return items.map((item, index) => {
    const text = pageText(item);
    const role = fields.role(item);
    const at = item.querySelector(fields.time ?? 'time')?.getAttribute('datetime');
    const body = text(fields.body);
    return {
      id: clip(fields.id(item) ?? String(index + 1)),
      author: clip(text(fields.author) || (role === 'bot' && fields.botAuthor ? fields.botAuthor : 'Unknown')),
      role,
      ...(at ? { at: clip(at) } : {}),
      text: clip(fields.text ? fields.text(body, item) : body, TICKET_LIMITS.messageChars),
    };
  });
}

/** What a page reader found on the view of one ticket, for `viewTicket`. Texts are as shown ('' when missing). */
export interface ViewReading {
  /** Every message element the view shows, oldest first. */
  items: Element[];
  fields: MessageFields;
  channel: Channel;
  subject: string;
  status: string;
  customer: string;
  customerEmail?: string;
  agent: string;
}

/**
 * The ticket a page reader read off one view: its messages within the limits (saying so when the
 * view shows more), the customer by name or else by address, and complete once a message was read.
 */
export function viewTicket(ref: TicketRef, view: ViewReading): TicketContext {
  const messages = pageMessages(view.items.slice(0, TICKET_LIMITS.messages), view.fields);
  const email = view.customerEmail ?? '';
  return {
    ...ref,
    channel: view.channel,
    subject: clip(view.subject),
    status: clip(view.status),
    customer: view.customer || email ? { name: clip(view.customer || email), ...(email ? { email: clip(email) } : {}) } : null,
    agent: view.agent ? { name: clip(view.agent) } : null,
    messages,
    complete: messages.length > 0,
    ...(view.items.length > TICKET_LIMITS.messages ? { problem: `Read the first ${TICKET_LIMITS.messages} messages only.` } : {}),
  };
}
