/**
 * The DEMO certificate authority's revocation list: `pki revoke-demo` records a revocation (audited, and the
 * certificate leaves the signing pool), and the server publishes the DEMO root's CRL, signed by the root's key,
 * at GET /api/v1/pki/demo-root.crl (public, application/pkix-crl). Demo certificates issued by `pki init-demo`
 * name that URL as their CRL distribution point, so the verification finds revocations over HTTP like it would
 * for a real CA. Never in production.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainErrorException, domainError, type Actor } from '@motcua/core';
import { signatureError } from '@motcua/core/signatures';
import { problemSchema } from '@motcua/contracts';
import { createRevocationList, crlReasons, type CrlEntry } from '@motcua/adapters/signatures';
import { withUnitOfWork } from '@motcua/db';
import { deactivateCertificate, findSigningMaterial, insertRevocation, listRevocations, listTrustedRoots } from '@motcua/db/signatures';
import type { AppDeps } from '../deps';
import type { AppConfig } from '../config';
import { signatureServices } from './signature.services';

export const DEMO_CRL_PATH = '/pki/demo-root.crl';
export const demoCrlUrl = (config: AppConfig) => `${config.server.publicUrl}/api/v1${DEMO_CRL_PATH}`;
const DAY = 86_400_000;

async function demoRootCredential(deps: Pick<AppDeps, 'db' | 'config'>) {
  if (deps.config.signatures.production) return null;
  const root = (await listTrustedRoots(deps.db)).find((entry) => entry.isDemo && entry.sealedKey);
  if (!root?.sealedKey) return null;
  const { vault } = signatureServices(deps);
  return { fingerprint: root.fingerprint, credential: { certificate: root.certificateDer, privateKey: vault.open(root.sealedKey, root.fingerprint), chain: [] } };
}

/** The DEMO root's current CRL (DER), valid for a day; null when there is no DEMO root (or in production). */
export async function demoRevocationList(deps: Pick<AppDeps, 'db' | 'config' | 'clock'>): Promise<Uint8Array | null> {
  const root = await demoRootCredential(deps);
  if (!root) return null;
  const now = deps.clock.now();
  const entries: CrlEntry[] = (await listRevocations(deps.db, root.fingerprint)).map((row) => ({
    serialNumber: row.serialNumber,
    revokedAt: row.revokedAt,
    reason: (crlReasons as readonly string[]).includes(row.reason ?? '') ? (row.reason as CrlEntry['reason']) : null,
  }));
  return createRevocationList(root.credential, { entries, thisUpdate: now, nextUpdate: new Date(now.getTime() + DAY) });
}

export const revocationReasons = ['unspecified', 'keyCompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation'] as const;

/** Revokes a DEMO certificate issued by the DEMO root: recorded for the CRL, deactivated in the store, audited. */
export async function revokeDemoCertificate(
  deps: Pick<AppDeps, 'db' | 'config' | 'clock'>,
  actor: Actor,
  input: { certificateId: string; reason: (typeof revocationReasons)[number]; revokedAt?: Date },
): Promise<{ serialNumber: string; revokedAt: Date }> {
  if (deps.config.signatures.production) throw new Error('pki revoke-demo is refused when MOTCUA_ENV=production');
  const root = await demoRootCredential(deps);
  const material = /^[0-9a-f-]{36}$/i.test(input.certificateId) ? await findSigningMaterial(deps.db, input.certificateId) : null;
  const [row] = material
    ? await deps.db.query<{ serial_number: string; is_demo: boolean; agency_id: string }>(
        'SELECT serial_number, is_demo, agency_id FROM signing_certificate WHERE id = $1',
        [input.certificateId],
      )
    : [];
  if (!root || !material || !row) throw new DomainErrorException(signatureError('SIGNING_CERTIFICATE_NOT_FOUND', `No certificate ${input.certificateId}`));
  const issuedByRoot = material.chainDer.some((der) => Buffer.from(der).equals(Buffer.from(root.credential.certificate)));
  if (!row.is_demo || !issuedByRoot) {
    throw new DomainErrorException(domainError('VALIDATION_FAILED', 'Only certificates issued by the DEMO root can be revoked here', { field: 'certificateId' }));
  }
  const now = deps.clock.now();
  const revokedAt = input.revokedAt ?? now;
  await withUnitOfWork(deps.db, { actor, now }, async (uow) => {
    const recorded = await insertRevocation(uow.tx, {
      rootFingerprint: root.fingerprint,
      serialNumber: row.serial_number,
      certificateId: input.certificateId,
      revokedAt,
      reason: input.reason === 'unspecified' ? null : input.reason,
      recordedAt: now,
      recordedBy: actor.kind === 'system' ? actor.name : null,
    });
    if (!recorded) throw new DomainErrorException(signatureError('SIGNING_CERTIFICATE_ALREADY_INACTIVE', 'The certificate is already revoked'));
    await deactivateCertificate(uow.tx, input.certificateId, { at: now, by: actor.kind === 'system' ? actor.name : null, reason: `revoked: ${input.reason}` });
    uow.audit.record({
      action: 'signing_certificate.revoke',
      targetType: 'signing_certificate',
      targetId: input.certificateId,
      agencyId: row.agency_id,
      summary: { serialNumber: row.serial_number, revokedAt: revokedAt.toISOString(), reason: input.reason, isDemo: true },
    });
  });
  return { serialNumber: row.serial_number, revokedAt };
}

export async function demoCrlRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    DEMO_CRL_PATH,
    {
      config: { rateLimit: { max: deps.config.signatures.verifyRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['verification'],
        summary: 'The DEMO certificate authority’s CRL (application/pkix-crl, DER): the CRL distribution point of demo certificates',
        response: { 200: z.any().describe('DER CertificateList, valid for one day'), 404: problemSchema, 429: problemSchema },
      },
    },
    async (_request, reply) => {
      const crl = await demoRevocationList(deps);
      if (!crl) throw new DomainErrorException(domainError('NOT_FOUND', 'This deployment has no DEMO certificate authority', { entity: 'crl' }));
      return reply.type('application/pkix-crl').header('cache-control', 'public, max-age=60').send(Buffer.from(crl));
    },
  );
}
