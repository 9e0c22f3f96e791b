/** Reading X.509 certificates (pkijs) into the core's CertificateSummary. */
import * as pkijs from 'pkijs';
import type { CertificateSummary } from '@motcua/core/signatures';
import { sha256 } from './cms';

const attributeNames: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '0.9.2342.19200300.100.1.1': 'UID',
  '1.2.840.113549.1.9.1': 'E',
};

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(toArrayBuffer(der));
}

export function certificateDer(certificate: pkijs.Certificate): Uint8Array {
  return new Uint8Array(certificate.toSchema(true).toBER(false));
}

function attribute(name: pkijs.RelativeDistinguishedNames, type: string): string | null {
  const found = name.typesAndValues.find((entry) => entry.type === type);
  const value = found?.value.valueBlock.value as unknown;
  return typeof value === 'string' ? value.normalize('NFC') : null;
}

/** RFC 4514-like, most significant first as written in the certificate: "CN=…, O=…, C=VN". */
export function distinguishedName(name: pkijs.RelativeDistinguishedNames): string {
  return [...name.typesAndValues]
    .reverse()
    .map((entry) => {
      const value = entry.value.valueBlock.value as unknown;
      return `${attributeNames[entry.type] ?? entry.type}=${typeof value === 'string' ? value.normalize('NFC') : '#'}`;
    })
    .join(', ');
}

export function summariseCertificate(certificate: pkijs.Certificate): CertificateSummary {
  return {
    subject: distinguishedName(certificate.subject),
    commonName: attribute(certificate.subject, '2.5.4.3'),
    organization: attribute(certificate.subject, '2.5.4.10'),
    issuer: distinguishedName(certificate.issuer),
    serialNumber: Buffer.from(certificate.serialNumber.valueBlock.valueHexView).toString('hex'),
    notBefore: certificate.notBefore.value,
    notAfter: certificate.notAfter.value,
    fingerprint: sha256(certificateDer(certificate)).toString('hex'),
  };
}

/** Does `certificate` chain to one of `roots` (at `at`, signatures and validity periods checked)? */
export async function chainsToTrustedRoot(
  certificate: pkijs.Certificate,
  intermediates: readonly pkijs.Certificate[],
  roots: readonly pkijs.Certificate[],
  at: Date,
): Promise<{ trusted: boolean; reason: string | null }> {
  if (roots.length === 0) return { trusted: false, reason: 'no trusted root configured' };
  try {
    const engine = new pkijs.CertificateChainValidationEngine({
      trustedCerts: [...roots],
      certs: [...intermediates, certificate],
      checkDate: at,
    });
    const result = await engine.verify();
    return { trusted: result.result, reason: result.result ? null : result.resultMessage || 'chain not validated' };
  } catch (error) {
    return { trusted: false, reason: `chain check failed: ${(error as Error).message}` };
  }
}
