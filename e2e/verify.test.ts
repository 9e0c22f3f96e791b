/**
 * The public verification page in a real browser: from a QR link (/xac-thuc/:id) the record of the issued document,
 * then an upload with progress and the verdict — a signed file MotCua issued is valid and identical; a one-byte
 * altered copy is invalid and differs; a non-PDF is refused with a clear message. Phone and counter size, axe,
 * screenshots.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCertificateAuthority,
  createLocalKeyTransport,
  createPadesSigner,
  issueSigningCertificate,
  parseCertificate,
  sha256,
  summariseCertificate,
} from '@motcua/adapters/signatures';
import { findAgencyByCode } from '@motcua/db/organization';
import { insertSignedDocument, upsertTrustedRoot } from '@motcua/db/signatures';
import { seedTestOrganization } from '../test-support/identity';
import { launchBrowser, openPage, review, startServer, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let dir: string;
let documentId: string;
const files = { signed: '', tampered: '', notPdf: '' };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await seedTestOrganization(server.db);
  const agency = (await findAgencyByCode(server.db, '000.00.40.H57'))!;
  const now = new Date();
  const validity = { notBefore: new Date(now.getTime() - 86_400_000), notAfter: new Date(now.getTime() + 365 * 86_400_000) };
  const ca = await createCertificateAuthority({ subject: { commonName: 'MotCua DEMO Root CA (e2e)' }, ...validity });
  const root = summariseCertificate(parseCertificate(ca.certificate));
  await upsertTrustedRoot(server.db, { fingerprint: root.fingerprint, subject: root.subject, notAfter: root.notAfter, certificateDer: ca.certificate, isDemo: true, sealedKey: null, addedAt: now });
  const seal = await issueSigningCertificate(ca, { subject: { commonName: 'UBND phường Phú Xuân (DEMO)', organization: 'UBND phường Phú Xuân (DEMO)' }, ...validity });

  const pdf = await PDFDocument.create();
  pdf.addPage([420, 595]);
  const unsigned = await pdf.save({ useObjectStreams: false });
  const signed = await createPadesSigner().sign(
    unsigned,
    { name: 'UBND phường Phú Xuân', reason: 'Đóng dấu cơ quan', location: 'Huế', signingTime: now },
    createLocalKeyTransport({ privateKey: seal.privateKey, certificateChain: [seal.certificate, ...seal.chain] }),
  );
  documentId = randomUUID();
  await insertSignedDocument(server.db, {
    id: documentId,
    sourceKind: 'result_attachment',
    sourceId: randomUUID(),
    dossierId: null,
    agencyId: agency.id,
    eventId: null,
    title: 'Giấy chứng nhận (thử nghiệm)',
    unsignedSha256: sha256(unsigned).toString('hex'),
    signedSha256: sha256(signed).toString('hex'),
    signedSizeBytes: signed.length,
    signers: [],
    signedAt: now,
  });
  const tampered = Uint8Array.from(signed);
  tampered[300] = tampered[300]! ^ 0x01;
  dir = mkdtempSync(path.join(tmpdir(), 'motcua-verify-e2e-'));
  files.signed = path.join(dir, 'ket-qua.pdf');
  files.tampered = path.join(dir, 'ket-qua-da-sua.pdf');
  files.notPdf = path.join(dir, 'anh.png');
  writeFileSync(files.signed, signed);
  writeFileSync(files.tampered, tampered);
  writeFileSync(files.notPdf, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('public verification page', () => {
  it('opens from the QR link on a phone, shows the record, and judges the issued file valid and identical', async () => {
    const page = await openPage(browser, server.baseUrl, 'phone');
    await page.goto(`/xac-thuc/${documentId}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Xác thực văn bản điện tử');
    await expect.poll(() => page.getByRole('heading', { name: 'Văn bản được tra cứu từ mã QR' }).isVisible()).toBe(true);
    expect(await page.getByText('Giấy chứng nhận (thử nghiệm)').isVisible()).toBe(true);
    await page.getByLabel('Tệp PDF cần kiểm tra').setInputFiles(files.signed);
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await expect.poll(() => page.getByText('Hợp lệ: chữ ký số còn nguyên vẹn').isVisible()).toBe(true);
    expect(await page.getByText('Tệp trùng khớp từng byte với văn bản MotCua đã phát hành.', { exact: false }).isVisible()).toBe(true);
    expect(await page.getByText('UBND phường Phú Xuân (DEMO)').first().isVisible()).toBe(true);
    expect(await page.getByText('Tệp này KHÁC với văn bản').count()).toBe(0);
    await review(page, 'verify-valid-phone');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });

  it('judges a one-byte-altered copy invalid and different, and refuses a non-PDF with a clear message', async () => {
    const page = await openPage(browser, server.baseUrl, 'counter');
    await page.goto(`/xac-thuc/${documentId}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Văn bản được tra cứu từ mã QR' }).isVisible()).toBe(true);
    await page.getByLabel('Tệp PDF cần kiểm tra').setInputFiles(files.tampered);
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await expect.poll(() => page.getByText('KHÔNG hợp lệ', { exact: false }).first().isVisible()).toBe(true);
    expect(await page.getByText('Tệp này KHÁC với văn bản của mã QR đã tra cứu.').isVisible()).toBe(true);
    expect(await page.getByText('Hệ thống không có văn bản nào trùng khớp', { exact: false }).isVisible()).toBe(true);
    await review(page, 'verify-tampered-counter');

    await page.getByLabel('Tệp PDF cần kiểm tra').setInputFiles(files.notPdf);
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await expect.poll(() => page.getByText('Tệp đã chọn không phải là tệp PDF.').first().isVisible()).toBe(true);
    await review(page, 'verify-not-pdf-counter');

    await page.goto(`/xac-thuc/${randomUUID()}`);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Không tìm thấy văn bản nào với mã này');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});
