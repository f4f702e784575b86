/**
 * Server migrations: numbered SQL files run in order at start-up, each once, on an empty database
 * and on one that already holds a team's data; several instances starting together run each once.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { openPostgres } from '@/server/db/connection';
import { migrate, MIGRATIONS_DIR, readMigrations, splitStatements } from '@/server/db/migrate';
import { ENGINES, openEngine } from './support/harness';
import { T0 } from './support/records';

const tables = `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;

describe.each(ENGINES)('server migrations on %s', (engine) => {
  let opened: Awaited<ReturnType<typeof openEngine>>;
  let extra = '';
  beforeAll(async () => {
    opened = await openEngine(engine);
    extra = mkdtempSync(join(os.tmpdir(), 'qa-lens-migrations-'));
  });
  afterAll(async () => {
    await opened.db.close();
    await opened.cluster?.destroy();
    rmSync(extra, { recursive: true, force: true });
  });

  it('creates every table on an empty database, once', async () => {
    const { db } = opened;
    expect(await migrate(db, T0)).toEqual(['001-create-tables.sql']);
    expect((await db.query<{ table_name: string }>(tables)).map((r) => r.table_name)).toEqual([
      'clients',
      'invites',
      'member_directory',
      'members',
      'records',
      'schema_migrations',
      'teams',
      'tokens',
    ]);
    expect(await migrate(db, T0)).toEqual([]);
  });

  it('applies a later migration to a seeded database and keeps its data', async () => {
    const { db } = opened;
    await db.query(`INSERT INTO teams (id, name, revision, created_at) VALUES ('team-1', 'Acme support', 7, $1)`, [T0]);
    await db.query(
      `INSERT INTO records (team_id, kind, key, revision, author_id, body, audience, readers, created_at, updated_at)
       VALUES ('team-1', 'evaluation', 'ev-1', 7, 'm-1', '{"id":"ev-1"}'::jsonb, 'staff', ARRAY['m-2'], $1, $1)`,
      [T0],
    );
    for (const file of readMigrations().map((m) => m.name)) copyFileSync(join(MIGRATIONS_DIR, file), join(extra, file));
    writeFileSync(join(extra, '002-add-team-retention.sql'), '-- A later change, as the next migration will be.\nALTER TABLE teams ADD COLUMN retention_days integer NOT NULL DEFAULT 365;\n');
    expect(await migrate(db, T0, readMigrations(extra))).toEqual(['002-add-team-retention.sql']);
    expect(await db.query('SELECT id, revision, retention_days FROM teams')).toEqual([{ id: 'team-1', revision: 7, retention_days: 365 }]);
    expect(await db.query('SELECT key, body, readers FROM records')).toEqual([{ key: 'ev-1', body: { id: 'ev-1' }, readers: ['m-2'] }]);
    expect(await migrate(db, T0, readMigrations(extra))).toEqual([]);
  });

  if (engine === 'postgres') {
    it('runs each migration once when several instances start together', async () => {
      const url = await opened.cluster!.createDatabase();
      const instances = [openPostgres({ connectionString: url }), openPostgres({ connectionString: url }), openPostgres({ connectionString: url })];
      const applied = await Promise.all(instances.map((db) => migrate(db, T0)));
      expect(applied.flat()).toEqual(['001-create-tables.sql']);
      await Promise.all(instances.map((db) => db.close()));
    });
  }
});

describe('migration files', () => {
  it('must be numbered 001, 002… with no gap', () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'qa-lens-migrations-'));
    writeFileSync(join(dir, '001-create-tables.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '003-add-things.sql'), 'SELECT 1;');
    expect(() => readMigrations(dir)).toThrow(/003-add-things.sql should be number 002/);
    writeFileSync(join(dir, '002_Bad_Name.sql'), 'SELECT 1;');
    expect(() => readMigrations(dir)).toThrow(/must be named NNN-verb-noun.sql/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('split into statements at the semicolons that end lines, without comments', () => {
    expect(splitStatements("-- heading\nCREATE TABLE a (x int); -- why\nCREATE INDEX b ON a (x);\n")).toEqual(['CREATE TABLE a (x int)', 'CREATE INDEX b ON a (x)']);
  });
});
