import type { QaLensDatabase } from '../db/database';
import { linkTeam } from '../db/team-link';
import { createSyncApi, normaliseServerUrl, type Fetch } from './sync-api';

/**
 * Joins a team: the server checks the invite code and gives this browser a token, and the browser
 * links to the team, queueing what the member already has. Nothing is linked if the server refuses.
 */
export async function joinTeam(db: QaLensDatabase, input: { serverUrl: string; inviteCode: string }, now: number, fetchImpl?: Fetch): Promise<void> {
  const serverUrl = normaliseServerUrl(input.serverUrl);
  const clientId = crypto.randomUUID();
  const joined = await createSyncApi(serverUrl, null, fetchImpl).join({ inviteCode: input.inviteCode.trim(), clientId });
  await linkTeam(db, { serverUrl, team: joined.team, member: joined.member, token: joined.token, expiresAt: joined.expiresAt, joinedAt: now }, clientId, now);
}
