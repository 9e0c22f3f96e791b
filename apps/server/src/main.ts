/**
 * The composition root: reads the configuration, opens the database, applies migrations where allowed, seeds the
 * demo data on the first embedded start, builds the app and listens. Nothing else reads process.env.
 */
import { buildApp } from './app';
import { completeDeps } from './deps';
import { buildJobHandlers, buildPeriodicTasks } from './jobs/handlers';
import { createJobRunner } from './jobs/job-runner';
import { configOrExit, migrate, openConfiguredDatabase, pendingMigrations } from './runtime';
import { seedDemoIfEmpty } from './seed/seed-demo';
import { logCertificateExpiry } from './signatures/certificate-expiry';

const config = configOrExit(process.env);
const started = performance.now();
const db = await openConfiguredDatabase(config);

const pending = await pendingMigrations(db);
if (pending.length > 0) {
  if (config.database.kind === 'pglite' || config.migrateOnStart) {
    await migrate(db);
  } else {
    process.stderr.write(
      `The database needs ${pending.length} migration(s) (${pending.join(', ')}). Run \`npm run motcua -- migrate\` ` +
        'or set MOTCUA_MIGRATE_ON_START=true.\n',
    );
    process.exit(3);
  }
}
const clock = { now: () => new Date() };
if (config.seedDemo) await seedDemoIfEmpty({ db, clock, config });

const deps = completeDeps({ config, db, clock });
const app = await buildApp(deps);
const runner = createJobRunner({
  db,
  clock,
  handlers: buildJobHandlers(deps),
  periodic: buildPeriodicTasks(deps, app.log),
  logger: app.log,
  pollMilliseconds: config.jobs.pollMilliseconds,
  onlyRegisteredTopics: true,
});
const shutdown = async (signal: string) => {
  app.log.info({ signal }, 'shutting down');
  await runner.stop();
  await app.close();
  await db.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.server.port, host: config.server.host });
runner.start();
await logCertificateExpiry({ db, clock, warningDays: config.signatures.expiryWarningDays }, app.log); // then daily (periodic task)
app.log.info(
  { url: config.server.publicUrl, database: db.kind, startupMs: Math.round(performance.now() - started) },
  'MotCua is serving',
);
