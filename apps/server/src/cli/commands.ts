import { verifyAuditChain } from '@motcua/db/audit';
import { configOrExit, migrate, openConfiguredDatabase } from '../runtime';
import { seedDemo } from '../seed/seed-demo';
import { catalogCommands } from './catalog-commands';
import type { Command } from './command';
import { progressBar } from './progress';
import { userCommands } from './user-commands';
import { pkiCommands } from './pki-commands';

export type { Command } from './command';

async function withDatabase<T>(fn: (deps: Awaited<ReturnType<typeof open>>) => Promise<T>): Promise<T> {
  const deps = await open();
  try {
    return await fn(deps);
  } finally {
    await deps.db.close();
  }
}

async function open() {
  const config = configOrExit(process.env);
  const db = await openConfiguredDatabase(config);
  return { config, db, clock: { now: () => new Date() } };
}

export const commands: Command[] = [
  {
    name: 'migrate',
    summary: 'Apply pending database migrations.',
    run: () =>
      withDatabase(async ({ db }) => {
        const report = await migrate(db);
        process.stdout.write(
          report.applied.length
            ? `Applied ${report.applied.length} migration(s):\n  ${report.applied.join('\n  ')}\n`
            : `Database is up to date (${report.alreadyApplied} migrations).\n`,
        );
        return 0;
      }),
  },
  {
    name: 'seed',
    summary: 'Load data: --demo loads the demo organisation, catalogue and accounts.',
    options: { demo: { type: 'boolean' } },
    run: (options) =>
      withDatabase(async (deps) => {
        if (!options.demo) {
          process.stderr.write('Say what to seed: --demo\n');
          return 1;
        }
        await migrate(deps.db);
        await seedDemo(deps, (step) => process.stdout.write(`  seeding ${step}…\n`));
        process.stdout.write('Demo data loaded.\n');
        return 0;
      }),
  },
  {
    name: 'audit verify',
    summary: 'Walk the hash-chained audit trail and name the first broken row.',
    run: () =>
      withDatabase(async ({ db }) => {
        const bar = progressBar('Verifying audit trail');
        const result = await verifyAuditChain(db, (done, total) => bar.update(done, total));
        bar.done();
        if (result.firstBreak) {
          process.stdout.write(
            `Audit trail BROKEN at row seq=${result.firstBreak.seq} (${result.firstBreak.reason}); ` +
              `${result.checkedRows} row(s) before it are intact.\n`,
          );
          return 4;
        }
        process.stdout.write(`Audit trail intact: ${result.checkedRows} row(s) verified.\n`);
        return 0;
      }),
  },
  ...userCommands(withDatabase),
  ...catalogCommands,
  ...pkiCommands(withDatabase),
];
