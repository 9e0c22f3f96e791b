/**
 * Every module's routes, mounted under /api/v1. One line per module: keep the list short and in module order.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from './deps';
import { calendarRoutes } from './calendar/calendar.route';
import { catalogRoutes } from './catalog/catalog.route';
import { platformRoutes } from './platform/platform.route';
import { organizationRoutes } from './organization/organization.route';
import { authRoutes } from './identity/auth.route';
import { userRoutes } from './identity/users.route';
import { oidcRoutes } from './identity/oidc.route';
import { dossierModuleRoutes } from './dossiers/index';
import { documentRoutes } from './documents/index';
import { monitoringRoutes } from './monitoring/index';
import { signatureModuleRoutes } from './signatures/index';
import { portalModuleRoutes } from './portal/index';

export async function registerRoutes(api: FastifyInstance, deps: AppDeps): Promise<void> {
  await api.register(async (scope) => platformRoutes(scope, deps));
  await api.register(async (scope) => organizationRoutes(scope, deps));
  await api.register(async (scope) => authRoutes(scope, deps));
  await api.register(async (scope) => userRoutes(scope, deps));
  await api.register(async (scope) => oidcRoutes(scope, deps));
  await api.register(async (scope) => calendarRoutes(scope, deps));
  await api.register(async (scope) => dossierModuleRoutes(scope, deps));
  await api.register(async (scope) => documentRoutes(scope, deps));
  await api.register(async (scope) => catalogRoutes(scope, deps));
  await api.register(async (scope) => monitoringRoutes(scope, deps));
  await api.register(async (scope) => signatureModuleRoutes(scope, deps));
  await api.register(async (scope) => portalModuleRoutes(scope, deps));
}
