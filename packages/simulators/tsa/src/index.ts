/**
 * A fake RFC 3161 time-stamping authority (TSA), speaking the real protocol over HTTP:
 *
 *   POST /   Content-Type: application/timestamp-query, body: DER TimeStampReq
 *   → 200    Content-Type: application/timestamp-reply, body: DER TimeStampResp
 *            { status granted, timeStampToken: CMS SignedData over a TSTInfo (eContentType id-ct-TSTInfo) }
 *
 * The token is signed with a DEMO TSA certificate (extended key usage timeStamping, critical; RFC 3161 §2.3) that
 * the simulator issues itself from the issuer it is given (in MotCua's tests, the DEMO root). The signed
 * attributes are content-type, message-digest and ESS signing-certificate-v2 (RFC 5816). The nonce is echoed;
 * certReq true puts the TSA certificate in the token. A request that is not a TimeStampReq gets status rejection
 * (badDataFormat). Faults for the next n requests: HTTP 503, a rejection, a token over another imprint, or one with
 * another nonce. It imports nothing from MotCua: it must not share the client's understanding of the protocol.
 */
import 'reflect-metadata';
import { createHash, webcrypto } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import * as x509 from '@peculiar/x509';
import Fastify from 'fastify';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as pkijs.CryptoEngineParameters['crypto'] }));

const OID = {
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  timeStamping: '1.3.6.1.5.5.7.3.8',
};
const rsa = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 } as const;
const ab = (bytes: Uint8Array): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

export type TsaFault = 'http-503' | 'rejection' | 'wrong-imprint' | 'wrong-nonce';

export interface TsaSimulatorOptions {
  /** Who issues the TSA certificate: DER certificate and PKCS#8 DER key (RSA), e.g. the DEMO root. */
  readonly issuer: { readonly certificate: Uint8Array; readonly privateKey: Uint8Array };
  /** The TSA policy OID written in TSTInfo. */
  readonly policy?: string;
  /** The TSA's clock (genTime). */
  readonly now?: () => Date;
}

export interface TsaSimulator {
  readonly url: string;
  /** DER of the DEMO TSA certificate. */
  readonly certificate: Uint8Array;
  /** Every request body received (DER), valid or not. */
  readonly requests: Uint8Array[];
  /** Tokens issued. */
  issued(): number;
  failNext(count: number, fault: TsaFault): void;
  close(): Promise<void>;
}

async function issueTsaCertificate(issuer: TsaSimulatorOptions['issuer'], now: Date) {
  const issuerCertificate = new x509.X509Certificate(issuer.certificate);
  const issuerKey = await webcrypto.subtle.importKey('pkcs8', issuer.privateKey, rsa, false, ['sign']);
  const keys = (await webcrypto.subtle.generateKey(rsa, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  type Key = Parameters<typeof x509.SubjectKeyIdentifierExtension.create>[0];
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: `02${Buffer.from(webcrypto.getRandomValues(new Uint8Array(15))).toString('hex')}`,
    subject: [{ C: ['VN'] }, { O: ['MotCua DEMO'] }, { CN: ['MotCua DEMO TSA — KHÔNG dùng thật'] }],
    issuer: issuerCertificate.subject,
    notBefore: new Date(now.getTime() - 86_400_000),
    notAfter: new Date(now.getTime() + 5 * 365 * 86_400_000),
    publicKey: keys.publicKey as unknown as Key,
    signingKey: issuerKey as unknown as Key,
    signingAlgorithm: rsa,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      new x509.ExtendedKeyUsageExtension([OID.timeStamping], true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as unknown as Key),
      await x509.AuthorityKeyIdentifierExtension.create(issuerCertificate),
    ],
  });
  return { der: new Uint8Array(certificate.rawData), key: keys.privateKey };
}

const statusOnly = (status: number, failInfo?: number) => {
  const value: asn1js.AsnType[] = [new asn1js.Integer({ value: status })];
  if (failInfo !== undefined) {
    const bits = new Uint8Array(4);
    bits[Math.floor(failInfo / 8)]! |= 0x80 >> failInfo % 8;
    value.push(new asn1js.BitString({ valueHex: bits.buffer, unusedBits: 0 }));
  }
  return new Uint8Array(new asn1js.Sequence({ value: [new asn1js.Sequence({ value })] }).toBER(false));
};

export async function startTsaSimulator(options: TsaSimulatorOptions): Promise<TsaSimulator> {
  const clock = options.now ?? (() => new Date());
  const policy = options.policy ?? '1.3.6.1.4.1.99999.3161.1';
  const tsa = await issueTsaCertificate(options.issuer, clock());
  const tsaCertificate = pkijs.Certificate.fromBER(ab(tsa.der));
  const tsaCertHash = createHash('sha256').update(tsa.der).digest();
  const requests: Uint8Array[] = [];
  let issued = 0;
  let serial = 1000;
  let faults: { count: number; fault: TsaFault } = { count: 0, fault: 'http-503' };

  async function respond(body: Uint8Array): Promise<Uint8Array> {
    let request: pkijs.TimeStampReq;
    try {
      request = pkijs.TimeStampReq.fromBER(ab(body));
    } catch {
      return statusOnly(2, 5); // rejection, badDataFormat
    }
    const fault = faults.count > 0 ? faults.fault : null;
    if (fault) faults = { ...faults, count: faults.count - 1 };
    if (fault === 'rejection') return statusOnly(2, 14); // rejection, timeNotAvailable
    if (request.messageImprint.hashAlgorithm.algorithmId !== OID.sha256) return statusOnly(2, 0); // badAlg

    let imprint = Buffer.from(request.messageImprint.hashedMessage.valueBlock.valueHexView);
    if (fault === 'wrong-imprint') imprint = createHash('sha256').update(imprint).digest();
    let nonce = request.nonce;
    if (fault === 'wrong-nonce') nonce = new asn1js.Integer({ value: 42 });
    const tstInfo = new pkijs.TSTInfo({
      version: 1,
      policy,
      messageImprint: new pkijs.MessageImprint({
        hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
        hashedMessage: new asn1js.OctetString({ valueHex: ab(imprint) }),
      }),
      serialNumber: new asn1js.Integer({ value: (serial += 1) }),
      genTime: clock(),
      accuracy: new pkijs.Accuracy({ seconds: 1 }),
      ...(nonce ? { nonce } : {}),
    });
    const tstDer = tstInfo.toSchema().toBER(false);
    const essCertIdV2 = new asn1js.Sequence({
      value: [
        new asn1js.OctetString({ valueHex: ab(tsaCertHash) }),
        new asn1js.Sequence({
          value: [
            new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [tsaCertificate.issuer.toSchema()] })] }),
            tsaCertificate.serialNumber,
          ],
        }),
      ],
    });
    const signedData = new pkijs.SignedData({
      version: 3,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.tstInfo, eContent: new asn1js.OctetString({ valueHex: tstDer }) }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({ issuer: tsaCertificate.issuer, serialNumber: tsaCertificate.serialNumber }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({
            type: 0,
            attributes: [
              new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.tstInfo })] }),
              new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: ab(createHash('sha256').update(new Uint8Array(tstDer)).digest()) })] }),
              new pkijs.Attribute({ type: OID.signingCertificateV2, values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] })] }),
            ],
          }),
        }),
      ],
      ...(request.certReq ? { certificates: [tsaCertificate] } : {}),
    });
    await signedData.sign(tsa.key, 0, 'SHA-256');
    const token = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
    issued += 1;
    const response = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.Integer({ value: 0 })] }), token.toSchema()] });
    return new Uint8Array(response.toBER(false));
  }

  const app = Fastify({ logger: false });
  app.addContentTypeParser(['application/timestamp-query', 'application/octet-stream'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.post('/', async (request, reply) => {
    const body = Buffer.isBuffer(request.body) ? new Uint8Array(request.body) : new Uint8Array();
    requests.push(body);
    if (request.headers['content-type'] !== 'application/timestamp-query') return reply.code(415).send('expected application/timestamp-query');
    if (faults.count > 0 && faults.fault === 'http-503') {
      faults = { ...faults, count: faults.count - 1 };
      return reply.code(503).send('Service Unavailable');
    }
    return reply.type('application/timestamp-reply').send(Buffer.from(await respond(body)));
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    certificate: tsa.der,
    requests,
    issued: () => issued,
    failNext: (count, fault) => {
      faults = { count, fault };
    },
    close: () => app.close(),
  };
}
