/**
 * Public verification, no account needed:
 *   POST /verify                         — the PDF as the body (application/pdf): signatures, trust, and whether
 *                                          MotCua issued exactly these bytes and later replaced them
 *   GET  /verify/documents/:id           — the QR link of an issued document: its record and the hash of the file
 *   GET  /verify/hashes/:sha256          — the same record found by the file's SHA-256
 * Nothing personal is answered beyond what the signed file itself shows (signer, agency, title, dossier code).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  issuedDocumentParams,
  issuedDocumentResponse,
  problemSchema,
  verificationResponse,
  type SignatureCheckResponse,
  type VerificationResponse,
} from '@motcua/contracts';
import { DomainErrorException } from '@motcua/core';
import { reportVerification, signatureError, type IssuedRecord, type PdfSignatureCheck } from '@motcua/core/signatures';
import { findIssuedById, findIssuedBySha256, type IssuedRecordWithHash } from '@motcua/db/signatures';
import type { AppDeps } from '../deps';
import { signatureServices } from './signature.services';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function checkView(check: PdfSignatureCheck): SignatureCheckResponse {
  return {
    signerName: check.signer?.commonName ?? null,
    organization: check.signer?.organization ?? null,
    subject: check.signer?.subject ?? null,
    issuer: check.signer?.issuer ?? null,
    certificateFingerprint: check.signer?.fingerprint ?? null,
    certificateNotAfter: iso(check.signer?.notAfter ?? null),
    claimedSigningTime: iso(check.claimedSigningTime),
    reason: check.reason,
    subFilter: check.subFilter,
    isIntact: check.isIntact,
    isTrusted: check.isTrusted,
    coversWholeDocument: check.coversWholeDocument,
    hasSigningCertificateV2: check.hasSigningCertificateV2,
    hasTimestamp: check.hasTimestamp,
    timestamp: check.timestamp
      ? {
          time: iso(check.timestamp.time),
          tsa: check.timestamp.tsa,
          valid: check.timestamp.valid,
          isIntact: check.timestamp.isIntact,
          isTrusted: check.timestamp.isTrusted,
        }
      : null,
    revocation: check.revocation.map((entry) => ({
      subject: entry.subject,
      serialNumber: entry.serialNumber,
      status: entry.status,
      revokedAt: iso(entry.revokedAt),
      reason: entry.reason,
    })),
    problems: [...check.problems],
  };
}

const issuedView = (issued: IssuedRecord) => ({
  documentId: issued.documentId,
  agencyName: issued.agencyName,
  title: issued.title,
  dossierCode: issued.dossierCode,
  signedAt: iso(issued.signedAt),
  replacedAt: iso(issued.replacedAt),
});

/** Verifies bytes against the deployment's roots and MotCua's records (also used by tests and the bench). */
export async function verifyDocument(deps: Pick<AppDeps, 'db' | 'config' | 'clock'>, bytes: Uint8Array): Promise<VerificationResponse> {
  const services = signatureServices(deps);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const verification = await services.verifier.verify(bytes, await services.trustedRoots(), deps.clock.now(), {
    revocation: services.revocationSource,
  });
  const issued = verification.isPdf ? await findIssuedBySha256(deps.db, sha256) : null;
  const report = reportVerification(verification, sha256, issued);
  return {
    verdict: report.verdict,
    sha256,
    sizeBytes: bytes.length,
    signatures: report.signatures.map(checkView),
    issued: report.issued ? issuedView(report.issued) : null,
    isReplaced: report.isReplaced,
  };
}

export async function verificationRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const limits = deps.config.signatures;
  const rateLimit = { rateLimit: { max: limits.verifyRateLimitPerMinute, timeWindow: '1 minute' } };
  app.addContentTypeParser(['application/pdf', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: limits.verifyMaxBytes }, (_request, body, done) =>
    done(null, body),
  );

  api.post(
    '/verify',
    {
      config: rateLimit,
      bodyLimit: limits.verifyMaxBytes,
      schema: {
        tags: ['verification'],
        summary: 'Verify the digital signatures of a PDF (send the file as the body, Content-Type: application/pdf)',
        response: { 200: verificationResponse, 400: problemSchema, 413: problemSchema, 415: problemSchema, 429: problemSchema },
      },
    },
    async (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new DomainErrorException({ code: 'VALIDATION_FAILED', message: 'Send the PDF file as the request body', details: { field: 'body' } });
      }
      const result = await verifyDocument(deps, body);
      if (result.verdict === 'not_pdf') throw new DomainErrorException(signatureError('VERIFICATION_NOT_PDF', 'The file does not start like a PDF'));
      return result;
    },
  );

  const notFound = () => new DomainErrorException({ code: 'NOT_FOUND', message: 'MotCua issued no such document', details: { entity: 'document' } });
  const recordView = (issued: IssuedRecordWithHash) => ({ ...issuedView(issued), isReplaced: issued.isReplaced, sha256: issued.sha256 });

  api.get(
    '/verify/documents/:id',
    {
      config: rateLimit,
      schema: {
        tags: ['verification'],
        summary: 'The record of an issued signed document (the target of its QR code)',
        params: issuedDocumentParams,
        response: { 200: issuedDocumentResponse, 404: problemSchema, 429: problemSchema },
      },
    },
    async (request) => {
      const issued = await findIssuedById(deps.db, request.params.id);
      if (!issued) throw notFound();
      return recordView(issued);
    },
  );

  api.get(
    '/verify/hashes/:sha256',
    {
      config: rateLimit,
      schema: {
        tags: ['verification'],
        summary: 'The record of an issued signed document found by the SHA-256 of its file',
        params: z.object({ sha256: z.string() }),
        response: { 200: issuedDocumentResponse, 404: problemSchema, 429: problemSchema },
      },
    },
    async (request) => {
      const sha256 = request.params.sha256.toLowerCase();
      const issued = await findIssuedBySha256(deps.db, sha256);
      if (!issued) throw notFound();
      return recordView(issued);
    },
  );
}
