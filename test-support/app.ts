/** An app on a fresh test database, for api tests through app.inject (no socket). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { fixedClock, type Clock } from '@motcua/core';
import { buildApp } from '../apps/server/src/app';
import { loadConfig, type AppConfig } from '../apps/server/src/config';
import { createTestDatabase, type BackendKind, type TestDatabase } from './databases';

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  config: AppConfig;
  clock: Clock;
  close(): Promise<void>;
}

/** A fresh temporary directory for a test app's content store (removed by `removeTestStorage`). */
export function testStorageDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'motcua-test-files-'));
}

export function removeTestStorage(config: AppConfig): void {
  if (path.basename(config.storage.dir).startsWith('motcua-test-files-')) rmSync(config.storage.dir, { recursive: true, force: true });
}

export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  const result = loadConfig({
    MOTCUA_LOG_LEVEL: 'silent',
    // Never the checkout's ./data/files: each test app stores its files in a directory of its own.
    MOTCUA_STORAGE_DIR: overrides.MOTCUA_STORAGE_DIR ?? testStorageDir(),
    MOTCUA_WEB_DIST: '/nonexistent',
    // Every test signs in from 127.0.0.1: keep the per-address rate limit of the sign-in routes out of the way
    // (apps/server/test/auth.test.ts tests the limit itself with a low value).
    MOTCUA_AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    ...overrides,
  });
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.config;
}

export async function createTestApp(
  options: { backend?: BackendKind; clock?: Clock; config?: Record<string, string> } = {},
): Promise<TestApp> {
  const db = await createTestDatabase(options.backend ?? 'pglite');
  const config = testConfig(options.config);
  const clock = options.clock ?? fixedClock('2026-03-02T02:00:00Z');
  const app = await buildApp({ config, db, clock });
  await app.ready();
  return {
    app,
    db,
    config,
    clock,
    async close() {
      await app.close();
      await db.dispose();
      removeTestStorage(config);
    },
  };
}
