/**
 * `catalog import <file>` and `catalog export`: the national JSON shape (LayThuTuc) or our Excel template, with a
 * progress bar and a summary (created / updated / unchanged / rejected with row, field and reason).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { legalDateOf } from '@motcua/core/catalog';
import { exportCatalog, formatImportSummary, formatOf, importCatalogFile } from '../catalog/catalog-transfer';
import { configOrExit, migrate, openConfiguredDatabase } from '../runtime';
import type { Command } from './command';
import { progressBar } from './progress';

async function withCatalogDatabase<T>(
  fn: (deps: { db: Awaited<ReturnType<typeof openConfiguredDatabase>>; hoursPerWorkingDay: number }) => Promise<T>,
): Promise<T> {
  const config = configOrExit(process.env);
  const db = await openConfiguredDatabase(config);
  try {
    await migrate(db);
    return await fn({ db, hoursPerWorkingDay: config.catalog.hoursPerWorkingDay });
  } finally {
    await db.close();
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const catalogCommands: Command[] = [
  {
    name: 'catalog import',
    summary: 'Import procedures from a national JSON (LayThuTuc) or Excel template file: catalog import <file>.',
    positionals: '<file.json|file.xlsx>',
    options: { 'effective-from': { type: 'string' } },
    run: (options, positionals = []) => {
      const [file] = positionals;
      const format = file ? formatOf(file) : null;
      if (!file || !format) {
        process.stderr.write('Usage: catalog import <file.json|file.xlsx> [--effective-from YYYY-MM-DD]\n');
        return Promise.resolve(1);
      }
      const effectiveFrom = options['effective-from'];
      if (effectiveFrom !== undefined && (typeof effectiveFrom !== 'string' || !DATE.test(effectiveFrom))) {
        process.stderr.write('--effective-from must be a date YYYY-MM-DD\n');
        return Promise.resolve(1);
      }
      return withCatalogDatabase(async ({ db, hoursPerWorkingDay }) => {
        const data = new Uint8Array(await readFile(file));
        const bar = progressBar(`Importing ${path.basename(file)}`);
        const summary = await importCatalogFile(format, data, {
          db,
          actor: { kind: 'system', name: 'cli:catalog-import' },
          now: () => new Date(),
          timeLimits: { hoursPerWorkingDay },
          ...(typeof effectiveFrom === 'string' ? { effectiveFrom } : {}),
          onProgress: (done, total) => bar.update(done, total),
        });
        bar.done();
        process.stdout.write(formatImportSummary(path.basename(file), format, summary));
        return summary.rejected.length > 0 ? 2 : 0;
      });
    },
  },
  {
    name: 'catalog export',
    summary: 'Export the procedures in effect: --format national-json (default) or xlsx, --out <file>.',
    options: { format: { type: 'string' }, out: { type: 'string' } },
    run: (options) => {
      const format = options.format ?? 'national-json';
      if (format !== 'national-json' && format !== 'xlsx') {
        process.stderr.write('--format must be national-json or xlsx\n');
        return Promise.resolve(1);
      }
      return withCatalogDatabase(async ({ db }) => {
        const now = new Date();
        const file = await exportCatalog(db, format, now);
        const out = typeof options.out === 'string' ? options.out : file.fileName;
        await writeFile(out, file.body);
        process.stdout.write(`Exported ${file.count} procedure(s) in effect on ${legalDateOf(now)} to ${out}\n`);
        return 0;
      });
    },
  },
];
