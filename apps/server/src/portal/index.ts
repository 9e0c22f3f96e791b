/** The citizen portal's HTTP face: profile and organisations, drafts of online submissions, the declarations filed. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { declarationRoutes } from './declaration.route';
import { draftRoutes } from './draft.route';
import { notificationRoutes } from './notification.route';
import { profileRoutes } from './profile.route';
import { submissionRoutes } from './submission.route';

export async function portalModuleRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(async (scope) => profileRoutes(scope, deps));
  await app.register(async (scope) => draftRoutes(scope, deps));
  await app.register(async (scope) => submissionRoutes(scope, deps));
  await app.register(async (scope) => declarationRoutes(scope, deps));
  await app.register(async (scope) => notificationRoutes(scope, deps));
}
