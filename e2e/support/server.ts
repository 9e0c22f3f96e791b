/**
 * The real server for browser tests, in this process: buildApp on a fresh test database (PGlite unless asked
 * otherwise), serving the built web app (apps/web/dist, built by `npm test` before vitest runs) on a free port.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '@motcua/core';
import { buildApp } from '../../apps/server/src/app';
import type { AppConfig } from '../../apps/server/src/config';
import { removeTestStorage, testConfig } from '../../test-support/app';
import { createTestDatabase, type BackendKind, type TestDatabase } from '../../test-support/databases';

export const webDist = path.resolve(import.meta.dirname, '../../apps/web/dist');

export interface TestServer {
  /** http://127.0.0.1:<port>, no trailing slash. */
  baseUrl: string;
  app: FastifyInstance;
  db: TestDatabase;
  config: AppConfig;
  clock: Clock;
  close(): Promise<void>;
}

/** The system clock: browser and server must agree on time for cookies and TOTP codes. */
export const systemClock: Clock = { now: () => new Date() };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startServer(
  options: { backend?: BackendKind; clock?: Clock; config?: Record<string, string> } = {},
): Promise<TestServer> {
  if (!existsSync(path.join(webDist, 'index.html'))) {
    throw new Error(`${webDist} is missing: run \`npm run build:web\` first (\`npm test\` builds it before the suites).`);
  }
  const db = await createTestDatabase(options.backend ?? 'pglite');
  const clock = options.clock ?? systemClock;
  // The public URL must be the real one (OIDC redirects, links in e-mails): take a free port, then listen on it.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const config = testConfig({ MOTCUA_WEB_DIST: webDist, MOTCUA_PUBLIC_URL: baseUrl, ...options.config });
    const app = await buildApp({ config, db, clock });
    try {
      await app.listen({ port, host: '127.0.0.1' });
    } catch (error) {
      await app.close();
      if (attempt < 5 && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') continue;
      await db.dispose();
      throw error;
    }
    return {
      baseUrl,
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
}
