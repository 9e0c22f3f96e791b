/**
 * CMS SignedData for PAdES baseline signatures (ETSI EN 319 142-1 B-B, detached, SHA-256): signed attributes
 * content-type, message-digest and ESS signing-certificate-v2; no signing-time attribute (the PDF's /M carries
 * the claimed time). The private-key operation is delegated to a SigningTransport, which receives only the DER of
 * the signed attributes — the same bytes a remote-signing service or an HSM would be given. With a
 * TimestampAuthority, its RFC 3161 token over the signature value is added as an unsigned attribute (B-T).
 */
import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SigningTransport, TimestampAuthority } from '@motcua/core/signatures';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as pkijs.CryptoEngineParameters['crypto'] }));

export const oid = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

const buffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

export const sha256 = (...parts: Uint8Array[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

// A minimal DER writer: the CMS below is assembled from the certificates' own bytes, so nothing is re-encoded
// (pkijs takes ~5 ms to parse and ~5 ms to re-encode one certificate; this keeps a signature near the RSA cost).
function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const tlv = (tag: number, ...parts: Uint8Array[]): Buffer => {
  const content = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);
};
const derOid = (value: string) => Buffer.from(new asn1js.ObjectIdentifier({ value }).toBER(false));
const DER_NULL = Buffer.from([0x05, 0x00]);
const algorithm = (id: string, withNull: boolean) => tlv(0x30, derOid(id), ...(withNull ? [DER_NULL] : []));
const attribute = (type: string, value: Uint8Array) => tlv(0x30, derOid(type), tlv(0x31, value));

interface CertificateParts {
  readonly der: Uint8Array;
  readonly issuerName: Buffer;
  readonly serialNumber: Buffer;
}

const partsCache = new Map<string, CertificateParts>();

/** The issuer Name and serial number TLVs of a certificate, parsed once per certificate. */
function certificateParts(der: Uint8Array): CertificateParts {
  const key = sha256(der).toString('hex');
  const cached = partsCache.get(key);
  if (cached) return cached;
  const certificate = pkijs.Certificate.fromBER(buffer(der));
  const parts = {
    der,
    issuerName: Buffer.from(certificate.issuer.toSchema().toBER(false)),
    serialNumber: Buffer.from(certificate.serialNumber.toBER(false)),
  };
  if (partsCache.size > 1000) partsCache.clear();
  partsCache.set(key, parts);
  return parts;
}

/** Builds the detached CMS over `contentDigest` (SHA-256 of the PDF's byte ranges); returns its DER. */
export async function buildCadesSignature(
  contentDigest: Uint8Array,
  transport: SigningTransport,
  timestampAuthority?: TimestampAuthority,
): Promise<Uint8Array> {
  const [signerDer, ...chainDer] = transport.certificateChain;
  if (!signerDer) throw new Error('the signing transport has no certificate');
  const signer = certificateParts(signerDer);
  // ESS SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 with the default SHA-256
  // hash: { certHash, issuerSerial { issuer GeneralNames { [4] directoryName }, serialNumber } }.
  const essCertId = tlv(0x30, tlv(0x04, sha256(signerDer)), tlv(0x30, tlv(0x30, tlv(0xa4, signer.issuerName)), signer.serialNumber));
  const attributes = [
    attribute(oid.contentType, derOid(oid.data)),
    attribute(oid.messageDigest, tlv(0x04, contentDigest)),
    attribute(oid.signingCertificateV2, tlv(0x30, tlv(0x30, essCertId))),
  ].sort(Buffer.compare); // DER: a SET OF in the order of its encodings
  // What is signed is the attributes as a SET (tag 0x31); the SignerInfo carries them as [0] IMPLICIT.
  const signature = await transport.sign(tlv(0x31, ...attributes));
  const signatureAlgorithm =
    transport.algorithm === 'ECDSA-SHA256' ? algorithm(oid.ecdsaWithSha256, false) : algorithm(oid.sha256WithRsa, true);

  let unsignedAttributes: Buffer[] = [];
  if (timestampAuthority) {
    const token = await timestampAuthority.timestamp(sha256(signature));
    if (asn1js.fromBER(buffer(token)).offset === -1) throw new Error('the timestamp authority returned no DER');
    unsignedAttributes = [tlv(0xa1, attribute(oid.timeStampToken, token))];
  }
  const signerInfo = tlv(
    0x30,
    Buffer.from([0x02, 0x01, 0x01]), // version 1: issuerAndSerialNumber
    tlv(0x30, signer.issuerName, signer.serialNumber),
    algorithm(oid.sha256, false),
    tlv(0xa0, ...attributes),
    signatureAlgorithm,
    tlv(0x04, signature),
    ...unsignedAttributes,
  );
  const signedData = tlv(
    0x30,
    Buffer.from([0x02, 0x01, 0x01]), // version 1
    tlv(0x31, algorithm(oid.sha256, false)),
    tlv(0x30, derOid(oid.data)), // detached: no eContent
    tlv(0xa0, signerDer, ...chainDer),
    tlv(0x31, signerInfo),
  );
  return new Uint8Array(tlv(0x30, derOid(oid.signedData), tlv(0xa0, signedData)));
}
