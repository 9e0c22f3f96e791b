/**
 * Certificate revocation by CRL (RFC 5280 §6.3, simplified): for a certificate and its issuer, the CRLs the
 * RevocationListSource finds (configured files, the certificate's distribution points) are kept when issued by
 * that issuer (name and signature), current at the time asked (thisUpdate ≤ at ≤ nextUpdate); the certificate is
 * `revoked` when one lists its serial number, `good` when a current CRL does not, `unknown` when none could be used.
 * Delta CRLs, indirect CRLs and issuing-distribution-point scoping are not handled (state: docs/signatures.md).
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { RevocationCheck, RevocationListSource } from '@motcua/core/signatures';
import { distinguishedName } from './certificates';

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

const CRL_DISTRIBUTION_POINTS = '2.5.29.31';
const CRL_REASON = '2.5.29.21';
export const crlReasons = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'unused',
  'removeFromCRL',
  'privilegeWithdrawn',
  'aACompromise',
] as const;
export type CrlReason = (typeof crlReasons)[number];

/** The http(s) URIs of a certificate's CRL distribution points. */
export function crlDistributionPoints(certificate: pkijs.Certificate): string[] {
  const extension = certificate.extensions?.find((entry) => entry.extnID === CRL_DISTRIBUTION_POINTS);
  const parsed = extension?.parsedValue as pkijs.CRLDistributionPoints | undefined;
  const urls: string[] = [];
  for (const point of parsed?.distributionPoints ?? []) {
    const names = Array.isArray(point.distributionPoint) ? point.distributionPoint : [];
    for (const name of names) {
      if (name.type === 6 && typeof name.value === 'string' && /^https?:\/\//i.test(name.value)) urls.push(name.value);
    }
  }
  return urls;
}

function reasonOf(entry: pkijs.RevokedCertificate): CrlReason | null {
  const extension = entry.crlEntryExtensions?.extensions.find((item) => item.extnID === CRL_REASON);
  if (!extension) return null;
  const parsed = asn1js.fromBER(toArrayBuffer(extension.extnValue.valueBlock.valueHexView));
  const code = parsed.result instanceof asn1js.Enumerated ? parsed.result.valueBlock.valueDec : -1;
  return crlReasons[code] ?? null;
}

const unknown = (certificate: pkijs.Certificate, problem: string | null = null): RevocationCheck & { problem: string | null } => ({
  subject: distinguishedName(certificate.subject),
  serialNumber: Buffer.from(certificate.serialNumber.valueBlock.valueHexView).toString('hex'),
  status: 'unknown',
  revokedAt: null,
  reason: null,
  source: null,
  problem,
});

/** The revocation status of `certificate` issued by `issuer`, at `at`. Never throws. */
export async function checkRevocation(
  certificate: pkijs.Certificate,
  issuer: pkijs.Certificate | undefined,
  source: RevocationListSource,
  at: Date,
): Promise<RevocationCheck & { problem: string | null }> {
  if (!issuer) return unknown(certificate, 'revocation unknown: the issuer certificate is not available');
  let found: readonly { source: string; der: Uint8Array }[];
  try {
    found = await source.find(crlDistributionPoints(certificate));
  } catch {
    found = [];
  }
  let good: string | null = null;
  for (const candidate of found) {
    let crl: pkijs.CertificateRevocationList;
    try {
      crl = pkijs.CertificateRevocationList.fromBER(toArrayBuffer(candidate.der));
      if (!crl.issuer.isEqual(issuer.subject)) continue;
      if (!(await crl.verify({ issuerCertificate: issuer }))) continue;
    } catch {
      continue;
    }
    if (crl.thisUpdate.value.getTime() > at.getTime() + 5 * 60_000) continue;
    const entry = crl.revokedCertificates?.find((item) => item.userCertificate.isEqual(certificate.serialNumber));
    if (entry) {
      return {
        ...unknown(certificate),
        status: 'revoked',
        revokedAt: entry.revocationDate.value,
        reason: reasonOf(entry),
        source: candidate.source,
        problem: `certificate revoked on ${entry.revocationDate.value.toISOString()} (${reasonOf(entry) ?? 'no reason given'})`,
      };
    }
    // A stale list (past nextUpdate) cannot say "not revoked" now; a listed entry above stays true.
    if (!crl.nextUpdate || crl.nextUpdate.value.getTime() >= at.getTime()) good ??= candidate.source;
  }
  if (good) return { ...unknown(certificate), status: 'good', source: good };
  return unknown(certificate, found.length === 0 ? 'revocation unknown: no CRL reachable' : 'revocation unknown: no current CRL of the issuer');
}

/** Signer first, then each intermediate up to (not including) a self-signed root, each with its issuer. */
export function certificatePath(
  signer: pkijs.Certificate,
  pool: readonly pkijs.Certificate[],
): { certificate: pkijs.Certificate; issuer: pkijs.Certificate | undefined }[] {
  const path: { certificate: pkijs.Certificate; issuer: pkijs.Certificate | undefined }[] = [];
  let current: pkijs.Certificate | undefined = signer;
  while (current && path.length < 8 && !current.subject.isEqual(current.issuer)) {
    const issuerName: pkijs.RelativeDistinguishedNames = current.issuer;
    const issuer: pkijs.Certificate | undefined = pool.find((entry) => entry.subject.isEqual(issuerName));
    path.push({ certificate: current, issuer });
    current = issuer;
  }
  return path;
}
