/**
 * RFC 3161 time-stamp tokens: reading one (a CMS SignedData whose content is a TSTInfo) and checking it against
 * the signature value it should cover. Used by the TSA client (on receipt) and by the verifier (PAdES B-T).
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { TimestampCheck } from '@motcua/core/signatures';
import { chainsToTrustedRoot, distinguishedName } from './certificates';
import { oid } from './cms';

export const tspOid = {
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  extendedKeyUsage: '2.5.29.37',
  timeStamping: '1.3.6.1.5.5.7.3.8',
} as const;

const digestNames: Record<string, string> = {
  [oid.sha256]: 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

export interface ParsedTimestampToken {
  readonly signedData: pkijs.SignedData;
  readonly tstInfo: pkijs.TSTInfo;
  /** Hash algorithm OID and value of the message imprint. */
  readonly imprintAlgorithm: string;
  readonly imprint: Buffer;
  readonly nonce: Buffer | null;
}

/** Parses a TimeStampToken's DER; throws with a plain message when it is not one. */
export function parseTimestampToken(der: Uint8Array): ParsedTimestampToken {
  const contentInfo = pkijs.ContentInfo.fromBER(toArrayBuffer(der));
  if (contentInfo.contentType !== oid.signedData) throw new Error('the token is not a CMS SignedData');
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  if (signedData.encapContentInfo.eContentType !== tspOid.tstInfo) throw new Error('the token does not hold a TSTInfo');
  const content = signedData.encapContentInfo.eContent;
  if (!content) throw new Error('the token has no TSTInfo content');
  const tstInfo = pkijs.TSTInfo.fromBER(content.getValue());
  return {
    signedData,
    tstInfo,
    imprintAlgorithm: tstInfo.messageImprint.hashAlgorithm.algorithmId,
    imprint: Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView),
    nonce: tstInfo.nonce ? Buffer.from(tstInfo.nonce.valueBlock.valueHexView) : null,
  };
}

/** Does the token's imprint equal the hash (with the token's own algorithm) of `data`? */
export function imprintMatches(token: ParsedTimestampToken, data: Uint8Array): boolean {
  const name = digestNames[token.imprintAlgorithm];
  return name !== undefined && createHash(name).update(data).digest().equals(token.imprint);
}

function isTimeStampingCertificate(certificate: pkijs.Certificate): boolean {
  const extension = certificate.extensions?.find((entry) => entry.extnID === tspOid.extendedKeyUsage);
  const usage = extension?.parsedValue as pkijs.ExtKeyUsage | undefined;
  // RFC 3161 §2.3: exactly one key purpose, id-kp-timeStamping, and the extension MUST be critical.
  return extension?.critical === true && usage?.keyPurposes.length === 1 && usage.keyPurposes[0] === tspOid.timeStamping;
}

/**
 * Checks a signature timestamp: the token reads, its CMS signature holds over its TSTInfo, its imprint is the hash
 * of `signatureValue`, and the TSA certificate is a time-stamping certificate chaining to `roots` at genTime.
 * Never throws: a broken token is a check with problems.
 */
export async function checkTimestampToken(
  der: Uint8Array,
  signatureValue: Uint8Array,
  roots: readonly pkijs.Certificate[],
): Promise<TimestampCheck> {
  const problems: string[] = [];
  let token: ParsedTimestampToken;
  try {
    token = parseTimestampToken(der);
  } catch (error) {
    return { time: null, tsa: null, isIntact: false, isTrusted: false, valid: false, problems: [`timestamp unreadable: ${(error as Error).message}`] };
  }
  const time = token.tstInfo.genTime;
  const certificates = (token.signedData.certificates ?? []).filter((entry): entry is pkijs.Certificate => entry instanceof pkijs.Certificate);
  const sid = token.signedData.signerInfos[0]?.sid;
  const tsaCertificate =
    sid instanceof pkijs.IssuerAndSerialNumber
      ? certificates.find((entry) => entry.issuer.isEqual(sid.issuer) && entry.serialNumber.isEqual(sid.serialNumber))
      : undefined;
  const tsa = tsaCertificate
    ? ((tsaCertificate.subject.typesAndValues.find((entry) => entry.type === '2.5.4.3')?.value.valueBlock.value as string | undefined) ??
      distinguishedName(tsaCertificate.subject))
    : null;

  let isIntact = imprintMatches(token, signatureValue);
  if (!isIntact) problems.push('timestamp imprint does not match the signature value');
  else {
    // pkijs checks the imprint against `data` again, then the token's signature over its signed attributes.
    try {
      const result = await token.signedData.verify({ signer: 0, data: toArrayBuffer(signatureValue), checkChain: false, extendedMode: true });
      if (result.signatureVerified !== true) {
        isIntact = false;
        problems.push(`timestamp token signature does not hold (${result.message || 'mismatch'})`);
      }
    } catch (error) {
      isIntact = false;
      problems.push(`timestamp token signature does not hold (${(error as { message?: string }).message ?? String(error)})`);
    }
  }

  let isTrusted = false;
  if (!tsaCertificate) problems.push('timestamp: the TSA certificate is not in the token');
  else if (!isTimeStampingCertificate(tsaCertificate)) problems.push('timestamp: the TSA certificate is not for time-stamping (critical EKU)');
  else {
    const chain = await chainsToTrustedRoot(tsaCertificate, certificates.filter((entry) => entry !== tsaCertificate), roots, time);
    isTrusted = chain.trusted;
    if (!chain.trusted) problems.push(`timestamp authority not trusted: ${chain.reason}`);
  }
  return { time, tsa: tsa ? tsa.normalize('NFC') : null, isIntact, isTrusted, valid: isIntact && isTrusted, problems };
}
