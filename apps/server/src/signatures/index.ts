/** The signatures module's routes: certificate store administration and the public verification. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { certificateAdminRoutes } from './certificate-admin.route';
import { verificationRoutes } from './verification.route';
import { signedDownloadRoutes } from './signed-download.route';
import { signingStatusRoutes } from './signing-status.route';
import { demoCrlRoutes } from './demo-crl';

export async function signatureModuleRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(async (scope) => certificateAdminRoutes(scope, deps));
  await app.register(async (scope) => verificationRoutes(scope, deps));
  await app.register(async (scope) => signedDownloadRoutes(scope, deps));
  await app.register(async (scope) => signingStatusRoutes(scope, deps));
  await app.register(async (scope) => demoCrlRoutes(scope, deps));
}
