export const FIXTURES: string;
export const FIXTURE_HOSTS: string[];
export function startFixtureServer(): Promise<{
  port: number;
  requests: { host: string; path: string }[];
  hostResolverRules: string;
  setDelay(ticketId: string | number, ms: number): void;
  setFailing(ticketId: string | number, fail: boolean): void;
  close(): Promise<void>;
}>;
