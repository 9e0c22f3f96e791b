/** Liveness and readiness for operators and load balancers. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthResponse, readyResponse } from '@motcua/contracts/platform';
import type { AppDeps } from '../deps';
import { sendProblem } from '../http/error-handler';

export async function platformRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness: the process answers',
        response: { 200: healthResponse },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  api.get(
    '/ready',
    {
      schema: {
        tags: ['platform'],
        summary: 'Readiness: the database is reachable and migrated',
        response: { 200: readyResponse },
      },
    },
    async (request, reply) => {
      try {
        const rows = await deps.db.query<{ migrations: number }>('SELECT count(*)::int8 AS migrations FROM schema_migration');
        return { status: 'ready' as const, database: deps.db.kind, migrations: rows[0]?.migrations ?? 0 };
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        return sendProblem(request, reply, 'SERVICE_UNAVAILABLE', { detail: 'database unreachable' });
      }
    },
  );
}
