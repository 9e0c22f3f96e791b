/**
 * Revocation end to end: `pki init-demo` issues demo certificates whose CRL distribution point is this server's
 * /api/v1/pki/demo-root.crl; the verification fetches that CRL over HTTP (the app listens on a real port); after
 * `pki revoke-demo` (audited, the certificate leaves the signing pool) the CRL lists it and a document signed with
 * it verifies as revoked, with the date and reason. Plus the expiry log line (start-up and daily).
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import * as pkijs from 'pkijs';
import { fixedClock } from '@motcua/core';
import {
  createCertificateAuthority,
  createCrlSource,
  issueSigningCertificate,
  type Credential,
} from '@motcua/adapters/signatures';
import { findAgencyByCode } from '@motcua/db/organization';
import { buildApp } from '../src/app';
import { completeDeps, type AppDeps } from '../src/deps';
import { identitySeedStep, organizationSeedStep, pkiSeedStep } from '../src/seed/seed-demo';
import { signatureServices, storeCertificate } from '../src/signatures/signature.services';
import { revokeDemoCertificate } from '../src/signatures/demo-crl';
import { certificateExpiryTask, logCertificateExpiry } from '../src/signatures/certificate-expiry';
import { removeTestStorage, testConfig } from '../../../test-support/app';
import { createTestDatabase, type TestDatabase } from '../../../test-support/databases';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function samplePdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage([420, 595]);
  return document.save({ useObjectStreams: false });
}

const system = { kind: 'system', name: 'test' } as const;

describe('DEMO CA revocation: CRL published under /api/v1, fetched by the verification', () => {
  let db: TestDatabase;
  let deps: AppDeps;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let sealId: string;
  let signed: Uint8Array;
  const now = new Date('2026-03-02T02:00:00Z');

  beforeAll(async () => {
    const port = await freePort();
    db = await createTestDatabase('pglite');
    deps = completeDeps({ config: testConfig({ MOTCUA_PUBLIC_URL: `http://127.0.0.1:${port}` }), db, clock: fixedClock(now) });
    for (const step of [organizationSeedStep, identitySeedStep, pkiSeedStep]) await step.run({ db, clock: deps.clock, config: deps.config });
    app = await buildApp(deps);
    await app.listen({ port, host: '127.0.0.1' });
    const agency = await findAgencyByCode(db, '000.00.40.H57');
    const [seal] = await db.query<{ id: string }>("SELECT id FROM signing_certificate WHERE agency_id = $1 AND purpose = 'seal'", [agency!.id]);
    sealId = seal!.id;
    const services = signatureServices(deps);
    signed = await services.signer.sign(await samplePdf(), { name: 'UBND phường Phú Xuân (DEMO)', reason: 'Đóng dấu cơ quan', signingTime: now }, await services.transportFor(sealId));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
    if (deps) removeTestStorage(deps.config);
  });

  const crlEntries = async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/pki/demo-root.crl' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pkix-crl');
    const crl = pkijs.CertificateRevocationList.fromBER(new Uint8Array(res.rawPayload).buffer);
    return crl.revokedCertificates ?? [];
  };

  it('before: the CRL at the distribution point lists nothing and the seal is "good"', async () => {
    expect(await crlEntries()).toHaveLength(0);
    const services = signatureServices(deps);
    const result = await services.verifier.verify(signed, await services.trustedRoots(), now, { revocation: createCrlSource() });
    expect(result.signatures[0]!.revocation).toEqual([
      expect.objectContaining({ status: 'good', source: `${deps.config.server.publicUrl}/api/v1/pki/demo-root.crl` }),
    ]);
  });

  it('pki revoke-demo: audited, deactivated, on the CRL; the public verification says revoked with date and reason', async () => {
    const revokedAt = new Date('2026-03-01T00:00:00Z');
    const result = await revokeDemoCertificate(deps, { kind: 'system', name: 'cli:pki-revoke-demo' }, { certificateId: sealId, reason: 'keyCompromise', revokedAt });
    const [row] = await db.query<{ is_active: boolean; serial_number: string }>('SELECT is_active, serial_number FROM signing_certificate WHERE id = $1', [sealId]);
    expect(row).toMatchObject({ is_active: false, serial_number: result.serialNumber });
    const audit = await db.query<{ target_id: string; summary: { reason: string } }>("SELECT target_id, summary FROM audit_event WHERE action = 'signing_certificate.revoke'");
    expect(audit).toEqual([expect.objectContaining({ target_id: sealId, summary: expect.objectContaining({ reason: 'keyCompromise' }) })]);

    const entries = await crlEntries();
    expect(entries.map((entry) => Buffer.from(entry.userCertificate.valueBlock.valueHexView).toString('hex'))).toEqual([result.serialNumber]);

    const res = await app.inject({ method: 'POST', url: '/api/v1/verify', headers: { 'content-type': 'application/pdf' }, payload: Buffer.from(signed) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.verdict).toBe('revoked');
    expect(body.signatures[0].revocation[0]).toMatchObject({ status: 'revoked', reason: 'keyCompromise', revokedAt: revokedAt.toISOString() });

    await expect(revokeDemoCertificate(deps, system, { certificateId: sealId, reason: 'superseded' })).rejects.toMatchObject({
      error: { code: 'SIGNING_CERTIFICATE_ALREADY_INACTIVE' },
    });
  });

  it('refuses certificates the DEMO root did not issue, and unknown ids', async () => {
    const validity = { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2027-01-01T00:00:00Z') };
    const other: Credential = await issueSigningCertificate(await createCertificateAuthority({ subject: { commonName: 'Other CA' }, ...validity }), {
      subject: { commonName: 'Other seal' },
      ...validity,
    });
    const agency = await findAgencyByCode(db, '000.00.40.H57');
    const stored = await storeCertificate(deps, { actor: system, now }, { agencyId: agency!.id, purpose: 'seal', holderUserId: null, credential: other, isDemo: true });
    await expect(revokeDemoCertificate(deps, system, { certificateId: stored.id, reason: 'keyCompromise' })).rejects.toMatchObject({
      error: { code: 'VALIDATION_FAILED' },
    });
    await expect(revokeDemoCertificate(deps, system, { certificateId: 'not-an-id', reason: 'keyCompromise' })).rejects.toMatchObject({
      error: { code: 'SIGNING_CERTIFICATE_NOT_FOUND' },
    });
  });

  it('expiry log: one line per certificate expiring within the warning window, no personal data; daily after start-up', async () => {
    const validity = { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2026-03-20T00:00:00Z') };
    const soon = await issueSigningCertificate(await createCertificateAuthority({ subject: { commonName: 'Soon CA' }, ...validity, notAfter: new Date('2030-01-01') }), {
      subject: { commonName: 'Nguyễn Văn Sắp Hết Hạn', organization: 'UBND phường Phú Xuân' },
      ...validity,
    });
    const agency = await findAgencyByCode(db, '000.00.40.H57');
    const stored = await storeCertificate(deps, { actor: system, now }, { agencyId: agency!.id, purpose: 'seal', holderUserId: null, credential: soon });
    const lines: { object: Record<string, unknown>; message: string }[] = [];
    const logger = { warn: (object: object, message: string) => void lines.push({ object: object as Record<string, unknown>, message }) };

    const written = await logCertificateExpiry({ db, clock: deps.clock, warningDays: 30 }, logger);
    expect(written).toEqual([{ certificateId: stored.id, agencyCode: '000.00.40.H57', purpose: 'seal', daysLeft: 17 }]);
    expect(lines).toEqual([
      { object: { event: 'signing_certificate.expiry', certificateId: stored.id, agencyCode: '000.00.40.H57', purpose: 'seal', daysLeft: 17 }, message: 'signing certificate expiring' },
    ]);
    expect(JSON.stringify(lines)).not.toContain('Nguyễn');
    expect(await logCertificateExpiry({ db, clock: deps.clock, warningDays: 10 }, logger)).toEqual([]); // outside a 10-day window

    const task = certificateExpiryTask(30, logger);
    expect(task.everySeconds).toBe(86_400);
    lines.length = 0;
    await task.run({ db, clock: deps.clock }); // the start-up turn: main.ts has just logged
    expect(lines).toHaveLength(0);
    await task.run({ db, clock: deps.clock }); // a day later
    expect(lines.map((line) => line.object.certificateId)).toEqual([stored.id]);
  });
});
