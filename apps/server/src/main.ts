/**
 * The composition root: reads the configuration, opens the database, applies migrations where allowed, seeds the
 * demo data on the first embedded start, builds the app and listens. Nothing else reads process.env.
 */
import { buildApp } from './app';
import { configOrExit, migrate, openConfiguredDatabase, pendingMigrations } from './runtime';
import { seedDemoIfEmpty } from './seed/seed-demo';

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

const app = await buildApp({ config, db, clock });
const shutdown = async (signal: string) => {
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await db.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.server.port, host: config.server.host });
app.log.info(
  { url: config.server.publicUrl, database: db.kind, startupMs: Math.round(performance.now() - started) },
  'MotCua is serving',
);
