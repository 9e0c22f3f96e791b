/** Administration export of the catalogue in effect today: national JSON shape or our Excel template. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '@motcua/contracts';
import { exportQuery } from '@motcua/contracts/catalog-admin';
import type { AppDeps } from '../deps';
import { exportCatalog } from './catalog-transfer';

export async function catalogExportRoutes(api: FastifyInstance, deps: AppDeps): Promise<void> {
  api.withTypeProvider<ZodTypeProvider>().get(
    '/admin/catalog/export',
    {
      schema: {
        tags: ['catalog administration'],
        summary: 'Export the procedures in effect: national JSON (LayThuTuc shape) or the Excel template',
        querystring: exportQuery,
        response: {
          200: z.any().describe('The file: application/json (national shape) or an .xlsx workbook'),
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const file = await exportCatalog(deps.db, request.query.format, deps.clock.now());
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(Buffer.from(file.body));
    },
  );
}
