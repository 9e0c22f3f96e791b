/**
 * Certificate store administration, for system administrators of the agency (own agencies only; an agency
 * outside their grants answers like an unknown one). Every write is audited in its transaction.
 *   GET  /signatures/certificates                  — list (agencyId, includeInactive, expiring) with expiry levels
 *   POST /signatures/certificates                  — import a PKCS#12 (base64) with its password
 *   POST /signatures/certificates/:id/deactivate   — stop signing with it, with a reason
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  certificateListQuery,
  certificateListResponse,
  certificateParams,
  certificateResponse,
  deactivateCertificateBody,
  importCertificateBody,
  problemSchema,
  type CertificateResponse,
} from '@motcua/contracts';
import { DomainErrorException, domainError } from '@motcua/core';
import { expiryLevel, type StoredCertificate } from '@motcua/core/signatures';
import { listCertificates } from '@motcua/db/signatures';
import type { AppDeps } from '../deps';
import { contextOf, requireOfficer } from '../identity/guards';
import { administeredAgencyIds, deactivateStoredCertificate, readCredential, storeCertificate } from './signature.services';

const ADMIN = ['system_administrator'] as const;
const DAY = 86_400_000;

export function certificateView(certificate: StoredCertificate, now: Date, warningDays: number): CertificateResponse {
  return {
    id: certificate.id,
    agencyId: certificate.agencyId,
    purpose: certificate.purpose,
    holderUserId: certificate.holderUserId,
    subject: certificate.subject,
    commonName: certificate.commonName,
    organization: certificate.organization,
    issuer: certificate.issuer,
    serialNumber: certificate.serialNumber,
    fingerprint: certificate.fingerprint,
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    transport: certificate.transport,
    isDemo: certificate.isDemo,
    isActive: certificate.isActive,
    importedAt: certificate.importedAt.toISOString(),
    expiry: expiryLevel(certificate.notAfter, now, warningDays),
    daysLeft: Math.floor((certificate.notAfter.getTime() - now.getTime()) / DAY),
  };
}

export async function certificateAdminRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const warningDays = deps.config.signatures.expiryWarningDays;
  const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

  api.get(
    '/signatures/certificates',
    {
      schema: {
        tags: ['signatures'],
        summary: 'List the signing certificates of the agencies you administer, with expiry warnings',
        querystring: certificateListQuery,
        response: { 200: certificateListResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireOfficer(request, ADMIN);
      const administered = await administeredAgencyIds(deps.db, actor);
      const now = deps.clock.now();
      const items = await listCertificates(deps.db, { kind: 'agencies', agencyIds: administered }, {
        ...(request.query.agencyId !== undefined ? { agencyId: request.query.agencyId } : {}),
        includeInactive: request.query.includeInactive === 'true',
      });
      const views = items.map((item) => certificateView(item, now, warningDays));
      return { items: request.query.expiring === 'true' ? views.filter((v) => v.isActive && v.expiry !== 'valid') : views, warningDays };
    },
  );

  api.post(
    '/signatures/certificates',
    {
      schema: {
        tags: ['signatures'],
        summary: 'Import a PKCS#12 certificate and key for an agency (the key is sealed at rest)',
        body: importCertificateBody,
        response: { 201: certificateResponse, ...errors, 409: problemSchema, 422: problemSchema, 503: problemSchema },
      },
    },
    async (request, reply) => {
      const actor = requireOfficer(request, ADMIN);
      const { agencyId, purpose, holderUserId, pkcs12, password } = request.body;
      if (!(await administeredAgencyIds(deps.db, actor)).includes(agencyId)) {
        throw new DomainErrorException(domainError('FORBIDDEN', 'The agency is outside the agencies you administer'));
      }
      const credential = readCredential(Buffer.from(pkcs12, 'base64'), password);
      const stored = await storeCertificate(deps, contextOf(request, deps.clock), {
        agencyId,
        purpose,
        holderUserId: holderUserId ?? null,
        credential,
      });
      return reply.code(201).send(certificateView(stored, deps.clock.now(), warningDays));
    },
  );

  api.post(
    '/signatures/certificates/:id/deactivate',
    {
      schema: {
        tags: ['signatures'],
        summary: 'Deactivate a signing certificate (it signs nothing more; verification of past signatures is unaffected)',
        params: certificateParams,
        body: deactivateCertificateBody,
        response: { 200: certificateResponse, ...errors, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request) => {
      const actor = requireOfficer(request, ADMIN);
      const administered = await administeredAgencyIds(deps.db, actor);
      const deactivated = await deactivateStoredCertificate(deps, { ...contextOf(request, deps.clock), actor }, {
        id: request.params.id,
        reason: request.body.reason,
        administered,
      });
      return certificateView(deactivated, deps.clock.now(), warningDays);
    },
  );
}
