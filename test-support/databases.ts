/**
 * Real databases for tests: a fresh, migrated database per test file (or per test), on PGlite always and on
 * PostgreSQL when it is reachable. No mocks of our own database.
 *
 * - PGlite: the global setup migrates one instance and dumps it; each test database loads that dump (≈1 s
 *   instead of ≈4 s for initdb).
 * - PostgreSQL: the global setup migrates a template database; each test database is CREATE DATABASE … TEMPLATE.
 *
 * MOTCUA_TEST_POSTGRES=required (set by CI) makes an unreachable server a failure instead of a visible skip.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { openDatabase, type Database } from '@motcua/db';
import { inject } from 'vitest';

export type BackendKind = 'pglite' | 'postgres';

export interface TestDatabase extends Database {
  /** Drops the database (PostgreSQL) or closes it (PGlite). */
  dispose(): Promise<void>;
}

export const postgresAdminUrl = process.env.MOTCUA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The back ends this run tests on: always PGlite; PostgreSQL when the global setup reached it. */
export function testBackends(): BackendKind[] {
  return inject('postgresTemplate') ? ['pglite', 'postgres'] : ['pglite'];
}

export function postgresUrlFor(database: string): string {
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

let pgliteDump: Blob | undefined;

export async function createTestDatabase(kind: BackendKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    pgliteDump ??= new Blob([await readFile(inject('pgliteDumpPath'))]);
    const db = await openDatabase({ kind: 'pglite', loadDataDir: pgliteDump });
    return Object.assign(db, { dispose: () => db.close() });
  }
  const template = inject('postgresTemplate');
  if (!template) throw new Error('PostgreSQL is not available for this test run');
  const name = `motcua_t_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url: postgresAdminUrl, poolSize: 1 });
  try {
    await admin.exec(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.close();
  }
  const db = await openDatabase({ kind: 'postgres', url: postgresUrlFor(name), poolSize: 12 });
  return Object.assign(db, {
    async dispose() {
      await db.close();
      const cleanup = await openDatabase({ kind: 'postgres', url: postgresAdminUrl, poolSize: 1 });
      try {
        await cleanup.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.close();
      }
    },
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDumpPath: string;
    /** Name of the migrated template database on PostgreSQL, or '' when PostgreSQL is not in this run. */
    postgresTemplate: string;
  }
}
