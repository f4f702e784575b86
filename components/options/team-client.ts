import type { TeamStatus } from '../../lib/messaging/contracts';

/** Settings → Team's window onto team sync (the background worker runs it). */
export interface TeamClient {
  status(): Promise<TeamStatus>;
  /** Asks the browser for the server's host permission (the user confirms), then joins with the invite code. */
  join(input: { serverUrl: string; inviteCode: string }): Promise<TeamStatus>;
  leave(): Promise<TeamStatus>;
  syncNow(): Promise<void>;
  dismissRejected(): Promise<TeamStatus>;
  /** Calls `listener` whenever the worker reports a new status; returns the unsubscribe. */
  onStatus(listener: (status: TeamStatus) => void): () => void;
  now(): number;
}
