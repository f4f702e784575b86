/**
 * The one module that owns the database connection: PGlite (embedded, a folder on disk) by default,
 * PostgreSQL through `pg` when a connection string is given. Everything else sees `Database`:
 * parameterised queries and transactions, with the same row shapes from both engines.
 */
import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface Queryable {
  /** Rows of one parameterised statement (`$1`, `$2`…). Bind jsonb as `JSON.stringify(x)` with `$n::jsonb`. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `body` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(body: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Several statements without parameters, as one script (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

const INT8 = 20;
const INT8_ARRAY = 1016;

/**
 * int8 arrives as a number from PGlite and as a string from `pg`: both are pinned to this parser.
 * Revisions and mutation ids stay far below 2^53; a larger value is a bug, not data to round.
 */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`int8 value ${text} is beyond JavaScript's safe integers`);
  return value;
}

/** `{1,2,3}` → [1, 2, 3]: the only int8 arrays we store are lists of ids, never with nulls. */
function parseInt8Array(text: string): number[] {
  const inner = text.slice(1, -1).trim();
  return inner === '' ? [] : inner.split(',').map(parseInt8);
}

export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const db = await PGlite.create(dataDir, { parsers: { [INT8]: parseInt8, [INT8_ARRAY]: parseInt8Array } });
  const run = async <T>(q: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]) =>
    (await q.query<T>(sql, params as unknown[] | undefined)).rows;
  return {
    engine: 'pglite',
    query: (sql, params) => run(db, sql, params),
    // PGlite is one connection: its transaction() holds a mutex, so transactions run one at a time.
    transaction: (body) => db.transaction((tx) => body({ query: (sql, params) => run(tx, sql, params) })),
    exec: async (sql) => void (await db.exec(sql)),
    close: () => db.close(),
  };
}

export interface PostgresOptions {
  connectionString: string;
  /** Connections in the pool; pushes of one team wait on its row lock, so a few suffice. */
  max?: number;
}

/**
 * Statements with parameters are prepared once per connection under a name derived from their
 * text: a push runs the same few statements under the team's lock, and planning them each time
 * is lock time.
 */
const prepared = (sql: string, params: readonly unknown[] | undefined) =>
  params && params.length > 0 ? { name: `q${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`, text: sql, values: params as unknown[] } : { text: sql };

export function openPostgres({ connectionString, max = 10 }: PostgresOptions): Database {
  const pool = new pg.Pool({
    connectionString,
    max,
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8 ? parseInt8 : oid === INT8_ARRAY ? parseInt8Array : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  // An idle connection dropped by a restarting database emits 'error' on the pool; without a
  // listener Node would crash the server. The next query opens a fresh connection instead.
  pool.on('error', () => {});
  return {
    engine: 'postgres',
    query: async (sql, params) => (await pool.query(prepared(sql, params))).rows,
    transaction: async (body) => {
      const client = await pool.connect();
      let broken = false;
      // A checked-out connection that the database drops emits 'error' on the client, which the
      // pool does not listen to then: unheard, it would crash the server. The query in flight fails anyway.
      const dropped = () => (broken = true);
      client.on('error', dropped);
      try {
        await client.query('BEGIN');
        const result = await body({ query: async (sql, params) => (await client.query(prepared(sql, params))).rows });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => (broken = true));
        throw error;
      } finally {
        client.off('error', dropped);
        // A connection whose rollback failed is dead (the database went away): do not reuse it.
        client.release(broken);
      }
    },
    exec: async (sql) => void (await pool.query(sql)),
    close: () => pool.end(),
  };
}

/** `DATABASE_URL` set: PostgreSQL. Otherwise PGlite in `dataDir`. */
export function openDatabase(options: { databaseUrl?: string | undefined; dataDir: string }): Promise<Database> {
  return options.databaseUrl ? Promise.resolve(openPostgres({ connectionString: options.databaseUrl })) : openPglite(options.dataDir);
}
