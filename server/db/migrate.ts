/**
 * Runs the numbered SQL files in server/migrations in order, each once, each in its own
 * transaction. An advisory lock lets several server instances start together on one database.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './connection';

export const MIGRATIONS_DIR = join(import.meta.dirname, '..', 'migrations');
const FILE_NAME = /^(\d{3})-[a-z0-9-]+\.sql$/;
/** Any constant: every instance must take the same one. */
const LOCK_ID = 7_311_204;

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  const files = readdirSync(dir).filter((name) => name.endsWith('.sql')).sort();
  return files.map((name, i) => {
    const match = FILE_NAME.exec(name);
    if (!match) throw new Error(`Migration ${name} must be named NNN-verb-noun.sql`);
    const version = Number(match[1]);
    if (version !== i + 1) throw new Error(`Migration ${name} should be number ${String(i + 1).padStart(3, '0')}: numbers run 001, 002… with no gap`);
    return { version, name, sql: readFileSync(join(dir, name), 'utf8') };
  });
}

/** Applies what the database lacks; returns the names applied now. */
export async function migrate(db: Database, now: number, migrations = readMigrations()): Promise<string[]> {
  // Under the lock too: two CREATE TABLE IF NOT EXISTS at once can still collide in PostgreSQL's catalog.
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)');
  });
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
      const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (rows.length > 0) return false;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, now]);
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}

/**
 * Statements of a migration file, split on the semicolons that end lines. Our migrations hold no
 * function bodies; one that needs `$$…$$` should get a smarter splitter then.
 */
export function splitStatements(sql: string): string[] {
  const withoutComments = sql.replace(/--[^\n]*/g, '');
  return withoutComments
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
