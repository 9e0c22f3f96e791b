/**
 * Does a failed sign-in take the same time whether or not the account exists? Measures POST /api/v1/auth/login
 * through app.inject on an in-memory PGlite with the demo seed: wrong password for an existing citizen vs an
 * unknown e-mail vs the right password (baseline: a full successful sign-in). Each attempt comes from its own
 * client address and identifier so that the lockout does not step in.
 *
 *   npx tsx bench/login-timing.ts
 */
import { migrate, openDatabase } from '@motcua/db';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { seedDemo } from '../apps/server/src/seed/seed-demo';
import { DEMO_PASSWORD } from '../apps/server/src/identity/identity.seed';

const ROUNDS = 80;
const result = loadConfig({ MOTCUA_LOG_LEVEL: 'silent', MOTCUA_WEB_DIST: '/nonexistent', MOTCUA_AUTH_RATE_LIMIT_PER_MINUTE: '100000' });
if (!result.ok) throw new Error(result.problems.join('; '));
const db = await openDatabase({ kind: 'pglite' });
await migrate(db);
const clock = { now: () => new Date() };
await seedDemo({ db, clock, config: result.config });
const app = await buildApp({ config: result.config, db, clock });
await app.ready();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cases: Record<string, (i: number) => { identifier: string; password: string }> = {
  'right password (baseline)': () => ({ identifier: 'nguoidan@motcua.demo', password: DEMO_PASSWORD }),
  'wrong password, account exists': () => ({ identifier: 'nguoidan@motcua.demo', password: 'sai-mat-khau-0' }),
  'unknown account': (i) => ({ identifier: `khong-co-${i}@motcua.demo`, password: 'sai-mat-khau-0' }),
};
const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < ROUNDS; i++) {
  for (const [name, payload] of Object.entries(cases)) {
    if (name.startsWith('wrong')) await db.query("DELETE FROM login_throttle WHERE key LIKE 'account:%'");
    const started = performance.now();
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: payload(i), remoteAddress: `10.0.${i}.${name.length}` });
    const ms = performance.now() - started;
    if (i >= 5) times[name]!.push(ms); // warm-up
    if (res.statusCode >= 500) throw new Error(res.body);
  }
}
for (const [name, xs] of Object.entries(times)) console.log(`${name.padEnd(32)} median ${median(xs).toFixed(1)} ms (n=${xs.length})`);
await app.close();
await db.close();
