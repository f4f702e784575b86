import { z } from 'zod';
import { SiteConfigSchema } from '../schemas/site';
import { MemberSchema, SyncKindSchema, TeamSchema } from '../schemas/sync';
import { TicketContextSchema } from '../schemas/ticket';
import { PANEL_WIDTH, type PanelLayout } from './panel-layout';

/**
 * Who may send a request. `content` is our content script in a helpdesk tab (its data is
 * untrusted: it was read off the page); `extension-page` is one of our own pages, such as the
 * panel in its iframe.
 */
export type SenderKind = 'content' | 'extension-page';

const Ack = z.object({ ok: z.literal(true) });

/** Where the panel sits on helpdesk pages, remembered across pages and restarts. */
export const PanelLayoutSchema = z.object({
  width: z.number().int().min(PANEL_WIDTH.min).max(PANEL_WIDTH.max),
  open: z.boolean(),
}) satisfies z.ZodType<PanelLayout>;

/** What Settings → Team shows: the team this browser is in and how syncing goes. */
export const TeamStatusSchema = z.object({
  team: TeamSchema.nullable(),
  serverUrl: z.string().nullable(),
  member: MemberSchema.nullable(),
  phase: z.enum(['synced', 'syncing', 'offline', 'error', 'signed-out']),
  error: z.string(),
  lastSyncedAt: z.number().nullable(),
  retryAt: z.number().nullable(),
  /** Local changes not yet on the server. */
  pending: z.number().int().nonnegative(),
  rejected: z.array(z.object({ kind: z.string(), key: z.string(), reason: z.string(), at: z.number() })),
});
export type TeamStatus = z.infer<typeof TeamStatusSchema>;

/** Every request the background worker answers: name → who may send it, request and response. */
export const requests = {
  /**
   * The content script saw a ticket (or, with `null`, left one). The reply carries the panel's
   * layout, so the content script never needs the storage API (each extension API it touches
   * costs the helpdesk page main-thread time).
   */
  'ticket/observed': {
    from: 'content',
    request: z.object({ ticket: TicketContextSchema.nullable() }),
    response: z.object({ layout: PanelLayoutSchema }),
  },
  /** The generic content script asks how to read the site it runs on (the sender's origin). */
  'site/config': {
    from: 'content',
    request: z.object({}),
    response: SiteConfigSchema.nullable(),
  },
  /** The user resized, opened or closed the panel on a helpdesk page. */
  'panel/layout': {
    from: 'content',
    request: PanelLayoutSchema.partial(),
    response: Ack,
  },
  /** The panel asks which tab it is in and what ticket that tab shows. */
  'panel/hello': {
    from: 'extension-page',
    request: z.object({}),
    response: z.object({ tabId: z.number().int(), ticket: TicketContextSchema.nullable() }),
  },
  /** The panel's close button: the content script of its tab hides the panel. */
  'panel/close': {
    from: 'extension-page',
    request: z.object({}),
    response: Ack,
  },
  /** A page changed reviews, coaching plans or the profile: re-plan reminders, badge and alarms now. */
  'reminders/refresh': {
    from: 'extension-page',
    request: z.object({}),
    response: Ack,
  },
  /** Settings → Team: join with the server's address and an invite code (the page has the host permission already). */
  'team/join': {
    from: 'extension-page',
    request: z.object({ serverUrl: z.string().min(1).max(2000), inviteCode: z.string().trim().min(1).max(200) }),
    response: TeamStatusSchema,
  },
  /** Settings → Team: leave the team; every record stays in this browser. */
  'team/leave': {
    from: 'extension-page',
    request: z.object({}),
    response: TeamStatusSchema,
  },
  'team/status': {
    from: 'extension-page',
    request: z.object({}),
    response: TeamStatusSchema,
  },
  /** "Sync now", or a page that wrote shared records: sync shortly (`soon`) or at once, past any backoff. */
  'team/sync': {
    from: 'extension-page',
    request: z.object({ soon: z.boolean().default(false) }),
    response: Ack,
  },
  /** Forget the changes the server refused, once the user has read why. */
  'team/dismiss-rejected': {
    from: 'extension-page',
    request: z.object({}),
    response: TeamStatusSchema,
  },
} as const satisfies Record<string, { from: SenderKind; request: z.ZodType; response: z.ZodType }>;

export type RequestName = keyof typeof requests;
export type RequestOf<N extends RequestName> = z.input<(typeof requests)[N]['request']>;
export type ResponseOf<N extends RequestName> = z.output<(typeof requests)[N]['response']>;

/** Events the background worker broadcasts to extension pages. */
export const events = {
  'ticket/updated': z.object({ tabId: z.number().int(), ticket: TicketContextSchema.nullable() }),
  /** Team sync wrote records pulled from the server: pages showing these kinds reload them. */
  'data/changed': z.object({ kinds: z.array(SyncKindSchema) }),
  'team/status': TeamStatusSchema,
} as const;
export type EventName = keyof typeof events;
export type EventOf<N extends EventName> = z.output<(typeof events)[N]>;

/** What the background worker sends to the content script of a tab. */
export type ContentCommand = { type: 'panel/toggle' } | { type: 'panel/close' };

export interface RequestEnvelope<N extends RequestName = RequestName> {
  type: N;
  payload: RequestOf<N>;
}

export type ResponseEnvelope<T> = { ok: true; data: T } | { ok: false; error: string };
