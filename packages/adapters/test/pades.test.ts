import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import {
  createCertificateAuthority,
  createLocalKeyTransport,
  createPadesSigner,
  createPdfSignatureVerifier,
  issueSigningCertificate,
  toPem,
  type Credential,
} from '@motcua/adapters/signatures';
import { createPdfsigJudge, type PdfsigJudge } from '../../../test-support/pdfsig';

const at = new Date('2026-11-28T03:00:00Z');
const validity = { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2031-01-01T00:00:00Z') };

async function samplePdf(options: { objectStreams: boolean }): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage([420, 595]);
  const font = await document.embedFont(StandardFonts.TimesRoman);
  page.drawText('GIAY TIEP NHAN HO SO VA HEN TRA KET QUA (test)', { x: 30, y: 540, size: 11, font });
  return document.save({ useObjectStreams: options.objectStreams });
}

describe('PAdES B-B signer (incremental updates) judged by pdfsig and by our verifier', () => {
  let ca: Credential;
  let foreignCa: Credential;
  let leader: Credential;
  let seal: Credential;
  let stranger: Credential;
  let judge: PdfsigJudge;
  const signer = createPadesSigner();
  const verifier = createPdfSignatureVerifier();
  const transport = (credential: Credential) =>
    createLocalKeyTransport({ privateKey: credential.privateKey, certificateChain: [credential.certificate, ...credential.chain] });

  beforeAll(async () => {
    ca = await createCertificateAuthority({ subject: { commonName: 'MotCua DEMO Root CA', organization: 'MotCua DEMO' }, ...validity });
    foreignCa = await createCertificateAuthority({ subject: { commonName: 'Foreign Root', organization: 'Elsewhere' }, ...validity });
    leader = await issueSigningCertificate(ca, {
      subject: { commonName: 'Nguyễn Văn Lãnh Đạo (DEMO)', organization: 'UBND phường Thuận Hóa (DEMO)', title: 'Chủ tịch' },
      ...validity,
    });
    seal = await issueSigningCertificate(ca, { subject: { commonName: 'UBND phường Thuận Hóa (DEMO)', organization: 'UBND phường Thuận Hóa (DEMO)' }, ...validity });
    stranger = await issueSigningCertificate(foreignCa, { subject: { commonName: 'Somebody Else' }, ...validity });
    judge = createPdfsigJudge([{ name: 'motcua-demo-root', pem: toPem(ca.certificate) }]);
  }, 60_000);
  afterAll(() => judge?.close());

  const request = (name: string, reason: string) => ({ name, reason, location: 'Huế', signingTime: at });

  it('one signature: pdfsig says valid and trusted, ETSI.CAdES.detached, whole document; our verifier agrees', async () => {
    const signed = await signer.sign(await samplePdf({ objectStreams: false }), request('Nguyễn Văn Lãnh Đạo', 'Phê duyệt kết quả'), transport(leader));
    const output = judge.check(signed);
    expect(output).toContain('Signature is Valid.');
    expect(output).toContain('Certificate is Trusted.');
    expect(output).toContain('ETSI.CAdES.detached');
    expect(output).toContain('Total document signed');

    const result = await verifier.verify(signed, [ca.certificate], at);
    expect(result.isPdf).toBe(true);
    expect(result.signatures).toHaveLength(1);
    const [check] = result.signatures;
    expect(check).toMatchObject({
      isIntact: true,
      isTrusted: true,
      coversWholeDocument: true,
      hasSigningCertificateV2: true,
      hasTimestamp: false,
      subFilter: 'ETSI.CAdES.detached',
      reason: 'Phê duyệt kết quả',
      problems: [],
    });
    expect(check!.claimedSigningTime?.toISOString()).toBe(at.toISOString());
    expect(check!.signer).toMatchObject({ commonName: 'Nguyễn Văn Lãnh Đạo (DEMO)', organization: 'UBND phường Thuận Hóa (DEMO)' });
  });

  it('leader then agency seal: both signatures stay valid (the second is an incremental update of the first)', async () => {
    for (const objectStreams of [false, true]) {
      const first = await signer.sign(await samplePdf({ objectStreams }), request('Nguyễn Văn Lãnh Đạo', 'Phê duyệt kết quả'), transport(leader));
      const second = await signer.sign(first, request('UBND phường Thuận Hóa', 'Đóng dấu cơ quan'), transport(seal));
      expect(Buffer.from(second.subarray(0, first.length)).equals(Buffer.from(first))).toBe(true);

      const output = judge.check(second);
      expect(output.match(/Signature is Valid\./g), output).toHaveLength(2);
      expect(output.match(/Certificate is Trusted\./g)).toHaveLength(2);
      expect(output).toContain('Total document signed');

      const result = await verifier.verify(second, [ca.certificate], at);
      expect(result.signatures.map((s) => [s.signer?.commonName, s.isIntact, s.isTrusted, s.coversWholeDocument])).toEqual([
        ['Nguyễn Văn Lãnh Đạo (DEMO)', true, true, false],
        ['UBND phường Thuận Hóa (DEMO)', true, true, true],
      ]);
    }
  });

  it('a copy with one byte changed inside the signed range is invalid for pdfsig and for our verifier', async () => {
    const first = await signer.sign(await samplePdf({ objectStreams: false }), request('Lãnh đạo', 'Phê duyệt'), transport(leader));
    const signed = await signer.sign(first, request('Đóng dấu', 'Đóng dấu cơ quan'), transport(seal));
    const tampered = Uint8Array.from(signed);
    // The page width in the first revision (420 → 421 pt): covered by both signatures.
    const position = Buffer.from(signed).indexOf('/MediaBox [ 0 0 420 595 ]') + '/MediaBox [ 0 0 42'.length;
    expect(position).toBeGreaterThan(100);
    expect(position).toBeLessThan(first.length);
    tampered[position] = '1'.charCodeAt(0);

    const output = judge.check(tampered);
    expect(output).not.toContain('Signature is Valid.');
    expect(output.match(/Signature Validation: Digest Mismatch\./g), output).toHaveLength(2);
    const result = await verifier.verify(tampered, [ca.certificate], at);
    expect(result.signatures).toHaveLength(2);
    expect(result.signatures.every((s) => !s.isIntact)).toBe(true);
  });

  it('a certificate from a foreign CA is intact but not trusted, for pdfsig and for our verifier', async () => {
    const signed = await signer.sign(await samplePdf({ objectStreams: false }), request('Somebody', 'Test'), transport(stranger));
    const output = judge.check(signed);
    expect(output).toContain('Signature is Valid.');
    expect(output).not.toContain('Certificate is Trusted.');
    const [check] = (await verifier.verify(signed, [ca.certificate], at)).signatures;
    expect(check).toMatchObject({ isIntact: true, isTrusted: false });
    expect(check!.problems.join(' ')).toMatch(/not trusted/);
  });

  it('bad input is a verdict, not an exception: a non-PDF, an unsigned PDF, a truncated signed PDF', async () => {
    expect(await verifier.verify(new TextEncoder().encode('hello, not a pdf'), [ca.certificate])).toEqual({ isPdf: false, signatures: [] });
    expect(await verifier.verify(await samplePdf({ objectStreams: false }), [ca.certificate])).toEqual({ isPdf: true, signatures: [] });
    const signed = await signer.sign(await samplePdf({ objectStreams: false }), request('A', 'B'), transport(leader));
    const truncated = signed.subarray(0, signed.length - 400);
    const [check] = (await verifier.verify(truncated, [ca.certificate], at)).signatures;
    expect(check).toMatchObject({ isIntact: false });
    expect(check!.problems[0]).toMatch(/byte range/);
  });
});
