/**
 * Form 01 (TT 03/2025) rendered to PDF: forms per second and the file size, with the same sample data the tests
 * use (test-support/documents.ts). Baseline, in the same run: a one-line A5 page with the same Tinos font, i.e. the
 * fixed cost of pdfmake + font subsetting that every form pays. Then the full path a job takes per form minus the
 * database: layout + render + SHA-256 + content-store put (a temporary directory).
 *
 *   npx tsx bench/document-render.ts
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { renderPdf } from '@motcua/adapters/documents';
import { createCertificateAuthority, createLocalKeyTransport, createPadesSigner, issueSigningCertificate } from '@motcua/adapters/signatures';
import { localContentStore } from '@motcua/adapters/storage';
import { dossierFormDefinition, type DocumentDefinition } from '@motcua/core/documents';
import { sampleFormInput } from '../test-support/documents';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

async function measure(name: string, fn: (i: number) => Promise<number>): Promise<void> {
  for (let i = 0; i < 10; i++) await fn(i); // warm-up: fonts parsed, JIT
  let n = 0;
  let bytes = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  while (performance.now() - start < SECONDS * 1000) bytes = await fn(n++);
  const elapsed = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000 / n;
  console.log(`| ${name} | ${(n / elapsed).toFixed(1)} | ${((elapsed / n) * 1000).toFixed(1)} | ${cpuMs.toFixed(1)} | ${(bytes / 1024).toFixed(1)} |`);
}

const baseline: DocumentDefinition = {
  pageSize: 'A5',
  pageOrientation: 'portrait',
  pageMargins: [51, 34, 31, 34],
  info: { title: 'baseline', subject: '', creationDate: new Date('2026-03-05T02:30:00Z') },
  defaultStyle: { fontSize: 10, lineHeight: 1.05 },
  content: ['Giấy tiếp nhận hồ sơ và hẹn trả kết quả'],
};

const input = sampleFormInput('receipt');
const dir = mkdtempSync(path.join(tmpdir(), 'motcua-bench-docs-'));
const store = localContentStore(dir);
console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${SECONDS} s per line; Node ${process.version}`);
// CPU ms each: this process's CPU time (all its threads, GC included) per item; on a shared box it varies less
// than the wall clock, and 1000 / CPU ms is the rate one free core would reach.
console.log('| path | per second | ms each | CPU ms each | size KB |');
console.log('| --- | ---: | ---: | ---: | ---: |');
await measure('baseline: one-line A5 page, Tinos', async () => (await renderPdf(baseline)).byteLength);
await measure('Form 01 (TT 03/2025): layout + render', async (i) => {
  // a different dossier code and instant each time, as in production (no cache hit on identical bytes)
  const code = `000.00.25.H33-260305-${String(i % 10000).padStart(4, '0')}`;
  const definition = dossierFormDefinition({ ...input, data: { ...input.data, dossierCode: code }, issuedAt: new Date(input.issuedAt.getTime() + i * 1000) });
  return (await renderPdf(definition)).byteLength;
});
await measure('Form 01: layout + render + SHA-256 + content-store put', async (i) => {
  const definition = dossierFormDefinition({ ...input, issuedAt: new Date(input.issuedAt.getTime() + i * 1000) });
  const bytes = await renderPdf(definition);
  createHash('sha256').update(bytes).digest('hex');
  await store.put(bytes);
  return bytes.byteLength;
});
const validity = { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2031-01-01T00:00:00Z') };
const ca = await createCertificateAuthority({ subject: { commonName: 'Bench DEMO Root CA' }, ...validity });
const seal = await issueSigningCertificate(ca, { subject: { commonName: 'UBND phường Phú Xuân (DEMO)', organization: 'UBND phường Phú Xuân (DEMO)' }, ...validity });
const sealTransport = createLocalKeyTransport({ privateKey: seal.privateKey, certificateChain: [seal.certificate, ...seal.chain] });
const signer = createPadesSigner();
await measure('Form 01: layout + render + PAdES seal signature', async (i) => {
  const code = `000.00.25.H33-260305-${String(i % 10000).padStart(4, '0')}`;
  const issuedAt = new Date(input.issuedAt.getTime() + i * 1000);
  const pdf = await renderPdf(dossierFormDefinition({ ...input, data: { ...input.data, dossierCode: code }, issuedAt }));
  const signed = await signer.sign(pdf, { name: 'UBND phường Phú Xuân', reason: 'Đóng dấu cơ quan', location: 'Huế', signingTime: issuedAt }, sealTransport);
  return signed.byteLength;
});
console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
rmSync(dir, { recursive: true, force: true });
