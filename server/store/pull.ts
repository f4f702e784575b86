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

export async function pull(
  db: Database,
  caller: Caller,
  since: number,
  limit: number = SYNC_LIMITS.changesPerPull,
  budget: number = SYNC_LIMITS.pullPageBytes,
): Promise<PullResponse> {
  // The page is cut in the statement, so records past the budget never leave the database: `fits`
  // says whether the records up to and including a row add up to the budget (the first row always
  // fits). One row past the page comes back without its body, to say there is more. A record is
  // measured as its JSON text in the database, which writes a space after each `:` and `,` and so is
  // never shorter than the JSON this page is sent as.
  const rows = await db.query<{ team_revision: number; revision: number | null; kind: Change['kind']; key: string; deleted: boolean; fits: boolean; body: unknown }>(
    `SELECT t.revision AS team_revision, r.revision, r.kind, r.key, r.deleted, r.fits, CASE WHEN r.fits AND r.n <= $7 THEN r.body END AS body
     FROM teams t
     LEFT JOIN LATERAL (
       SELECT y.revision, y.kind, y.key, y.deleted, y.body, y.n, (y.n = 1 OR y.running <= $8) AS fits
       FROM (
         SELECT x.revision, x.kind, x.key, x.deleted, x.body,
           row_number() OVER w AS n,
           sum(CASE WHEN x.deleted THEN 0 ELSE octet_length(x.body::text) END) OVER w AS running,
           CASE WHEN x.deleted THEN 0 ELSE octet_length(x.body::text) END AS size
         FROM records x
         WHERE x.team_id = t.id AND x.revision > $2 AND (x.audience = ANY($3::text[]) OR $4 = ANY(x.readers)) AND x.kind = ANY($6::text[])
         WINDOW w AS (ORDER BY x.revision ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
         ORDER BY x.revision
         LIMIT $5
       ) y
       -- The page, and the first row after it: the row before it fits (the first row always does).
       WHERE y.n <= 2 OR y.running - y.size <= $8
     ) r ON true
     WHERE t.id = $1
     ORDER BY r.revision`,
    [caller.team.id, since, AUDIENCES[caller.member.role], caller.member.id, limit + 1, SYNC_KINDS, limit, budget],
  );
  const teamRevision = rows[0]?.team_revision ?? 0;
  if (since > teamRevision) {
    throw new ApiError(409, 'This browser has changes from a later state of the team server than the server now has (was it restored from a backup?): leave the team and join again.');
  }
  const found = rows.filter((row) => row.revision !== null);
  const page = found.filter((row) => row.fits).slice(0, limit);
  const more = found.length > page.length;
  const changes: Change[] = page.map((row) => ({
    revision: row.revision!,
    kind: row.kind,
    key: row.key,
    op: row.deleted ? 'delete' : 'put',
    record: row.deleted ? null : row.body,
  }));
  return { changes, cursor: more ? page[page.length - 1]!.revision! : teamRevision, more };
}
