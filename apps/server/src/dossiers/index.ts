/** The dossier engine's HTTP face: dossiers, actions on them, their files, public tracking. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { attachmentRoutes } from './attachments.route';
import { dossierActionRoutes } from './dossier-actions.route';
import { dueTimeShiftRoutes } from './due-time-shift.route';
import { dossierRoutes } from './dossier.route';
import { stepOfficerRoutes } from './step-officers.route';
import { trackingRoutes } from './tracking.route';

export async function dossierModuleRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(async (scope) => dossierRoutes(scope, deps));
  await app.register(async (scope) => dossierActionRoutes(scope, deps));
  await app.register(async (scope) => trackingRoutes(scope, deps));
  await app.register(async (scope) => attachmentRoutes(scope, deps));
  await app.register(async (scope) => dueTimeShiftRoutes(scope, deps));
  await app.register(async (scope) => stepOfficerRoutes(scope, deps));
}

export { dossierJobHandlers, dossierPeriodicTasks } from './dossier.jobs';
