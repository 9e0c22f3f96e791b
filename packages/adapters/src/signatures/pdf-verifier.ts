/**
 * Verifies every signature of a PDF (pkijs): for each /ByteRange, the CMS signature over exactly those bytes, the
 * signer's chain to the trusted roots, ESS signing-certificate-v2, and whether the signed range runs to the end of
 * the file. Bad input is a verdict, never an exception.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type {
  PdfSignatureCheck,
  PdfSignatureVerifier,
  PdfVerification,
  RevocationCheck,
  TimestampCheck,
  VerifyOptions,
} from '@motcua/core/signatures';
import { chainsToTrustedRoot, parseCertificate, summariseCertificate, certificateDer } from './certificates';
import { oid, sha256 } from './cms';
import { certificatePath, checkRevocation } from './revocation';
import { checkTimestampToken } from './timestamp-token';

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

/** Decodes a PDF string token: (literal) with escapes, or <hex>, UTF-16BE when it starts with a BOM. */
export function decodePdfString(token: string): string {
  let bytes: number[];
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/g, '');
    bytes = (hex.match(/.{1,2}/g) ?? []).map((pair) => Number.parseInt(pair.padEnd(2, '0'), 16));
  } else {
    const body = token.slice(1, -1);
    bytes = [];
    for (let index = 0; index < body.length; index += 1) {
      const char = body[index]!;
      if (char !== '\\') {
        bytes.push(char.charCodeAt(0) & 0xff);
        continue;
      }
      const escaped = body[++index] ?? '';
      const simple: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
      if (escaped in simple) bytes.push(simple[escaped]!);
      else if (/[0-7]/.test(escaped)) {
        const octal = /^[0-7]{1,3}/.exec(body.slice(index))![0];
        bytes.push(Number.parseInt(octal, 8) & 0xff);
        index += octal.length - 1;
      }
    }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.slice(2)).swap16().toString('utf16le').normalize('NFC');
  return Buffer.from(bytes).toString('latin1');
}

/** The /M date: D:YYYYMMDDHHmmSS followed by Z or ±HH'mm'. */
export function parsePdfDate(value: string): Date | null {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value);
  if (!match) return null;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', zone = 'Z'] = match;
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5) || '00'}`;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function dictionaryEntry(dictionary: string, key: string): string | null {
  const match = new RegExp(`/${key}\\s*(\\((?:\\\\.|[^\\\\)])*\\)|<[0-9A-Fa-f\\s]*>|/[^\\s/<>\\[\\]()]+)`).exec(dictionary);
  return match ? match[1]! : null;
}

interface Candidate {
  readonly range: readonly [number, number, number, number];
  readonly dictionary: string;
}

function findSignatures(pdf: Uint8Array, text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const range = match.slice(1, 5).map(Number) as [number, number, number, number];
    const begin = Math.max(text.lastIndexOf(' obj', match.index), 0);
    const endAt = text.indexOf('endobj', match.index);
    const dictionary = text.slice(begin, endAt < 0 ? pdf.length : endAt).replace(/\/Contents\s*<[0-9A-Fa-f\s]*>/, '');
    found.push({ range, dictionary });
  }
  return found;
}

async function checkSignature(
  pdf: Uint8Array,
  text: string,
  candidate: Candidate,
  roots: readonly pkijs.Certificate[],
  at: Date,
  options: VerifyOptions,
): Promise<PdfSignatureCheck> {
  const [start, firstLength, secondStart, secondLength] = candidate.range;
  const subFilter = dictionaryEntry(candidate.dictionary, 'SubFilter');
  const claimed = dictionaryEntry(candidate.dictionary, 'M');
  const reason = dictionaryEntry(candidate.dictionary, 'Reason');
  const base = {
    subFilter: subFilter ? subFilter.replace(/^\//, '') : null,
    claimedSigningTime: claimed ? parsePdfDate(decodePdfString(claimed)) : null,
    reason: reason ? decodePdfString(reason) : null,
    coversWholeDocument: secondStart + secondLength === pdf.length,
  };
  const broken = (problem: string): PdfSignatureCheck => ({
    ...base,
    isIntact: false,
    isTrusted: false,
    hasSigningCertificateV2: false,
    hasTimestamp: false,
    timestamp: null,
    revocation: [],
    signer: null,
    problems: [problem],
  });
  if (start !== 0 || firstLength <= 0 || secondStart <= firstLength || secondStart + secondLength > pdf.length) {
    return broken('the byte range does not fit the file');
  }
  const gap = text.slice(firstLength, secondStart);
  if (!/^<[0-9A-Fa-f]*>$/.test(gap)) return broken('the byte range leaves out more than the signature value');

  let signedData: pkijs.SignedData;
  try {
    const der = Buffer.from(gap.slice(1, -1), 'hex');
    const contentInfo = pkijs.ContentInfo.fromBER(toArrayBuffer(der));
    if (contentInfo.contentType !== oid.signedData) return broken('the signature value is not a CMS SignedData');
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch (error) {
    return broken(`the signature value cannot be read: ${(error as Error).message}`);
  }
  const signerInfo = signedData.signerInfos[0];
  const certificates = (signedData.certificates ?? []).filter((entry): entry is pkijs.Certificate => entry instanceof pkijs.Certificate);
  const sid = signerInfo?.sid;
  const signerCertificate =
    sid instanceof pkijs.IssuerAndSerialNumber
      ? certificates.find((entry) => entry.issuer.isEqual(sid.issuer) && entry.serialNumber.isEqual(sid.serialNumber))
      : undefined;
  if (!signerInfo || !signerCertificate) return broken('the signer certificate is not in the signature');

  const problems: string[] = [];
  const data = Buffer.concat([pdf.subarray(0, firstLength), pdf.subarray(secondStart, secondStart + secondLength)]);
  let isIntact = false;
  try {
    const result = await signedData.verify({ signer: 0, data: toArrayBuffer(data), checkChain: false, extendedMode: true });
    isIntact = result.signatureVerified === true;
    if (!isIntact) problems.push(`signature does not match the signed bytes (${result.message || 'digest or signature mismatch'})`);
  } catch (error) {
    const message = (error as { message?: string }).message ?? String(error);
    problems.push(`signature does not match the signed bytes (${message})`);
  }
  const chain = await chainsToTrustedRoot(
    signerCertificate,
    certificates.filter((entry) => entry !== signerCertificate),
    roots,
    at,
  );
  if (!chain.trusted) problems.push(`certificate not trusted: ${chain.reason}`);

  const essAttribute = signerInfo.signedAttrs?.attributes.find((entry) => entry.type === oid.signingCertificateV2);
  const hasSigningCertificateV2 = essAttribute !== undefined && essCertHashMatches(essAttribute, signerCertificate);
  if (!hasSigningCertificateV2) problems.push('no matching ESS signing-certificate-v2 attribute (not PAdES baseline)');
  const tokenAttribute = signerInfo.unsignedAttrs?.attributes.find((entry) => entry.type === oid.timeStampToken);
  let timestamp: TimestampCheck | null = null;
  if (tokenAttribute) {
    const value = tokenAttribute.values[0] as asn1js.BaseBlock | undefined;
    const tokenDer = value ? new Uint8Array(value.valueBeforeDecodeView) : new Uint8Array();
    timestamp = await checkTimestampToken(tokenDer, new Uint8Array(signerInfo.signature.valueBlock.valueHexView), roots);
    problems.push(...timestamp.problems);
  }
  const revocation: RevocationCheck[] = [];
  for (const { certificate, issuer } of certificatePath(signerCertificate, [...certificates, ...roots])) {
    // Distribution points are fetched only for chains the deployment trusts: an uploaded file's own certificate
    // must not make the server call addresses of its author's choosing.
    const check = chain.trusted && options.revocation
      ? await checkRevocation(certificate, issuer, options.revocation, at)
      : { ...(await checkRevocation(certificate, issuer, { find: async () => [] }, at)), problem: null };
    if (check.problem) problems.push(check.problem);
    const { problem: _problem, ...entry } = check;
    revocation.push(entry);
  }
  if (!base.coversWholeDocument) problems.push('content was appended after this signature');

  return {
    ...base,
    isIntact,
    isTrusted: chain.trusted,
    hasSigningCertificateV2,
    hasTimestamp: tokenAttribute !== undefined,
    timestamp,
    revocation,
    signer: summariseCertificate(signerCertificate),
    problems,
  };
}

function essCertHashMatches(attribute: pkijs.Attribute, certificate: pkijs.Certificate): boolean {
  try {
    const value = attribute.values[0] as asn1js.Sequence;
    const certs = value.valueBlock.value[0] as asn1js.Sequence;
    const first = certs.valueBlock.value[0] as asn1js.Sequence;
    const hash = first.valueBlock.value[0] as asn1js.OctetString;
    return Buffer.from(hash.valueBlock.valueHexView).equals(sha256(certificateDer(certificate)));
  } catch {
    return false;
  }
}

export function createPdfSignatureVerifier(): PdfSignatureVerifier {
  return {
    async verify(pdf: Uint8Array, trustedRoots: readonly Uint8Array[], at: Date = new Date(), options: VerifyOptions = {}): Promise<PdfVerification> {
      if (!isPdf(pdf)) return { isPdf: false, signatures: [] };
      const roots: pkijs.Certificate[] = [];
      for (const der of trustedRoots) {
        try {
          roots.push(parseCertificate(der));
        } catch {
          // A configured root that cannot be read trusts nothing; the configuration check reports it at start-up.
        }
      }
      const text = Buffer.from(pdf).toString('latin1');
      const signatures: PdfSignatureCheck[] = [];
      for (const candidate of findSignatures(pdf, text)) signatures.push(await checkSignature(pdf, text, candidate, roots, at, options));
      return { isPdf: true, signatures };
    },
  };
}
