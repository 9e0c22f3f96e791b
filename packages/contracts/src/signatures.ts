/** Certificate store administration and public PDF verification. */
import { z } from 'zod';

export const certificatePurposeValues = ['seal', 'personal'] as const;
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const certificateResponse = z.object({
  id: z.string(),
  agencyId: z.string(),
  purpose: z.enum(certificatePurposeValues),
  holderUserId: z.string().nullable(),
  subject: z.string(),
  commonName: z.string().nullable(),
  organization: z.string().nullable(),
  issuer: z.string(),
  serialNumber: z.string(),
  fingerprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  transport: z.string(),
  isDemo: z.boolean(),
  isActive: z.boolean(),
  importedAt: z.string(),
  expiry: z.enum(['valid', 'expiring', 'expired']),
  daysLeft: z.number().int(),
});
export type CertificateResponse = z.infer<typeof certificateResponse>;

export const certificateListQuery = z.object({
  agencyId: z.string().optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
  /** Only certificates expired or expiring within the configured warning window. */
  expiring: z.enum(['true', 'false']).optional(),
});
export const certificateListResponse = z.object({ items: z.array(certificateResponse), warningDays: z.number().int() });

export const importCertificateBody = z.object({
  agencyId: z.uuid(),
  purpose: z.enum(certificatePurposeValues),
  /** Required for a personal certificate: the officer who signs with it. */
  holderUserId: z.uuid().optional(),
  /** The .p12/.pfx file, base64. */
  pkcs12: z.base64().min(16).max(200_000),
  password: z.string().max(200),
});
export const certificateParams = z.object({ id: z.string() });
export const deactivateCertificateBody = z.object({ reason: z.string().trim().min(3).max(500) });

export const signatureCheckResponse = z.object({
  signerName: z.string().nullable(),
  organization: z.string().nullable(),
  subject: z.string().nullable(),
  issuer: z.string().nullable(),
  certificateFingerprint: z.string().nullable(),
  certificateNotAfter: z.string().nullable(),
  claimedSigningTime: z.string().nullable(),
  reason: z.string().nullable(),
  subFilter: z.string().nullable(),
  isIntact: z.boolean(),
  isTrusted: z.boolean(),
  coversWholeDocument: z.boolean(),
  hasSigningCertificateV2: z.boolean(),
  hasTimestamp: z.boolean(),
  /** The RFC 3161 signature timestamp (PAdES B-T): trusted time, the authority, and whether it holds. */
  timestamp: z
    .object({ time: z.string().nullable(), tsa: z.string().nullable(), valid: z.boolean(), isIntact: z.boolean(), isTrusted: z.boolean() })
    .nullable(),
  /** Revocation (CRL) of the signer's certificate and its intermediates, signer first. */
  revocation: z.array(
    z.object({
      subject: z.string(),
      serialNumber: z.string(),
      status: z.enum(['good', 'revoked', 'unknown']),
      revokedAt: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
  problems: z.array(z.string()),
});

export const verificationVerdictValues = ['valid', 'untrusted', 'invalid', 'revoked', 'unsigned', 'not_pdf'] as const;

export const verificationResponse = z.object({
  verdict: z.enum(verificationVerdictValues),
  sha256: sha256Hex,
  sizeBytes: z.number().int(),
  signatures: z.array(signatureCheckResponse),
  /** MotCua's record of a file with exactly these bytes; null when this deployment never issued it. */
  issued: z
    .object({
      documentId: z.string(),
      agencyName: z.string().nullable(),
      title: z.string().nullable(),
      dossierCode: z.string().nullable(),
      /** null: these bytes are the unsigned original MotCua issued (the signed version differs). */
      signedAt: z.string().nullable(),
      replacedAt: z.string().nullable(),
    })
    .nullable(),
  isReplaced: z.boolean(),
});
export type VerificationResponse = z.infer<typeof verificationResponse>;
export type SignatureCheckResponse = z.infer<typeof signatureCheckResponse>;

export const issuedDocumentParams = z.object({ id: z.string() });
/** What the QR link answers without the file: the record, and the hash to compare a copy with. */
export const issuedDocumentResponse = z.object({
  documentId: z.string(),
  agencyName: z.string().nullable(),
  title: z.string().nullable(),
  dossierCode: z.string().nullable(),
  /** null: issued but not signed (yet). */
  signedAt: z.string().nullable(),
  replacedAt: z.string().nullable(),
  isReplaced: z.boolean(),
  /** SHA-256 of the file MotCua holds for it: the signed file once signed. */
  sha256: sha256Hex,
});

/**
 * Where the signing of one issued document stands (the leader's desk polls it after the approval):
 * `not_requested` (not approved yet), `queued`, `signing`, `retrying` (an attempt failed; `problem` says why, in a
 * stable word: `no_certificate` when the agency has no usable seal or signer certificate, else `error`),
 * `failed` (given up), `signed`.
 */
export const signingStateValues = ['not_requested', 'queued', 'signing', 'retrying', 'failed', 'signed'] as const;
export const signingStatusResponse = z.object({
  documentId: z.string(),
  state: z.enum(signingStateValues),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  problem: z.enum(['no_certificate', 'error']).nullable(),
  signedAt: z.string().nullable(),
  signers: z.array(z.object({ commonName: z.string().nullable(), purpose: z.enum(certificatePurposeValues) })),
  signedUrl: z.string().nullable(),
});
export type SigningStatusResponse = z.infer<typeof signingStatusResponse>;

/**
 * The result documents I approved recently (GET /signatures/recent-approvals), newest first: the leader's desk polls
 * each one's signing (GET …/documents/{id}/signing) so that its progress survives a reload.
 */
export const recentApprovalsQuery = z.strictObject({
  /** How far back, in hours (24 by default, at most a week). */
  hours: z.coerce.number().int().min(1).max(168).default(24),
});
export const recentApprovalsResponse = z.object({
  items: z.array(
    z.object({
      documentId: z.string(),
      dossierId: z.string(),
      dossierCode: z.string().nullable(),
      title: z.string(),
      approvedAt: z.string(),
    }),
  ),
});
