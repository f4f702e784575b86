/**
 * `GET /v1/pull`: the changes after a cursor that the caller may read, in revision order, one page.
 * One statement reads the page and the team's revision from the same snapshot, so when nothing is
 * left the cursor can jump to the team's revision past changes the caller may not read. Only kinds
 * this protocol version knows are sent: a browser would refuse the whole page over another.
 */
import { SYNC_KINDS, SYNC_LIMITS, type Change, type PullResponse, type Role } from '../../lib/schemas';
import type { Database } from '../db/connection';
import type { Audience } from '../domain/visibility';
import { ApiError } from '../http/errors';
import type { Caller } from './auth';

const AUDIENCES: Record<Role, Audience[]> = {
  admin: ['team', 'staff', 'restricted'],
  supervisor: ['team', 'staff'],
  agent: ['team'],
};

export async function pull(db: Database, caller: Caller, since: number, limit: number = SYNC_LIMITS.changesPerPull): Promise<PullResponse> {
  const rows = await db.query<{ team_revision: number; revision: number | null; kind: Change['kind']; key: string; deleted: boolean; body: unknown }>(
    `SELECT t.revision AS team_revision, r.revision, r.kind, r.key, r.deleted, r.body
     FROM teams t
     LEFT JOIN LATERAL (
       SELECT x.revision, x.kind, x.key, x.deleted, x.body FROM records x
       WHERE x.team_id = t.id AND x.revision > $2 AND (x.audience = ANY($3::text[]) OR $4 = ANY(x.readers)) AND x.kind = ANY($6::text[])
       ORDER BY x.revision
       LIMIT $5
     ) r ON true
     WHERE t.id = $1
     ORDER BY r.revision`,
    [caller.team.id, since, AUDIENCES[caller.member.role], caller.member.id, limit + 1, SYNC_KINDS],
  );
  const teamRevision = rows[0]?.team_revision ?? 0;
  if (since > teamRevision) {
    throw new ApiError(409, 'This browser has changes from a later state of the team server than the server now has (was it restored from a backup?): leave the team and join again.');
  }
  const found = rows.filter((row) => row.revision !== null);
  const more = found.length > limit;
  const page = found.slice(0, limit);
  const changes: Change[] = page.map((row) => ({
    revision: row.revision!,
    kind: row.kind,
    key: row.key,
    op: row.deleted ? 'delete' : 'put',
    record: row.deleted ? null : row.body,
  }));
  return { changes, cursor: more ? page[page.length - 1]!.revision! : teamRevision, more };
}
