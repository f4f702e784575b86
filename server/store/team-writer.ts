/**
 * Every write to a team's records goes through a TeamWriter, inside a transaction that holds the
 * team row's lock: each change takes the team's next revision, so revisions commit in the order
 * they were handed out and a live puller can never skip one (a global sequence could: a later
 * number may commit before an earlier one).
 *
 * The writer also stamps who may read each record (server/domain/visibility.ts) and re-stamps the
 * records whose readers follow from it, each with a new revision when its readers change, so
 * pulls pick up what someone may newly read.
 */
import { SYNC_RECORD_SCHEMAS, type SyncKind, type SyncRecordOf } from '../../lib/schemas';
import type { Queryable } from '../db/connection';
import { readersOf, recordRef, sameReaders, visibilityOf, type Audience, type MemberIdentity, type RecordRef } from '../domain/visibility';
import { ApiError } from '../http/errors';

export interface RecordRow {
  kind: string;
  key: string;
  revision: number;
  deleted: boolean;
  author_id: string | null;
  body: unknown;
  audience: Audience;
  readers: string[];
  about: string[];
  inherits: string[];
  gives: string[];
  grp: string | null;
  grp_owner: string | null;
}

export interface ClientRow {
  memberId: string;
  lastMutationId: number | null;
  refused: number[];
}

const RECORD_COLUMNS = 'kind, key, revision, deleted, author_id, body, audience, readers, about, inherits, gives, grp, grp_owner';

/** Kinds have no colon; keys may (ticket keys are `<helpdesk>:<id>`). */
function splitRef(ref: RecordRef): { kind: string; key: string } {
  const at = ref.indexOf(':');
  return { kind: ref.slice(0, at), key: ref.slice(at + 1) };
}

const isKnownKind = (kind: string): kind is SyncKind => Object.hasOwn(SYNC_RECORD_SCHEMAS, kind);

/** Bounds a re-stamping cascade; the rules have no cycles, so this only guards against a bug. */
const MAX_RESTAMPS = 100_000;

export class TeamWriter {
  private memberList: MemberIdentity[] | null = null;

  private constructor(
    private readonly tx: Queryable,
    readonly teamId: string,
    private current: number,
    private readonly startedAt: number,
    private readonly now: number,
  ) {}

  /** Locks the team row for the rest of the transaction. */
  static async lock(tx: Queryable, teamId: string, now: number): Promise<TeamWriter> {
    return (await TeamWriter.lockForClient(tx, teamId, null, now)).writer;
  }

  /** Locks the team row and reads a client's progress with it, in one round trip (pushes hold the lock). */
  static async lockForClient(tx: Queryable, teamId: string, clientId: string | null, now: number): Promise<{ writer: TeamWriter; client: ClientRow | null }> {
    const [row] = await tx.query<{ revision: number; member_id: string | null; last_mutation_id: number | null; refused: number[] | null }>(
      `SELECT t.revision, c.member_id, c.last_mutation_id, c.refused FROM teams t
       LEFT JOIN clients c ON c.team_id = t.id AND c.client_id = $2
       WHERE t.id = $1 FOR UPDATE OF t`,
      [teamId, clientId],
    );
    if (!row) throw new ApiError(404, 'This team no longer exists on the server.');
    const client = row.member_id === null ? null : { memberId: row.member_id, lastMutationId: row.last_mutation_id, refused: row.refused ?? [] };
    return { writer: new TeamWriter(tx, teamId, row.revision, row.revision, now), client };
  }

  get revision(): number {
    return this.current;
  }

  /**
   * Stores the team's revision, and a pushing client's progress in the same statement; call last,
   * inside the same transaction.
   */
  async finish(client?: { clientId: string; lastMutationId: number }): Promise<number> {
    if (client) {
      await this.tx.query(
        `WITH progress AS (
           UPDATE clients SET last_mutation_id = $4, refused = ARRAY(SELECT x FROM unnest(refused) x WHERE x > $4)
           WHERE team_id = $1 AND client_id = $3
         )
         UPDATE teams SET revision = $2 WHERE id = $1`,
        [this.teamId, this.current, client.clientId, client.lastMutationId],
      );
    } else if (this.current !== this.startedAt) {
      await this.tx.query('UPDATE teams SET revision = $2 WHERE id = $1', [this.teamId, this.current]);
    }
    return this.current;
  }

  /** The members' identities, read once per transaction ("about" is decided at write time). */
  async members(): Promise<MemberIdentity[]> {
    this.memberList ??= await this.tx.query<MemberIdentity>('SELECT id, name, identities FROM members WHERE team_id = $1', [this.teamId]);
    return this.memberList;
  }

  /** Members changed in this transaction: read them again before the next stamp. */
  forgetMembers(): void {
    this.memberList = null;
  }

  async get(kind: string, key: string): Promise<RecordRow | null> {
    const [row] = await this.tx.query<RecordRow>(`SELECT ${RECORD_COLUMNS} FROM records WHERE team_id = $1 AND kind = $2 AND key = $3`, [this.teamId, kind, key]);
    return row ?? null;
  }

  /** Stores a record (a new one, or a new state of one), stamped with who may read it. */
  async put<K extends SyncKind>(kind: K, key: string, body: SyncRecordOf<K>, authorId: string | null, existing?: RecordRow | null): Promise<void> {
    const before = existing === undefined ? await this.get(kind, key) : existing;
    const facts = visibilityOf(kind, body, await this.members());
    const ref = recordRef(kind, key);
    const author = before?.author_id ?? authorId;
    const group = facts.group;
    const readers = await this.readers({ ref, authorId: author, about: facts.about, inherits: facts.inheritsFrom, grp: group?.id ?? null, grpOwner: group?.owner ?? null });
    await this.tx.query(
      `INSERT INTO records (team_id, kind, key, revision, deleted, author_id, body, audience, readers, about, inherits, gives, grp, grp_owner, created_at, updated_at)
       VALUES ($1, $2, $3, $4, false, $5, $6::jsonb, $7, $8, $9, $10, $11, $12, $13, $14, $14)
       ON CONFLICT (team_id, kind, key) DO UPDATE SET revision = EXCLUDED.revision, deleted = false, body = EXCLUDED.body,
         audience = EXCLUDED.audience, readers = EXCLUDED.readers, about = EXCLUDED.about, inherits = EXCLUDED.inherits,
         gives = EXCLUDED.gives, grp = EXCLUDED.grp, grp_owner = EXCLUDED.grp_owner, updated_at = EXCLUDED.updated_at`,
      [this.teamId, kind, key, this.next(), author, JSON.stringify(body), facts.audience, readers, facts.about, facts.inheritsFrom, facts.givesTo, group?.id ?? null, group?.owner ?? null, this.now],
    );
    const followers: RecordRef[] = [...facts.givesTo, ...(before?.gives ?? [])];
    if (!before || before.deleted || !sameReaders(before.readers, readers)) followers.push(...(await this.dependents(ref)));
    // A new author in a calibration group: every score of that ticket in the session may now reach them.
    if (group) followers.push(...(await this.groupMembers(group.id, ref)));
    if (before?.grp && before.grp !== group?.id) followers.push(...(await this.groupMembers(before.grp, ref)));
    await this.restamp(followers);
  }

  /** A delete is a tombstone: the body goes, the revision moves on, and its readers hear of it. */
  async remove(kind: string, key: string, existing?: RecordRow | null): Promise<boolean> {
    const before = existing === undefined ? await this.get(kind, key) : existing;
    if (!before || before.deleted) return false;
    await this.tx.query('UPDATE records SET deleted = true, body = NULL, revision = $4, updated_at = $5 WHERE team_id = $1 AND kind = $2 AND key = $3', [
      this.teamId,
      kind,
      key,
      this.next(),
      this.now,
    ]);
    const ref = recordRef(kind, key);
    await this.restamp([...before.gives, ...(before.grp ? await this.groupMembers(before.grp, ref) : [])]);
    return true;
  }

  /**
   * Recomputes who may read the given records and what follows from them; each whose readers
   * changed gets a new revision.
   */
  async restamp(refs: readonly RecordRef[]): Promise<void> {
    const queue = [...refs];
    const seen = new Set<RecordRef>();
    let steps = 0;
    while (queue.length > 0) {
      const ref = queue.shift()!;
      if (seen.has(ref)) continue;
      seen.add(ref);
      if (++steps > MAX_RESTAMPS) throw new Error(`Re-stamping from ${refs.join(', ')} did not settle`);
      const { kind, key } = splitRef(ref);
      const row = await this.get(kind, key);
      if (!row) continue;
      const readers = await this.readers({ ref, authorId: row.author_id, about: row.about, inherits: row.inherits, grp: row.grp, grpOwner: row.grp_owner });
      if (sameReaders(row.readers, readers)) continue;
      await this.tx.query('UPDATE records SET readers = $4, revision = $5 WHERE team_id = $1 AND kind = $2 AND key = $3', [this.teamId, kind, key, readers, this.next()]);
      queue.push(...row.gives, ...(await this.dependents(ref)));
    }
  }

  /**
   * After members' identities change: decides again whom each record is about, and re-stamps the
   * records whose "about" changed (and what follows from them).
   */
  async refreshAbout(): Promise<void> {
    this.forgetMembers();
    const members = await this.members();
    const rows = await this.tx.query<{ kind: string; key: string; body: unknown; about: string[] }>(
      'SELECT kind, key, body, about FROM records WHERE team_id = $1 AND NOT deleted',
      [this.teamId],
    );
    const changed: RecordRef[] = [];
    for (const row of rows) {
      if (!isKnownKind(row.kind)) continue;
      const about = visibilityOf(row.kind, row.body as never, members).about;
      if (sameReaders([...row.about].sort(), [...about].sort())) continue;
      await this.tx.query('UPDATE records SET about = $4 WHERE team_id = $1 AND kind = $2 AND key = $3', [this.teamId, row.kind, row.key, about]);
      changed.push(recordRef(row.kind, row.key));
    }
    await this.restamp(changed);
  }

  private next(): number {
    this.current += 1;
    return this.current;
  }

  /** Records whose readers follow from this one's: those inheriting from it, and a group it owns. */
  private async dependents(ref: RecordRef): Promise<RecordRef[]> {
    const rows = await this.tx.query<{ kind: string; key: string }>(
      'SELECT kind, key FROM records WHERE team_id = $1 AND (inherits @> ARRAY[$2]::text[] OR grp_owner = $2)',
      [this.teamId, ref],
    );
    return rows.map((r) => recordRef(r.kind, r.key));
  }

  private async groupMembers(grp: string, except: RecordRef): Promise<RecordRef[]> {
    const rows = await this.tx.query<{ kind: string; key: string }>('SELECT kind, key FROM records WHERE team_id = $1 AND grp = $2', [this.teamId, grp]);
    return rows.map((r) => recordRef(r.kind, r.key)).filter((r) => r !== except);
  }

  /** Gathers, in one statement, everything a record's readers are made of. */
  private async readers(input: { ref: RecordRef; authorId: string | null; about: readonly string[]; inherits: readonly RecordRef[]; grp: string | null; grpOwner: RecordRef | null }): Promise<string[]> {
    const inherited = input.inherits.map(splitRef);
    const owner = input.grpOwner ? splitRef(input.grpOwner) : { kind: null, key: null };
    const [sources] = await this.tx.query<{ inherited: string[] | null; given: string[] | null; group_authors: string[] | null; owner: string | null }>(
      `SELECT
         (SELECT array_agg(DISTINCT r) FROM records x CROSS JOIN LATERAL unnest(x.readers) r
           WHERE x.team_id = $1 AND (x.kind, x.key) IN (SELECT * FROM unnest($2::text[], $3::text[]))) AS inherited,
         (SELECT array_agg(DISTINCT r) FROM records x CROSS JOIN LATERAL unnest(x.readers) r
           WHERE x.team_id = $1 AND x.gives @> ARRAY[$4]::text[] AND NOT x.deleted) AS given,
         (SELECT array_agg(DISTINCT x.author_id) FROM records x
           WHERE x.team_id = $1 AND x.grp = $5 AND NOT x.deleted AND x.author_id IS NOT NULL) AS group_authors,
         (SELECT x.author_id FROM records x WHERE x.team_id = $1 AND x.kind = $6 AND x.key = $7 AND NOT x.deleted) AS owner`,
      [this.teamId, inherited.map((r) => r.kind), inherited.map((r) => r.key), input.ref, input.grp, owner.kind, owner.key],
    );
    return readersOf({
      authorId: input.authorId,
      about: input.about,
      inherited: [sources?.inherited ?? []],
      given: [sources?.given ?? []],
      groupAuthors: sources?.group_authors ?? [],
      groupOwnerAuthor: sources?.owner ?? null,
    });
  }
}
