/**
 * Signing Form-01-sized PDFs per second (one core, this process), with baselines in the same run.
 *
 *   npx tsx bench/document-sign.ts [--seconds 5]
 *
 * Renders one TT 03/2025 Form 01 (receipt and appointment) with the documents module's pdfmake + Tinos renderer,
 * then, each for the given time: the raw RSA-2048 PKCS#1 v1.5 signature alone (baseline: the private-key operation
 * every PAdES signature needs), one PAdES B-B signature (agency seal), two signatures (leader then seal, two
 * incremental updates), and the verification of the two-signature file. Prints sizes too.
 */
import { sign } from 'node:crypto';
import { renderPdf } from '@motcua/adapters/documents';
import {
  createCertificateAuthority,
  createLocalKeyTransport,
  createPadesSigner,
  createPdfSignatureVerifier,
  issueSigningCertificate,
} from '@motcua/adapters/signatures';
import { dossierFormDefinition } from '@motcua/core/documents';
import { sampleFormInput } from '../test-support/documents';

const secondsArg = process.argv.indexOf('--seconds');
const SECONDS = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 5;

async function rate(label: string, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await fn(); // warm-up
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < SECONDS * 1000) {
    await fn();
    count++;
  }
  const perSecond = count / ((performance.now() - start) / 1000);
  console.log(`${label.padEnd(58)} ${perSecond.toFixed(1).padStart(8)}/s  (${count} in ${SECONDS} s)`);
  return perSecond;
}

const validity = { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2031-01-01T00:00:00Z') };
const ca = await createCertificateAuthority({ subject: { commonName: 'Bench DEMO Root CA' }, ...validity });
const leader = await issueSigningCertificate(ca, { subject: { commonName: 'Lãnh đạo (DEMO)', organization: 'UBND phường Phú Xuân (DEMO)' }, ...validity });
const seal = await issueSigningCertificate(ca, { subject: { commonName: 'UBND phường Phú Xuân (DEMO)', organization: 'UBND phường Phú Xuân (DEMO)' }, ...validity });
const transport = (c: typeof leader) => createLocalKeyTransport({ privateKey: c.privateKey, certificateChain: [c.certificate, ...c.chain] });
const leaderTransport = transport(leader);
const sealTransport = transport(seal);
const signer = createPadesSigner();
const verifier = createPdfSignatureVerifier();
const request = (name: string, reason: string) => ({ name, reason, location: 'Huế', signingTime: new Date('2026-11-28T03:00:00Z') });

const form = await renderPdf(dossierFormDefinition(sampleFormInput('receipt')));
const once = await signer.sign(form, request('UBND phường Phú Xuân', 'Đóng dấu cơ quan'), sealTransport);
const twice = await signer.sign(
  await signer.sign(form, request('Lãnh đạo', 'Phê duyệt'), leaderTransport),
  request('UBND phường Phú Xuân', 'Đóng dấu cơ quan'),
  sealTransport,
);
console.log(`Node ${process.version}; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`Form 01: ${form.length} bytes unsigned, ${once.length} with the seal, ${twice.length} with leader + seal`);

const payload = new Uint8Array(400).fill(7); // about the size of the signed attributes
const { createPrivateKey } = await import('node:crypto');
const key = createPrivateKey({ key: Buffer.from(seal.privateKey), format: 'der', type: 'pkcs8' });
await rate('baseline: raw RSA-2048 signature (crypto.sign)', async () => sign('sha256', payload, key));
await rate('PAdES B-B, one signature (seal)', () => signer.sign(form, request('UBND', 'Đóng dấu cơ quan'), sealTransport));
await rate('PAdES B-B, two signatures (leader, then seal)', async () =>
  signer.sign(await signer.sign(form, request('Lãnh đạo', 'Phê duyệt'), leaderTransport), request('UBND', 'Đóng dấu'), sealTransport),
);
await rate('verify the two-signature file (chain to the root)', () => verifier.verify(twice, [ca.certificate]));
