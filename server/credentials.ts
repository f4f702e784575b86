/**
 * Invite codes and bearer tokens: `<team id>.<secret>`. The secret is random (tokens 32 bytes,
 * base64url) and only its SHA-256 is stored. The team id in front lets the server find the
 * credential with `team_id = $1` like every other query, so no look-up crosses teams.
 */
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_BYTES = 32;
export const INVITE_BYTES = 18;
export const TOKEN_DAYS = 90;
export const INVITE_DAYS = 7;
export const DAY_MS = 24 * 60 * 60 * 1000;

const SECRET = /^[A-Za-z0-9_-]{16,100}$/;
const TEAM_ID = /^[0-9a-f-]{36}$/;

export interface Credential {
  teamId: string;
  hash: string;
}

export function newCredential(teamId: string, bytes: number): { text: string; hash: string } {
  const secret = randomBytes(bytes).toString('base64url');
  return { text: `${teamId}.${secret}`, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The team and hash of a token or invite code as pasted, or null when it cannot be one. */
export function readCredential(text: string): Credential | null {
  const trimmed = text.trim();
  const dot = trimmed.lastIndexOf('.');
  if (dot < 0) return null;
  const teamId = trimmed.slice(0, dot);
  const secret = trimmed.slice(dot + 1);
  if (!TEAM_ID.test(teamId) || !SECRET.test(secret)) return null;
  return { teamId, hash: hashSecret(secret) };
}
