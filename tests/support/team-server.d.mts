export interface TeamServer {
  url: string;
  dataDir: string;
  readonly output: string;
  admin(...args: string[]): Promise<string>;
  kill(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}
export function startTeamServer(options?: { databaseUrl?: string; env?: Record<string, string> }): Promise<TeamServer>;
export function inviteCode(printed: string): string;
export function teamId(printed: string): string;
