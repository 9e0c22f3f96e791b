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

/** ESS SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } with the default SHA-256 hash. */
function signingCertificateV2(certificate: pkijs.Certificate, certificateDer: Uint8Array): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [certificate.issuer.toSchema()] })],
      }),
      certificate.serialNumber,
    ],
  });
  const certId = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: buffer(sha256(certificateDer)) }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [certId] })] });
}

/** Builds the detached CMS over `contentDigest` (SHA-256 of the PDF's byte ranges); returns its DER. */
export async function buildCadesSignature(
  contentDigest: Uint8Array,
  transport: SigningTransport,
  timestampAuthority?: TimestampAuthority,
): Promise<Uint8Array> {
  const [signerDer, ...chainDer] = transport.certificateChain;
  if (!signerDer) throw new Error('the signing transport has no certificate');
  const certificate = pkijs.Certificate.fromBER(buffer(signerDer));
  const sha256Algorithm = () => new pkijs.AlgorithmIdentifier({ algorithmId: oid.sha256 });
  const signatureAlgorithm =
    transport.algorithm === 'ECDSA-SHA256'
      ? new pkijs.AlgorithmIdentifier({ algorithmId: oid.ecdsaWithSha256 })
      : new pkijs.AlgorithmIdentifier({ algorithmId: oid.sha256WithRsa, algorithmParams: new asn1js.Null() });

  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: oid.contentType, values: [new asn1js.ObjectIdentifier({ value: oid.data })] }),
      new pkijs.Attribute({ type: oid.messageDigest, values: [new asn1js.OctetString({ valueHex: buffer(contentDigest) })] }),
      new pkijs.Attribute({ type: oid.signingCertificateV2, values: [signingCertificateV2(certificate, signerDer)] }),
    ],
  });
  // What is signed is the DER of the attributes as a SET (tag 0x31), not as the [0] IMPLICIT in the SignerInfo.
  const toSign = new Uint8Array(signedAttrs.toSchema().toBER(false));
  toSign[0] = 0x31;
  signedAttrs.encodedValue = buffer(toSign);
  const signature = await transport.sign(toSign);

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
    digestAlgorithm: sha256Algorithm(),
    signedAttrs,
    signatureAlgorithm,
    signature: new asn1js.OctetString({ valueHex: buffer(signature) }),
  });
  if (timestampAuthority) {
    const token = await timestampAuthority.timestamp(sha256(signature));
    const parsed = asn1js.fromBER(buffer(token));
    if (parsed.offset === -1) throw new Error('the timestamp authority returned no DER');
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: oid.timeStampToken, values: [parsed.result] })],
    });
  }

  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256Algorithm()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: oid.data }),
    signerInfos: [signerInfo],
    certificates: [certificate, ...chainDer.map((der) => pkijs.Certificate.fromBER(buffer(der)))],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: oid.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}
