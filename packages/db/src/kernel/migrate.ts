/**
 * Forward-only SQL migrations: packages/db/migrations/NNNN_name.sql, applied in file-name order, each in its
 * own transaction, recorded with a checksum. An applied file that later changes stops the run: write a new
 * migration instead of editing an old one.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
const FILE_PATTERN = /^(\d{4})_[a-z0-9_]+\.sql$/;
/** Arbitrary constant: one migrating process at a time on a shared PostgreSQL server. */
const MIGRATION_LOCK_KEY = 7_302_611;

export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new Error(`Migration file name ${file} does not match NNNN_snake_case.sql`);
    const sql = await readFile(`${dir}/${file}`, 'utf8');
    migrations.push({ version: match[1]!, name: file, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  const versions = new Set<string>();
  for (const m of migrations) {
    if (versions.has(m.version)) throw new Error(`Two migrations share version ${m.version}`);
    versions.add(m.version);
  }
  return migrations;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<MigrationReport> {
  const migrations = await loadMigrations(dir);
  // Every step takes a transaction-scoped advisory lock, so two processes starting together on one
  // PostgreSQL server apply each migration exactly once.
  const lock = (tx: { query: Database['query'] }) => tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
  await db.transaction(async (tx) => {
    await lock(tx);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
      version text PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });
  const rows = await db.query<{ version: string; name: string; checksum: string }>(
    'SELECT version, name, checksum FROM schema_migration',
  );
  const done = new Map(rows.map((r) => [r.version, r]));
  const applied: string[] = [];
  for (const m of migrations) {
    const previous = done.get(m.version);
    if (previous) {
      if (previous.checksum !== m.checksum) {
        throw new Error(
          `Migration ${m.name} was changed after it was applied (was ${previous.name}). ` +
            'Migrations are forward-only: revert the edit and add a new migration.',
        );
      }
      continue;
    }
    const didApply = await db.transaction(async (tx) => {
      await lock(tx);
      const again = await tx.query('SELECT 1 FROM schema_migration WHERE version = $1', [m.version]);
      if (again.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migration (version, name, checksum) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
      return true;
    });
    if (didApply) applied.push(m.name);
  }
  return { applied, alreadyApplied: done.size };
}
