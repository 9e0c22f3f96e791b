/** The dossier engine's HTTP face: dossiers, actions on them, public tracking. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { dossierActionRoutes } from './dossier-actions.route';
import { dossierRoutes } from './dossier.route';
import { trackingRoutes } from './tracking.route';

export async function dossierModuleRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(async (scope) => dossierRoutes(scope, deps));
  await app.register(async (scope) => dossierActionRoutes(scope, deps));
  await app.register(async (scope) => trackingRoutes(scope, deps));
}

export { dossierJobHandlers, dossierPeriodicTasks } from './dossier.jobs';
