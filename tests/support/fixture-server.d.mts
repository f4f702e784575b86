import type { IncomingMessage } from 'node:http';

export const FIXTURES: string;

/** What a helpdesk's `server.mjs` is handed for each request. */
export interface FixtureRequest {
  url: URL;
  req: IncomingMessage;
  /** The request's headers, names in lower case (what a same-origin app sends beside its cookie). */
  headers: Record<string, string | string[] | undefined>;
  /** Waits or answers 503 for a ticket, as a test asked with setDelay / setFailing; null to go on. */
  ticketOptions(ticketId: string | number): Promise<FixtureReply | null>;
  /** A file in the helpdesk's fixture folder. */
  fixture(file: string): FixtureReply;
}
export type FixtureReply = { file: string } | { status?: number; json: unknown } | { status?: number; body: string; type?: string };

import type { HostileTicket } from './hostile-tickets.mjs';

export function startFixtureServer(): Promise<{
  port: number;
  hosts: string[];
  requests: { host: string; path: string }[];
  hostResolverRules: string;
  setDelay(ticketId: string | number, ms: number): void;
  setFailing(ticketId: string | number, fail: boolean): void;
  hostile: Map<string, HostileTicket>;
  setHostile(on: boolean): void;
  close(): Promise<void>;
}>;
