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

interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * Several writes as one statement: each but the last becomes a data-modifying CTE, so they go to
 * the database in one round trip (PostgreSQL runs every such CTE, whether or not it is read).
 */
function combine(statements: readonly Statement[]): Statement {
  let offset = 0;
  const parts = statements.map(({ sql, params }) => {
    const renumbered = sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
    offset += params.length;
    return renumbered;
  });
  const last = parts.pop()!;
  return { sql: parts.length ? `WITH ${parts.map((part, i) => `w${i} AS (${part})`).join(', ')} ${last}` : last, params: statements.flatMap((s) => s.params) };
}

/** What gather() asks the database for one record; see ReaderSources in domain/visibility.ts. */
interface SourceRows {
  inherited: string[] | null;
  given: string[] | null;
  group_authors: string[] | null;
  owner: string | null;
  dependents: string[] | null;
  follow: RecordRow[];
}

/** The shape of a record that its reader sources depend on. */
type SourceInput = Pick<RecordRow, 'inherits' | 'grp' | 'grp_owner'>;

/**
 * Select-list columns gathering a record's reader sources, with the team at $1 and the eight
 * parameters of sourceParams() from $first on.
 */
function sourceColumns(first: number): string {
  const $ = (n: number) => `$${first + n}`;
  return `(SELECT array_agg(DISTINCT r) FROM records x CROSS JOIN LATERAL unnest(x.readers) r
       WHERE x.team_id = $1 AND (x.kind, x.key) IN (SELECT * FROM unnest(${$(1)}::text[], ${$(2)}::text[]))) AS inherited,
     (SELECT array_agg(DISTINCT r) FROM records x CROSS JOIN LATERAL unnest(x.readers) r
       WHERE x.team_id = $1 AND x.gives @> ARRAY[${$(0)}]::text[] AND NOT x.deleted) AS given,
     (SELECT array_agg(DISTINCT x.author_id) FROM records x
       WHERE x.team_id = $1 AND x.grp = ${$(3)} AND NOT x.deleted AND x.author_id IS NOT NULL) AS group_authors,
     (SELECT x.author_id FROM records x WHERE x.team_id = $1 AND x.kind = ${$(4)} AND x.key = ${$(5)} AND NOT x.deleted) AS owner,
     (SELECT array_agg(x.kind || ':' || x.key) FROM records x
       WHERE x.team_id = $1 AND (x.inherits @> ARRAY[${$(0)}]::text[] OR x.grp_owner = ${$(0)})) AS dependents,
     (SELECT coalesce(json_agg(r), '[]'::json) FROM (${recordsNamed($(6), $(7))}) r) AS follow`;
}

function sourceParams(ref: RecordRef, input: SourceInput, follow: readonly RecordRef[]): unknown[] {
  const [inheritKinds, inheritKeys] = refColumns(input.inherits);
  const owner = input.grp_owner ? splitRef(input.grp_owner) : { kind: null, key: null };
  const [followKinds, followKeys] = refColumns(follow);
  return [ref, inheritKinds, inheritKeys, input.grp, owner.kind, owner.key, followKinds, followKeys];
}

const sameSources = (a: SourceInput, b: SourceInput) => a.grp === b.grp && a.grp_owner === b.grp_owner && sameReaders(a.inherits, b.inherits);

/** A record a push is about to write, whose reader sources prefetch() can gather in the same trip. */
export interface Speculation extends SourceInput {
  ref: RecordRef;
  follow: RecordRef[];
}

const unique = <T>(items: readonly T[]) => [...new Set(items)];
const refColumns = (refs: readonly RecordRef[]) => {
  const split = refs.map(splitRef);
  return [split.map((r) => r.kind), split.map((r) => r.key)];
};

const RECORD_COLUMNS = 'kind, key, revision, deleted, author_id, body, audience, readers, about, inherits, gives, grp, grp_owner';
/** The team's ($1) records named by two parallel array parameters of kinds and keys. */
const recordsNamed = (kinds: string, keys: string) =>
  `SELECT ${RECORD_COLUMNS} FROM records WHERE team_id = $1 AND (kind, key) IN (SELECT * FROM unnest(${kinds}::text[], ${keys}::text[]))`;

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
  /** Records read (or written) in this transaction, by `kind:key`; null = not stored. */
  private readonly rows = new Map<RecordRef, RecordRow | null>();
  /**
   * Writes not sent yet: each goes out with the next statement that reads records, or with
   * finish(), so a push whose last write is followed by nothing saves a round trip under the lock.
   */
  private pending: (Statement & { ref: RecordRef })[] = [];
  /** Sources gathered ahead by prefetch(), good until the next write. */
  private speculated: { input: Speculation; sources: SourceRows } | null = null;

  private constructor(
    private readonly tx: Queryable,
    readonly teamId: string,
    private current: number,
    private readonly startedAt: number,
    private readonly now: number,
  ) {}

  /**
   * Locks the team row for the rest of the transaction. Read nothing of the team before this: in
   * READ COMMITTED a statement sees what was committed when it began, so reads taken while waiting
   * for the lock could be older than the push that held it.
   */
  static async lock(tx: Queryable, teamId: string, now: number): Promise<TeamWriter> {
    const [team] = await tx.query<{ revision: number }>('SELECT revision FROM teams WHERE id = $1 FOR UPDATE', [teamId]);
    if (!team) throw new ApiError(404, `There is no team ${teamId} on this server.`);
    return new TeamWriter(tx, teamId, team.revision, team.revision, now);
  }

  get revision(): number {
    return this.current;
  }

  /**
   * Reads, in one round trip, what pushes need: the pushing clients' progress, the members, and
   * the stored records they name. Every round trip here is time the team's lock is held.
   */
  async prefetch(refs: readonly RecordRef[], clientIds: readonly string[], speculation: Speculation | null = null): Promise<Map<string, ClientRow>> {
    const wanted = unique([...refs, ...(speculation?.follow ?? [])]).filter((ref) => !this.rows.has(ref));
    const [kinds, keys] = refColumns(wanted);
    await this.flush();
    type Stored = { client_id: string; member_id: string; last_mutation_id: number | null; refused: number[] };
    const [row] = await this.tx.query<{ clients: Stored[]; members: MemberIdentity[]; rows: RecordRow[] } & Partial<SourceRows>>(
      `SELECT
         (SELECT coalesce(json_agg(json_build_object('client_id', client_id, 'member_id', member_id, 'last_mutation_id', last_mutation_id, 'refused', refused)), '[]'::json)
            FROM clients WHERE team_id = $1 AND client_id = ANY($2::text[])) AS clients,
         (SELECT coalesce(json_agg(json_build_object('id', id, 'name', name, 'identities', identities)), '[]'::json)
            FROM members WHERE team_id = $1) AS members,
         (SELECT coalesce(json_agg(r), '[]'::json) FROM (${recordsNamed('$3', '$4')}) r) AS rows
         ${speculation ? `, ${sourceColumns(5)}` : ''}`,
      [this.teamId, clientIds, kinds, keys, ...(speculation ? sourceParams(speculation.ref, speculation, []) : [])],
    );
    this.memberList = row!.members;
    this.remember(wanted, row!.rows);
    if (speculation) this.speculated = { input: speculation, sources: { ...(row as SourceRows), follow: [] } };
    return new Map(row!.clients.map((c) => [c.client_id, { memberId: c.member_id, lastMutationId: c.last_mutation_id, refused: c.refused ?? [] }]));
  }

  /**
   * Stores the team's revision, and the pushing clients' progress, in the same statement as the
   * writes not sent yet; call last, inside the same transaction.
   */
  async finish(clients: readonly { clientId: string; lastMutationId: number }[] = []): Promise<number> {
    const last: Statement[] = clients.map((client) => ({
      sql: 'UPDATE clients SET last_mutation_id = $3, refused = ARRAY(SELECT x FROM unnest(refused) x WHERE x > $3) WHERE team_id = $1 AND client_id = $2',
      params: [this.teamId, client.clientId, client.lastMutationId],
    }));
    if (clients.length > 0 || this.current !== this.startedAt) last.push({ sql: 'UPDATE teams SET revision = $2 WHERE id = $1', params: [this.teamId, this.current] });
    const statements = [...this.pending.splice(0), ...last];
    if (statements.length > 0) {
      const { sql, params } = combine(statements);
      await this.tx.query(sql, params);
    }
    return this.current;
  }

  /** Sends the writes not sent yet, before a statement that reads records. */
  private async flush(): Promise<void> {
    const writes = this.pending.splice(0);
    if (writes.length === 0) return;
    const { sql, params } = combine(writes);
    await this.tx.query(sql, params);
  }

  /** Queues a write of one record; a second write of the same record sends the first. */
  private async write(ref: RecordRef, sql: string, params: unknown[]): Promise<void> {
    this.speculated = null;
    if (this.pending.some((w) => w.ref === ref)) await this.flush();
    this.pending.push({ ref, sql, params });
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
    const ref = recordRef(kind, key);
    if (!this.rows.has(ref)) {
      await this.flush();
      const [row] = await this.tx.query<RecordRow>(`SELECT ${RECORD_COLUMNS} FROM records WHERE team_id = $1 AND kind = $2 AND key = $3`, [this.teamId, kind, key]);
      this.rows.set(ref, row ?? null);
    }
    return this.rows.get(ref)!;
  }

  /** Stores a record (a new one, or a new state of one), stamped with who may read it. */
  async put<K extends SyncKind>(kind: K, key: string, body: SyncRecordOf<K>, authorId: string | null): Promise<void> {
    const before = await this.get(kind, key);
    const facts = visibilityOf(kind, body, await this.members());
    const ref = recordRef(kind, key);
    const group = facts.group;
    const stamped: Omit<RecordRow, 'readers' | 'revision'> = {
      kind,
      key,
      deleted: false,
      author_id: before?.author_id ?? authorId,
      body,
      audience: facts.audience,
      about: facts.about,
      inherits: facts.inheritsFrom,
      gives: facts.givesTo,
      grp: group?.id ?? null,
      grp_owner: group?.owner ?? null,
    };
    const follow = unique([...facts.givesTo, ...(before?.gives ?? [])]);
    const { readers, dependents } = await this.gather(ref, stamped, follow);
    const revision = this.next();
    await this.write(
      ref,
      `INSERT INTO records (team_id, kind, key, revision, deleted, author_id, body, audience, readers, about, inherits, gives, grp, grp_owner, created_at, updated_at)
       VALUES ($1, $2, $3, $4, false, $5, $6::jsonb, $7, $8, $9, $10, $11, $12, $13, $14, $14)
       ON CONFLICT (team_id, kind, key) DO UPDATE SET revision = EXCLUDED.revision, deleted = false, body = EXCLUDED.body,
         audience = EXCLUDED.audience, readers = EXCLUDED.readers, about = EXCLUDED.about, inherits = EXCLUDED.inherits,
         gives = EXCLUDED.gives, grp = EXCLUDED.grp, grp_owner = EXCLUDED.grp_owner, updated_at = EXCLUDED.updated_at`,
      [this.teamId, kind, key, revision, stamped.author_id, JSON.stringify(body), facts.audience, readers, facts.about, facts.inheritsFrom, facts.givesTo, stamped.grp, stamped.grp_owner, this.now],
    );
    this.rows.set(ref, { ...stamped, readers, revision });
    const followers: RecordRef[] = [...follow];
    if (!before || before.deleted || !sameReaders(before.readers, readers)) followers.push(...dependents);
    // A new author in a calibration group: every score of that ticket in the session may now reach them.
    if (group) followers.push(...(await this.groupMembers(group.id, ref)));
    if (before?.grp && before.grp !== group?.id) followers.push(...(await this.groupMembers(before.grp, ref)));
    await this.restamp(followers);
  }

  /** A delete is a tombstone: the body goes, the revision moves on, and its readers hear of it. */
  async remove(kind: string, key: string): Promise<boolean> {
    const before = await this.get(kind, key);
    if (!before || before.deleted) return false;
    const revision = this.next();
    const ref = recordRef(kind, key);
    await this.write(ref, 'UPDATE records SET deleted = true, body = NULL, revision = $4, updated_at = $5 WHERE team_id = $1 AND kind = $2 AND key = $3', [
      this.teamId,
      kind,
      key,
      revision,
      this.now,
    ]);
    this.rows.set(ref, { ...before, deleted: true, body: null, revision });
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
      const { readers, dependents } = await this.gather(ref, row, row.gives);
      if (sameReaders(row.readers, readers)) continue;
      const revision = this.next();
      await this.write(ref, 'UPDATE records SET readers = $4, revision = $5 WHERE team_id = $1 AND kind = $2 AND key = $3', [this.teamId, kind, key, readers, revision]);
      this.rows.set(ref, { ...row, readers, revision });
      queue.push(...row.gives, ...dependents);
    }
  }

  /**
   * After members' identities change: decides again whom each record is about, and re-stamps the
   * records whose "about" changed (and what follows from them).
   */
  async refreshAbout(): Promise<void> {
    this.forgetMembers();
    const members = await this.members();
    await this.flush();
    const rows = await this.tx.query<{ kind: string; key: string; body: unknown; about: string[] }>(
      'SELECT kind, key, body, about FROM records WHERE team_id = $1 AND NOT deleted',
      [this.teamId],
    );
    const changed: RecordRef[] = [];
    for (const row of rows) {
      if (!isKnownKind(row.kind)) continue;
      const about = visibilityOf(row.kind, row.body as never, members).about;
      if (sameReaders([...row.about].sort(), [...about].sort())) continue;
      const ref = recordRef(row.kind, row.key);
      await this.write(ref, 'UPDATE records SET about = $4 WHERE team_id = $1 AND kind = $2 AND key = $3', [this.teamId, row.kind, row.key, about]);
      this.rows.delete(ref);
      changed.push(ref);
    }
    await this.restamp(changed);
  }

  private next(): number {
    this.current += 1;
    return this.current;
  }

  private remember(refs: readonly RecordRef[], rows: readonly RecordRow[]): void {
    for (const ref of refs) this.rows.set(ref, null);
    for (const row of rows) this.rows.set(recordRef(row.kind, row.key), row);
  }

  private async groupMembers(grp: string, except: RecordRef): Promise<RecordRef[]> {
    await this.flush();
    const rows = await this.tx.query<{ kind: string; key: string }>('SELECT kind, key FROM records WHERE team_id = $1 AND grp = $2', [this.teamId, grp]);
    return rows.map((r) => recordRef(r.kind, r.key)).filter((r) => r !== except);
  }

  /**
   * In one statement: everything a record's readers are made of, the records whose readers follow
   * from it (those inheriting from it, and a group it owns), and the stored state of `follow`.
   */
  private async gather(ref: RecordRef, row: Pick<RecordRow, 'author_id' | 'about'> & SourceInput, follow: readonly RecordRef[]): Promise<{ readers: string[]; dependents: RecordRef[] }> {
    const wanted = unique(follow).filter((r) => !this.rows.has(r));
    let sources: SourceRows;
    const ahead = this.speculated;
    if (ahead && ahead.input.ref === ref && sameSources(ahead.input, row) && wanted.length === 0) {
      sources = ahead.sources;
    } else {
      await this.flush();
      const [gathered] = await this.tx.query<SourceRows>(`SELECT ${sourceColumns(2)}`, [this.teamId, ...sourceParams(ref, row, wanted)]);
      sources = gathered!;
      this.remember(wanted, sources.follow);
    }
    const readers = readersOf({
      authorId: row.author_id,
      about: row.about,
      inherited: [sources.inherited ?? []],
      given: [sources.given ?? []],
      groupAuthors: sources.group_authors ?? [],
      groupOwnerAuthor: sources.owner ?? null,
    });
    return { readers, dependents: sources.dependents ?? [] };
  }
}
