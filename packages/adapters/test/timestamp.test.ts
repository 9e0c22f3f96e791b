/**
 * PAdES B-T and revocation: our RFC 3161 client against the fake TSA (packages/simulators/tsa, the real protocol
 * over HTTP), judged by poppler's pdfsig and by our verifier (token imprint, token signature, TSA chain); CRLs of
 * the CA fetched from the certificate's distribution point over HTTP or read from a configured file.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { verdictOf } from '@motcua/core/signatures';
import {
  createCertificateAuthority,
  createCrlSource,
  createLocalKeyTransport,
  createPadesSigner,
  createPdfSignatureVerifier,
  createRevocationList,
  createRfc3161Client,
  issueSigningCertificate,
  sha256,
  toPem,
  TimestampAuthorityError,
  type Credential,
} from '@motcua/adapters/signatures';
import { startTsaSimulator, type TsaSimulator } from '../../simulators/tsa/src/index';
import { createPdfsigJudge, type PdfsigJudge } from '../../../test-support/pdfsig';

const validity = { notBefore: new Date(Date.now() - 86_400_000), notAfter: new Date(Date.now() + 3 * 365 * 86_400_000) };

async function samplePdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage([420, 595]);
  page.drawText('KET QUA GIAI QUYET TTHC (test B-T)', { x: 30, y: 540, size: 11, font: await document.embedFont(StandardFonts.TimesRoman) });
  return document.save({ useObjectStreams: false });
}

/** A CA's CRL endpoint (an outside system): serves whatever list is set, or nothing while "down". */
function startCrlServer(): Promise<{ url: string; set(der: Uint8Array | null): void; hits(): number; close(): Promise<void> }> {
  let current: Uint8Array | null = null;
  let hits = 0;
  const server: Server = createServer((request, response) => {
    hits += 1;
    if (!current) return response.writeHead(503).end();
    response.writeHead(200, { 'content-type': 'application/pkix-crl' }).end(Buffer.from(current));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/demo-root.crl`,
        set: (der) => {
          current = der;
        },
        hits: () => hits,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

describe('PAdES B-T: RFC 3161 timestamps from the fake TSA', () => {
  let ca: Credential;
  let foreignCa: Credential;
  let seal: Credential;
  let tsa: TsaSimulator;
  let foreignTsa: TsaSimulator;
  let judge: PdfsigJudge;
  const signer = createPadesSigner();
  const verifier = createPdfSignatureVerifier();
  const transport = (credential: Credential) =>
    createLocalKeyTransport({ privateKey: credential.privateKey, certificateChain: [credential.certificate, ...credential.chain] });
  const request = { name: 'UBND phường Thuận Hóa (DEMO)', reason: 'Đóng dấu cơ quan', signingTime: new Date() };

  beforeAll(async () => {
    ca = await createCertificateAuthority({ subject: { commonName: 'MotCua DEMO Root CA (B-T)', organization: 'MotCua DEMO' }, ...validity });
    foreignCa = await createCertificateAuthority({ subject: { commonName: 'Foreign Root (B-T)' }, ...validity });
    seal = await issueSigningCertificate(ca, { subject: { commonName: 'UBND phường Thuận Hóa (DEMO)', organization: 'UBND phường Thuận Hóa (DEMO)' }, ...validity });
    tsa = await startTsaSimulator({ issuer: ca });
    foreignTsa = await startTsaSimulator({ issuer: foreignCa });
    judge = createPdfsigJudge([{ name: 'motcua-demo-root-bt', pem: toPem(ca.certificate) }]);
  }, 60_000);
  afterAll(async () => {
    judge?.close();
    await tsa?.close();
    await foreignTsa?.close();
  });

  it('the signed PDF carries a signature timestamp; pdfsig says valid; our verifier validates the token', async () => {
    const before = Date.now();
    const signed = await signer.sign(await samplePdf(), request, transport(seal), createRfc3161Client({ url: tsa.url }));
    expect(tsa.issued()).toBe(1);
    const output = judge.check(signed);
    expect(output).toContain('Signature is Valid.');
    expect(output).toContain('Certificate is Trusted.');

    const result = await verifier.verify(signed, [ca.certificate]);
    const [check] = result.signatures;
    expect(check).toMatchObject({ isIntact: true, isTrusted: true, hasTimestamp: true, problems: [] });
    expect(check!.timestamp).toMatchObject({ valid: true, isIntact: true, isTrusted: true, tsa: 'MotCua DEMO TSA — KHÔNG dùng thật' });
    expect(check!.timestamp!.time!.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
    expect(check!.timestamp!.time!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(verdictOf(result)).toBe('valid');
  });

  it('a tampered token is reported invalid, never a crash; pdfsig still sees the CMS signature itself', async () => {
    const signed = await signer.sign(await samplePdf(), request, transport(seal), createRfc3161Client({ url: tsa.url }));
    // One byte of the TSTInfo's genTime (GeneralizedTime, tag 0x18, "YYYYMMDDhhmmss[.fff]Z") inside the hex /Contents.
    const text = Buffer.from(signed).toString('latin1');
    const contentsAt = text.search(/\/Contents\s*<[0-9A-F]{100}/);
    const genTime = /18[0-9A-F]{2}((?:3[0-9]){14})/.exec(text.slice(contentsAt))!;
    const at = contentsAt + genTime.index + 4 + 2 * 12 + 1; // the low hex digit of the tens of seconds
    const tampered = Buffer.from(signed);
    tampered[at] = tampered[at] === 0x30 ? 0x31 : 0x30;
    const result = await verifier.verify(tampered, [ca.certificate]);
    const [check] = result.signatures;
    expect(check!.isIntact).toBe(true); // the unsigned attribute is outside what the signer signed
    expect(check!.timestamp).toMatchObject({ valid: false, isIntact: false });
    expect(check!.problems.join(' ')).toContain('timestamp token signature does not hold');
    expect(verdictOf(result)).toBe('invalid');
    expect(judge.check(tampered)).toContain('Signature is Valid.');
  });

  it('a token over another imprint is reported invalid; a TSA outside the trusted roots is untrusted', async () => {
    const client = createRfc3161Client({ url: tsa.url });
    const elsewhere = { timestamp: (digest: Uint8Array) => client.timestamp(sha256(digest)) };
    const wrong = await verifier.verify(await signer.sign(await samplePdf(), request, transport(seal), elsewhere), [ca.certificate]);
    expect(wrong.signatures[0]!.timestamp).toMatchObject({ valid: false, isIntact: false, isTrusted: true });
    expect(wrong.signatures[0]!.problems).toContain('timestamp imprint does not match the signature value');
    expect(verdictOf(wrong)).toBe('invalid');

    const foreign = await signer.sign(await samplePdf(), request, transport(seal), createRfc3161Client({ url: foreignTsa.url }));
    const result = await verifier.verify(foreign, [ca.certificate]);
    expect(result.signatures[0]!.timestamp).toMatchObject({ valid: false, isIntact: true, isTrusted: false });
    expect(verdictOf(result)).toBe('untrusted');
    expect(judge.check(foreign)).toContain('Signature is Valid.');
  });

  it('the client refuses what is not a good answer: HTTP error, rejection, another imprint or nonce, no server', async () => {
    const client = createRfc3161Client({ url: tsa.url, timeoutMs: 3000 });
    const digest = sha256(Buffer.from('signature value'));
    const failure = async (fault: Parameters<TsaSimulator['failNext']>[1]) => {
      tsa.failNext(1, fault);
      const error = await client.timestamp(digest).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TimestampAuthorityError);
      return (error as TimestampAuthorityError).reason;
    };
    expect(await failure('http-503')).toBe('http');
    expect(await failure('rejection')).toBe('rejected');
    expect(await failure('wrong-imprint')).toBe('mismatch');
    expect(await failure('wrong-nonce')).toBe('mismatch');
    const token = await client.timestamp(digest); // and then it works again
    expect(token.length).toBeGreaterThan(1000);

    const closed = await startTsaSimulator({ issuer: ca });
    const url = closed.url;
    await closed.close();
    const down = await createRfc3161Client({ url, timeoutMs: 2000 })
      .timestamp(digest)
      .catch((caught: unknown) => caught);
    expect(down).toMatchObject({ reason: 'unreachable' });
    // Signing with an unreachable TSA throws: no B-B signature silently stands in for B-T.
    await expect(signer.sign(await samplePdf(), request, transport(seal), createRfc3161Client({ url, timeoutMs: 2000 }))).rejects.toThrow(
      TimestampAuthorityError,
    );
  });
});

describe('revocation by CRL', () => {
  let ca: Credential;
  let crlServer: Awaited<ReturnType<typeof startCrlServer>>;
  let leader: Credential;
  let tsa: TsaSimulator;
  let dir: string;
  const signer = createPadesSigner();
  const verifier = createPdfSignatureVerifier();
  const transport = (credential: Credential) =>
    createLocalKeyTransport({ privateKey: credential.privateKey, certificateChain: [credential.certificate, ...credential.chain] });
  const request = { name: 'Lãnh đạo (DEMO)', reason: 'Phê duyệt', signingTime: new Date() };

  beforeAll(async () => {
    ca = await createCertificateAuthority({ subject: { commonName: 'MotCua DEMO Root CA (CRL)' }, ...validity });
    crlServer = await startCrlServer();
    leader = await issueSigningCertificate(ca, {
      subject: { commonName: 'Lãnh đạo (DEMO)', organization: 'UBND (DEMO)' },
      ...validity,
      crlDistributionPoint: crlServer.url,
    });
    tsa = await startTsaSimulator({ issuer: ca });
    dir = mkdtempSync(path.join(tmpdir(), 'motcua-crl-'));
  }, 60_000);
  afterAll(async () => {
    await crlServer?.close();
    await tsa?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const serialHex = async (credential: Credential) => {
    const result = await verifier.verify(await signer.sign(await samplePdf(), request, transport(credential)), [ca.certificate]);
    return result.signatures[0]!.signer!.serialNumber;
  };
  const crl = (entries: Parameters<typeof createRevocationList>[1]['entries']) =>
    createRevocationList(ca, { entries, thisUpdate: new Date(Date.now() - 60_000), nextUpdate: new Date(Date.now() + 86_400_000) });

  it('good, then revoked (date and reason) from the distribution point; a timestamp before the revocation keeps it valid', async () => {
    const serial = await serialHex(leader);
    const plain = await signer.sign(await samplePdf(), request, transport(leader));
    const stamped = await signer.sign(await samplePdf(), request, transport(leader), createRfc3161Client({ url: tsa.url }));

    crlServer.set(await crl([]));
    const good = await verifier.verify(plain, [ca.certificate], new Date(), { revocation: createCrlSource() });
    expect(good.signatures[0]!.revocation).toEqual([
      expect.objectContaining({ serialNumber: serial, status: 'good', revokedAt: null, source: crlServer.url }),
    ]);
    expect(verdictOf(good)).toBe('valid');

    const revokedAt = new Date(Date.now() + 1000); // after both signatures were made
    crlServer.set(await crl([{ serialNumber: serial, revokedAt, reason: 'keyCompromise' }]));
    const source = createCrlSource();
    const later = new Date(Date.now() + 5000);
    const revoked = await verifier.verify(plain, [ca.certificate], later, { revocation: source });
    expect(revoked.signatures[0]!.revocation[0]).toMatchObject({ status: 'revoked', reason: 'keyCompromise' });
    expect(revoked.signatures[0]!.revocation[0]!.revokedAt!.getTime()).toBe(Math.floor(revokedAt.getTime() / 1000) * 1000);
    expect(verdictOf(revoked)).toBe('revoked'); // B-B: only the signer's claim says when it was signed

    const proven = await verifier.verify(stamped, [ca.certificate], later, { revocation: source });
    expect(proven.signatures[0]!.revocation[0]!.status).toBe('revoked');
    expect(proven.signatures[0]!.timestamp!.valid).toBe(true);
    expect(verdictOf(proven)).toBe('valid'); // the trusted time is before the revocation date
    expect(crlServer.hits()).toBe(2); // cached: one fetch for both verifications with the same source

    const early = await crl([{ serialNumber: serial, revokedAt: new Date(Date.now() - 3_600_000), reason: 'superseded' }]);
    crlServer.set(early);
    expect(verdictOf(await verifier.verify(stamped, [ca.certificate], later, { revocation: createCrlSource() }))).toBe('revoked');
  });

  it('unknown when no CRL is reachable; a configured CRL file answers without the network', async () => {
    const serial = await serialHex(leader);
    const plain = await signer.sign(await samplePdf(), request, transport(leader));
    crlServer.set(null);
    const down = await verifier.verify(plain, [ca.certificate], new Date(), { revocation: createCrlSource({ timeoutMs: 2000 }) });
    expect(down.signatures[0]!.revocation[0]).toMatchObject({ status: 'unknown', source: null });
    expect(down.signatures[0]!.problems).toContain('revocation unknown: no CRL reachable');
    expect(verdictOf(down)).toBe('valid');

    const file = path.join(dir, 'ca.crl');
    const der = await crl([{ serialNumber: serial, revokedAt: new Date(Date.now() - 1000), reason: 'cessationOfOperation' }]);
    writeFileSync(file, toPem(der, 'X509 CRL'));
    const fromFile = await verifier.verify(plain, [ca.certificate], new Date(), {
      revocation: createCrlSource({ files: [file], fetchDistributionPoints: false }),
    });
    expect(fromFile.signatures[0]!.revocation[0]).toMatchObject({ status: 'revoked', reason: 'cessationOfOperation', source: file });

    // A CRL signed by another CA is not believed.
    const other = await createCertificateAuthority({ subject: { commonName: 'MotCua DEMO Root CA (CRL)' }, ...validity });
    crlServer.set(await createRevocationList(other, { entries: [{ serialNumber: serial, revokedAt: new Date(), reason: null }], thisUpdate: new Date(Date.now() - 60_000), nextUpdate: new Date(Date.now() + 86_400_000) }));
    const forged = await verifier.verify(plain, [ca.certificate], new Date(), { revocation: createCrlSource() });
    expect(forged.signatures[0]!.revocation[0]!.status).toBe('unknown');
  });

  it('an untrusted chain is not checked over the network (no address chosen by an uploaded file is called)', async () => {
    const plain = await signer.sign(await samplePdf(), request, transport(leader));
    crlServer.set(await crl([]));
    const hits = crlServer.hits();
    const result = await verifier.verify(plain, [], new Date(), { revocation: createCrlSource() });
    expect(result.signatures[0]!.revocation[0]!.status).toBe('unknown');
    expect(crlServer.hits()).toBe(hits);
  });
});
