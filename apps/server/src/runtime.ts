/**
 * Opening the runtime resources from configuration: shared by the server's main.ts and the admin CLI.
 */
import { mkdirSync } from 'node:fs';
import { loadMigrations, migrate, openDatabase, type Database } from '@motcua/db';
import type { AppConfig } from './config';
import { loadConfig } from './config';

export function configOrExit(env: Record<string, string | undefined>): AppConfig {
  const result = loadConfig(env);
  if (!result.ok) {
    process.stderr.write(`MotCua cannot start: the configuration has problems:\n  - ${result.problems.join('\n  - ')}\n`);
    process.exit(2);
  }
  return result.config;
}

export async function openConfiguredDatabase(config: AppConfig): Promise<Database> {
  if (config.database.kind === 'postgres') {
    return openDatabase({ kind: 'postgres', url: config.database.url, poolSize: config.database.poolSize });
  }
  mkdirSync(config.database.dataDir, { recursive: true });
  return openDatabase({ kind: 'pglite', dataDir: config.database.dataDir });
}

export async function pendingMigrations(db: Database): Promise<string[]> {
  const all = await loadMigrations();
  const table = await db.query<{ exists: boolean }>("SELECT to_regclass('schema_migration') IS NOT NULL AS exists");
  if (!table[0]?.exists) return all.map((m) => m.name);
  const done = new Set((await db.query<{ version: string }>('SELECT version FROM schema_migration')).map((r) => r.version));
  return all.filter((m) => !done.has(m.version)).map((m) => m.name);
}

export { migrate };
