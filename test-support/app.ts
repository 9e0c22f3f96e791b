/** An app on a fresh test database, for api tests through app.inject (no socket). */
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

export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  const result = loadConfig({
    MOTCUA_LOG_LEVEL: 'silent',
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
    },
  };
}
