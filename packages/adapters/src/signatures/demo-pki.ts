/**
 * A DEMO public-key infrastructure for the demo data and the tests: a root CA and the certificates it issues to
 * agency seals and to leaders. Every subject carries "DEMO" so nobody mistakes them for real ones; a deployment
 * never trusts the demo root unless told to (see docs/signatures.md). Never for production.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

type KeyPair = webcrypto.CryptoKeyPair;
type SigningKey = X509Params['signingKey'];
type X509Params = Parameters<typeof x509.X509CertificateGenerator.create>[0] & { signingKey: unknown };

const rsa = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
} as const;

export interface Credential {
  /** DER of the certificate. */
  readonly certificate: Uint8Array;
  /** PKCS#8 DER of the private key. */
  readonly privateKey: Uint8Array;
  /** DER of the issuers, nearest first (empty for a root). */
  readonly chain: readonly Uint8Array[];
}

export interface SubjectName {
  readonly commonName: string;
  readonly organization?: string;
  readonly organizationalUnit?: string;
  readonly title?: string;
}

function jsonName(subject: SubjectName): x509.JsonName {
  const name: x509.JsonName = [{ C: ['VN'] }];
  if (subject.organization) name.push({ O: [subject.organization.normalize('NFC')] });
  if (subject.organizationalUnit) name.push({ OU: [subject.organizationalUnit.normalize('NFC')] });
  if (subject.title) name.push({ '2.5.4.12': [subject.title.normalize('NFC')] });
  name.push({ CN: [subject.commonName.normalize('NFC')] });
  return name;
}

async function exportKey(keys: KeyPair): Promise<Uint8Array> {
  return new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
}

const randomSerial = () => `01${Buffer.from(webcrypto.getRandomValues(new Uint8Array(15))).toString('hex')}`;

export async function createCertificateAuthority(input: {
  subject: SubjectName;
  notBefore: Date;
  notAfter: Date;
}): Promise<Credential> {
  const keys = (await webcrypto.subtle.generateKey(rsa, true, ['sign', 'verify'])) as KeyPair;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: jsonName(input.subject),
    notBefore: input.notBefore,
    notAfter: input.notAfter,
    keys: keys as unknown as Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'],
    signingAlgorithm: rsa,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as unknown as SigningKey),
    ],
  });
  return { certificate: new Uint8Array(certificate.rawData), privateKey: await exportKey(keys), chain: [] };
}

/** A document-signing certificate (digitalSignature + nonRepudiation) issued by `issuer`. */
export async function issueSigningCertificate(
  issuer: Credential,
  input: { subject: SubjectName; notBefore: Date; notAfter: Date; crlDistributionPoint?: string },
): Promise<Credential> {
  const issuerCertificate = new x509.X509Certificate(issuer.certificate);
  const issuerKey = await webcrypto.subtle.importKey('pkcs8', issuer.privateKey, rsa, false, ['sign']);
  const keys = (await webcrypto.subtle.generateKey(rsa, true, ['sign', 'verify'])) as KeyPair;
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: jsonName(input.subject),
    issuer: issuerCertificate.subject,
    notBefore: input.notBefore,
    notAfter: input.notAfter,
    publicKey: keys.publicKey as unknown as SigningKey,
    signingKey: issuerKey as unknown as SigningKey,
    signingAlgorithm: rsa,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as unknown as SigningKey),
      await x509.AuthorityKeyIdentifierExtension.create(issuerCertificate),
      ...(input.crlDistributionPoint ? [new x509.CRLDistributionPointsExtension([input.crlDistributionPoint])] : []),
    ],
  });
  return {
    certificate: new Uint8Array(certificate.rawData),
    privateKey: await exportKey(keys),
    chain: [issuer.certificate, ...issuer.chain],
  };
}

export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const base64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${base64.trimEnd()}\n-----END ${label}-----\n`;
}

export interface CrlEntry {
  /** The revoked certificate's serial number, hex. */
  readonly serialNumber: string;
  readonly revokedAt: Date;
  /** RFC 5280 CRLReason name (keyCompromise, superseded, cessationOfOperation …). */
  readonly reason: keyof typeof x509.X509CrlReason | null;
}

/** A CRL signed by `issuer` (the DEMO root) listing `entries`; DER. */
export async function createRevocationList(
  issuer: Credential,
  input: { entries: readonly CrlEntry[]; thisUpdate: Date; nextUpdate: Date },
): Promise<Uint8Array> {
  const issuerCertificate = new x509.X509Certificate(issuer.certificate);
  const issuerKey = await webcrypto.subtle.importKey('pkcs8', issuer.privateKey, rsa, false, ['sign']);
  const crl = await x509.X509CrlGenerator.create({
    issuer: issuerCertificate.subject,
    thisUpdate: input.thisUpdate,
    nextUpdate: input.nextUpdate,
    signingAlgorithm: rsa,
    signingKey: issuerKey as unknown as Parameters<typeof x509.X509CrlGenerator.create>[0]['signingKey'],
    extensions: [await x509.AuthorityKeyIdentifierExtension.create(issuerCertificate)],
    entries: input.entries.map((entry) => ({
      serialNumber: entry.serialNumber,
      revocationDate: entry.revokedAt,
      ...(entry.reason ? { reason: x509.X509CrlReason[entry.reason] } : {}),
    })),
  });
  return new Uint8Array(crl.rawData);
}
