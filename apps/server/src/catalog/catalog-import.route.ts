/**
 * Administration import of catalogue files over HTTP, the same as `catalog import` on the CLI: the national JSON
 * shape (LayThuTuc) or our Excel template, sent as base64 in JSON. `dryRun` (the default) runs every procedure
 * through the same rules and rolls each back: the report says what would be created, updated, left unchanged or
 * rejected (row, sheet, field, reason). A real import writes each procedure in its own audited transaction.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainErrorException, domainError } from '@motcua/core';
import { problemSchema } from '@motcua/contracts';
import { importBody, importResponse } from '@motcua/contracts/catalog-admin';
import type { AppDeps } from '../deps';
import { formatOf, importCatalogFile } from './catalog-transfer';

export async function catalogImportRoutes(api: FastifyInstance, deps: AppDeps): Promise<void> {
  api.withTypeProvider<ZodTypeProvider>().post(
    '/admin/catalog/import',
    {
      bodyLimit: 30 * 1024 * 1024,
      schema: {
        tags: ['catalog administration'],
        summary: 'Import (or with dryRun, check) a national JSON or Excel template file; answers the created / updated / unchanged / rejected report',
        body: importBody,
        response: { 200: importResponse, 400: problemSchema, 401: problemSchema, 403: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const { fileName, contentBase64, dryRun, effectiveFrom } = request.body;
      const format = formatOf(fileName);
      const data = Buffer.from(contentBase64, 'base64');
      if (!format || data.length === 0) {
        throw new DomainErrorException(domainError('CATALOG_IMPORT_INVALID', 'Send a .json or .xlsx file in base64', { field: 'contentBase64' }));
      }
      const summary = await importCatalogFile(format, new Uint8Array(data), {
        db: deps.db,
        actor: request.actor,
        now: () => deps.clock.now(),
        dryRun,
        timeLimits: { hoursPerWorkingDay: deps.config.catalog.hoursPerWorkingDay },
        requestId: request.id,
        ...(effectiveFrom ? { effectiveFrom } : {}),
      });
      return { fileName, format, dryRun, ...summary };
    },
  );
}
