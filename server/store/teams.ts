/**
 * Teams, members, invites and sign-in: what the admin CLI and `POST /v1/join` do to the database.
 * Members are also shared records (kind `member`), so each change to one goes through a
 * TeamWriter: it gets a revision, and the member's browsers and the team's staff pull it.
 */
import { v7 as uuidv7 } from 'uuid';
import { MemberSchema, type HelpdeskIdentity, type JoinRequest, type JoinResponse, type Member, type Role, type Team } from '../../lib/schemas';
import type { Database, Queryable } from '../db/connection';
import { DAY_MS, INVITE_BYTES, INVITE_DAYS, newCredential, readCredential, TOKEN_BYTES, TOKEN_DAYS } from '../credentials';
import { ApiError } from '../http/errors';
import { TeamWriter } from './team-writer';

export interface MemberRow {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  identities: HelpdeskIdentity[];
  active: boolean;
  joined_at: number | null;
}

export const memberOf = (row: MemberRow): Member => MemberSchema.parse({ id: row.id, name: row.name, email: row.email, role: row.role, identities: row.identities, active: row.active });

export async function getTeam(q: Queryable, teamId: string): Promise<Team | null> {
  const [row] = await q.query<Team>('SELECT id, name FROM teams WHERE id = $1', [teamId]);
  return row ?? null;
}

export async function getMember(q: Queryable, teamId: string, memberId: string): Promise<MemberRow | null> {
  const [row] = await q.query<MemberRow>('SELECT id, name, email, role, identities, active, joined_at FROM members WHERE team_id = $1 AND id = $2', [teamId, memberId]);
  return row ?? null;
}

export interface InviteInput {
  teamId: string;
  role: Role;
  name: string;
  email?: string | null;
  identities?: readonly string[];
}

export interface Invite {
  code: string;
  expiresAt: number;
  member: Member;
  team: Team;
}

export async function createTeam(db: Database, input: { name: string; adminName?: string; adminEmail?: string | null }, now: number): Promise<Invite> {
  const name = input.name.trim();
  if (!name || name.length > 200) throw new ApiError(400, 'A team needs a name of 1 to 200 characters.');
  const teamId = uuidv7();
  return db.transaction(async (tx) => {
    await tx.query('INSERT INTO teams (id, name, revision, created_at) VALUES ($1, $2, 0, $3)', [teamId, name, now]);
    return inviteIn(tx, { teamId, role: 'admin', name: input.adminName ?? 'Team admin', email: input.adminEmail ?? null }, now);
  });
}

/**
 * A one-time invite code for a member. An email the team already has re-invites that member (a
 * second browser, or new identities); otherwise the member is created now, so reviews of their
 * tickets are theirs to read from the moment they join.
 */
export function invite(db: Database, input: InviteInput, now: number): Promise<Invite> {
  return db.transaction((tx) => inviteIn(tx, input, now));
}

async function inviteIn(tx: Queryable, input: InviteInput, now: number): Promise<Invite> {
  const email = input.email?.trim() || null;
  const candidate = MemberSchema.safeParse({
    id: uuidv7(),
    name: input.name,
    email,
    role: input.role,
    identities: (input.identities ?? []).map((value) => ({ helpdesk: null, value })),
  });
  if (!candidate.success) throw new ApiError(400, `This member cannot be invited: ${candidate.error.issues.map((i) => `${i.path.join('.') || 'member'}: ${i.message}`).join('; ')}.`);
  const writer = await TeamWriter.lock(tx, input.teamId, now);
  const team = (await getTeam(tx, input.teamId))!;
  const [existing] = email
    ? await tx.query<MemberRow>('SELECT id, name, email, role, identities, active, joined_at FROM members WHERE team_id = $1 AND lower(email) = lower($2)', [input.teamId, email])
    : [];
  const member: Member = { ...candidate.data, id: existing?.id ?? candidate.data.id, active: true };
  if (existing && existing.role !== member.role) {
    // What a member may read follows from their role, and their browsers' cursors are past records
    // the new role may read: their sign-ins end, and joining again with this invite pulls from the start.
    await tx.query('UPDATE tokens SET revoked_at = $3 WHERE team_id = $1 AND member_id = $2 AND revoked_at IS NULL', [input.teamId, member.id, now]);
  }
  if (existing) {
    await tx.query('UPDATE members SET name = $3, role = $4, identities = $5::jsonb, active = true WHERE team_id = $1 AND id = $2', [
      input.teamId,
      member.id,
      member.name,
      member.role,
      JSON.stringify(member.identities),
    ]);
  } else {
    await tx.query('INSERT INTO members (team_id, id, name, email, role, identities, active, created_at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, true, $7)', [
      input.teamId,
      member.id,
      member.name,
      member.email,
      member.role,
      JSON.stringify(member.identities),
      now,
    ]);
    await tx.query('INSERT INTO member_directory (member_id, team_id, email) VALUES ($1, $2, $3)', [member.id, input.teamId, member.email]);
  }
  await writeMember(writer, member);
  const code = newCredential(input.teamId, INVITE_BYTES);
  const expiresAt = now + INVITE_DAYS * DAY_MS;
  await tx.query('INSERT INTO invites (team_id, code_hash, member_id, role, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    input.teamId,
    code.hash,
    member.id,
    member.role,
    expiresAt,
    now,
  ]);
  await writer.finish();
  return { code: code.text, expiresAt, member, team };
}

/** Stores the member's shared record and decides again whom every record is about. */
async function writeMember(writer: TeamWriter, member: Member): Promise<void> {
  await writer.put('member', member.id, member, null);
  await writer.refreshAbout();
}

const BAD_CODE = 'This invite code is not valid: check that it was copied whole, or ask your team admin for a new one.';
const when = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Exchanges a one-time invite code for a bearer token, and ties the browser's client id to the member. */
export async function join(db: Database, request: JoinRequest, now: number): Promise<JoinResponse> {
  const credential = readCredential(request.inviteCode);
  if (!credential) throw new ApiError(400, BAD_CODE);
  return db.transaction(async (tx) => {
    const [inviteRow] = await tx.query<{ member_id: string; expires_at: number; used_at: number | null }>(
      'SELECT member_id, expires_at, used_at FROM invites WHERE team_id = $1 AND code_hash = $2 FOR UPDATE',
      [credential.teamId, credential.hash],
    );
    if (!inviteRow) throw new ApiError(400, BAD_CODE);
    if (inviteRow.used_at !== null) throw new ApiError(410, 'This invite code has already been used: ask your team admin for a new one.');
    if (inviteRow.expires_at <= now) throw new ApiError(410, `This invite code expired on ${when(inviteRow.expires_at)}: ask your team admin for a new one.`);
    const team = await getTeam(tx, credential.teamId);
    const memberRow = await getMember(tx, credential.teamId, inviteRow.member_id);
    if (!team || !memberRow) throw new ApiError(400, BAD_CODE);
    if (!memberRow.active) throw new ApiError(403, 'Your access to this team has been revoked: ask your team admin.');
    await claimClient(tx, credential.teamId, request.clientId, memberRow.id, now);
    await tx.query('UPDATE invites SET used_at = $3 WHERE team_id = $1 AND code_hash = $2', [credential.teamId, credential.hash, now]);
    await tx.query('UPDATE members SET joined_at = coalesce(joined_at, $3) WHERE team_id = $1 AND id = $2', [credential.teamId, memberRow.id, now]);
    const token = newCredential(credential.teamId, TOKEN_BYTES);
    const expiresAt = now + TOKEN_DAYS * DAY_MS;
    await tx.query('INSERT INTO tokens (team_id, token_hash, member_id, client_id, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      credential.teamId,
      token.hash,
      memberRow.id,
      request.clientId,
      expiresAt,
      now,
    ]);
    return { token: token.text, expiresAt, team, member: memberOf(memberRow) };
  });
}

/**
 * A client id belongs to the member who first used it. Another member may take it over only once
 * nobody is signed in with it any more (one browser profile shared after its owner left the team);
 * while its owner is signed in, it stays theirs, so nobody can push under their mutation ids.
 */
async function claimClient(tx: Queryable, teamId: string, clientId: string, memberId: string, now: number): Promise<void> {
  const [client] = await tx.query<{ member_id: string }>('SELECT member_id FROM clients WHERE team_id = $1 AND client_id = $2 FOR UPDATE', [teamId, clientId]);
  if (!client) {
    await tx.query('INSERT INTO clients (team_id, client_id, member_id, created_at) VALUES ($1, $2, $3, $4)', [teamId, clientId, memberId, now]);
    return;
  }
  if (client.member_id === memberId) return;
  const [signedIn] = await tx.query('SELECT 1 FROM tokens WHERE team_id = $1 AND client_id = $2 AND member_id = $3 AND revoked_at IS NULL AND expires_at > $4 LIMIT 1', [
    teamId,
    clientId,
    client.member_id,
    now,
  ]);
  if (signedIn) throw new ApiError(409, 'This browser is signed in to the team as another member. Leave the team there first, or join from another browser profile.');
  await tx.query('UPDATE clients SET member_id = $3 WHERE team_id = $1 AND client_id = $2', [teamId, clientId, memberId]);
}

export interface MemberListing extends Member {
  joined: boolean;
  signedIn: number;
}

export async function listMembers(db: Database, teamId: string, now: number): Promise<{ team: Team; members: MemberListing[] }> {
  const team = await getTeam(db, teamId);
  if (!team) throw new ApiError(404, `There is no team ${teamId} on this server.`);
  const rows = await db.query<MemberRow & { signed_in: number }>(
    `SELECT m.id, m.name, m.email, m.role, m.identities, m.active, m.joined_at,
       (SELECT count(*) FROM tokens t WHERE t.team_id = m.team_id AND t.member_id = m.id AND t.revoked_at IS NULL AND t.expires_at > $2) AS signed_in
     FROM members m WHERE m.team_id = $1 ORDER BY m.created_at, m.id`,
    [teamId, now],
  );
  return { team, members: rows.map((row) => ({ ...memberOf(row), joined: row.joined_at !== null, signedIn: row.signed_in })) };
}

/**
 * Revokes a member's sign-ins and deactivates them: their browsers get 401 from now on, their
 * records stay. `user` is a member id or an email; an email on several teams must be a member id.
 */
export async function revoke(db: Database, user: string, now: number): Promise<{ team: Team; member: Member; tokens: number }> {
  const matches = await db.query<{ member_id: string; team_id: string }>(
    'SELECT member_id, team_id FROM member_directory WHERE member_id = $1 OR lower(email) = lower($1)',
    [user.trim()],
  );
  if (matches.length === 0) throw new ApiError(404, `No member has the id or email ${user}.`);
  if (matches.length > 1) throw new ApiError(409, `${user} is a member of ${matches.length} teams: revoke by member id instead (see list <team>).`);
  const { member_id: memberId, team_id: teamId } = matches[0]!;
  return db.transaction(async (tx) => {
    const writer = await TeamWriter.lock(tx, teamId, now);
    const row = await getMember(tx, teamId, memberId);
    if (!row) throw new ApiError(404, `No member has the id or email ${user}.`);
    const revoked = await tx.query('UPDATE tokens SET revoked_at = $3 WHERE team_id = $1 AND member_id = $2 AND revoked_at IS NULL RETURNING 1', [teamId, memberId, now]);
    await tx.query('UPDATE members SET active = false WHERE team_id = $1 AND id = $2', [teamId, memberId]);
    const member = memberOf({ ...row, active: false });
    await writer.put('member', member.id, member, null);
    await writer.finish();
    return { team: (await getTeam(tx, teamId))!, member, tokens: revoked.length };
  });
}
