/** Bearer tokens: who is asking, or a 401 that says what to do about it. */
import type { Member, Team } from '../../lib/schemas';
import type { Database } from '../db/connection';
import { readCredential } from '../credentials';
import { ApiError } from '../http/errors';
import { memberOf, type MemberRow } from './teams';

export interface Caller {
  team: Team;
  member: Member;
  tokenHash: string;
  expiresAt: number;
}

const SIGN_IN_AGAIN = 'join the team again with a new invite code from your team admin';

export async function authenticate(db: Database, header: string | undefined, now: number): Promise<Caller> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) throw new ApiError(401, `This request carries no sign-in: ${SIGN_IN_AGAIN}.`);
  const credential = readCredential(match[1]!);
  if (!credential) throw new ApiError(401, `This sign-in is not one this team server gave out: ${SIGN_IN_AGAIN}.`);
  const [row] = await db.query<MemberRow & { team_name: string; expires_at: number; revoked_at: number | null }>(
    `SELECT m.id, m.name, m.email, m.role, m.identities, m.active, m.joined_at, t.expires_at, t.revoked_at, tm.name AS team_name
     FROM tokens t
     JOIN members m ON m.team_id = t.team_id AND m.id = t.member_id
     JOIN teams tm ON tm.id = t.team_id
     WHERE t.team_id = $1 AND t.token_hash = $2`,
    [credential.teamId, credential.hash],
  );
  if (!row) throw new ApiError(401, `This sign-in is not known to this team server: ${SIGN_IN_AGAIN}.`);
  if (row.revoked_at !== null || !row.active) throw new ApiError(401, `Your sign-in to this team was revoked: ${SIGN_IN_AGAIN}.`);
  if (row.expires_at <= now) throw new ApiError(401, `Your sign-in to this team expired on ${new Date(row.expires_at).toISOString().slice(0, 10)}: ${SIGN_IN_AGAIN}.`);
  return { team: { id: credential.teamId, name: row.team_name }, member: memberOf(row), tokenHash: credential.hash, expiresAt: row.expires_at };
}

/** `POST /v1/leave`: this token stops working; the member and their other browsers stay. */
export async function revokeToken(db: Database, caller: Caller, now: number): Promise<void> {
  await db.query('UPDATE tokens SET revoked_at = $3 WHERE team_id = $1 AND token_hash = $2 AND revoked_at IS NULL', [caller.team.id, caller.tokenHash, now]);
}
