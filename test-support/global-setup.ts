/**
 * Runs once per `vitest run`: prepares a migrated PGlite dump and, when PostgreSQL answers, a migrated template
 * database. Both are keyed by the migrations' checksums, so an unchanged schema is reused across runs.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadMigrations, migrate, openDatabase } from '@motcua/db';
import { postgresAdminUrl, postgresUrlFor } from './databases';

export default async function setup(project: TestProject) {
  const migrations = await loadMigrations();
  const key = createHash('sha256')
    .update(migrations.map((m) => m.checksum).join(','))
    .digest('hex')
    .slice(0, 12);

  const dir = path.join(tmpdir(), 'motcua-test');
  mkdirSync(dir, { recursive: true });
  const dumpPath = path.join(dir, `pglite-${key}.tar.gz`);
  if (!existsSync(dumpPath)) {
    const db = await openDatabase({ kind: 'pglite' });
    await migrate(db);
    const dump = await (db as unknown as { pglite: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).pglite.dumpDataDir('gzip');
    writeFileSync(`${dumpPath}.tmp`, Buffer.from(await dump.arrayBuffer()));
    renameSync(`${dumpPath}.tmp`, dumpPath);
    await db.close();
  }
  project.provide('pgliteDumpPath', dumpPath);
  project.provide('postgresTemplate', await preparePostgresTemplate(key));
}

async function preparePostgresTemplate(key: string): Promise<string> {
  const required = process.env.MOTCUA_TEST_POSTGRES === 'required';
  if (process.env.MOTCUA_TEST_POSTGRES === 'off') return '';
  let admin;
  try {
    admin = await openDatabase({ kind: 'postgres', url: postgresAdminUrl, poolSize: 1 });
    await admin.query('SELECT 1');
  } catch (error) {
    await admin?.close().catch(() => undefined);
    if (required) throw new Error(`PostgreSQL is required for this run but unreachable at ${postgresAdminUrl}: ${error}`);
    process.stderr.write(
      `\n[motcua] PostgreSQL not reachable at ${postgresAdminUrl}: database tests run on PGlite only this time.\n`,
    );
    return '';
  }
  const template = `motcua_template_${key}`;
  try {
    await admin.query('SELECT pg_advisory_lock(7302612)');
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.length === 0) {
      const building = `${template}_build`;
      await admin.exec(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.exec(`CREATE DATABASE ${building}`);
      const db = await openDatabase({ kind: 'postgres', url: postgresUrlFor(building), poolSize: 1 });
      try {
        await migrate(db);
      } finally {
        await db.close();
      }
      await admin.exec(`ALTER DATABASE ${building} RENAME TO ${template}`);
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock(7302612)').catch(() => undefined);
    await admin.close();
  }
  return template;
}
