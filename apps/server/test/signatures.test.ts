import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import {
  createCertificateAuthority,
  createLocalKeyTransport,
  createPadesSigner,
  issueSigningCertificate,
  writePkcs12,
  type Credential,
} from '@motcua/adapters/signatures';
import { findAgencyByCode } from '@motcua/db/organization';
import { createTestApp, type TestApp } from '../../../test-support/app';
import { createOfficer, signIn, type TestUser } from '../../../test-support/identity';
import { identitySeedStep, organizationSeedStep, pkiSeedStep } from '../src/seed/seed-demo';
import { initDemoPki } from '../src/signatures/pki-demo';
import { loadConfig } from '../src/config';
import { signatureServices } from '../src/signatures/signature.services';

describe('certificate store administration and public verification', () => {
  let t: TestApp;
  let admin: TestUser;
  let outsider: TestUser;
  let phuXuanId: string;
  let foreign: Credential;

  beforeAll(async () => {
    t = await createTestApp();
    for (const step of [organizationSeedStep, identitySeedStep, pkiSeedStep]) await step.run({ db: t.db, clock: t.clock, config: t.config });
    phuXuanId = (await findAgencyByCode(t.db, '000.00.40.H57'))!.id;
    admin = await createOfficer(t.db, { roles: [{ role: 'system_administrator', agencyCode: '000.00.40.H57' }] });
    outsider = await createOfficer(t.db, { roles: [{ role: 'system_administrator', agencyCode: '000.00.41.H57' }] });
    const validity = { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2026-03-20T00:00:00Z') };
    const foreignCa = await createCertificateAuthority({ subject: { commonName: 'Foreign CA' }, notBefore: validity.notBefore, notAfter: new Date('2030-01-01') });
    foreign = await issueSigningCertificate(foreignCa, { subject: { commonName: 'Seal soon expiring', organization: 'UBND phường Phú Xuân' }, ...validity });
  }, 120_000);
  afterAll(() => t?.close());

  const api = async (user: TestUser, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: await signIn(t, user), ...(payload ? { payload } : {}) });

  it('refuses to start in production without a master key; accepts hex or base64 keys of 32 bytes', () => {
    const production = loadConfig({ MOTCUA_ENV: 'production' });
    expect(production.ok).toBe(false);
    expect(production.ok ? [] : production.problems.join()).toContain('MOTCUA_PKI_MASTER_KEY');
    expect(loadConfig({ MOTCUA_ENV: 'production', MOTCUA_PKI_MASTER_KEY: Buffer.alloc(32, 1).toString('base64') }).ok).toBe(true);
    expect(loadConfig({ MOTCUA_PKI_MASTER_KEY: 'short' }).ok).toBe(false);
  });

  it('pki init-demo gave each demo leader a personal certificate and their agency a seal, idempotently', async () => {
    const rows = await t.db.query<{ purpose: string; common_name: string; is_demo: boolean }>(
      `SELECT purpose, common_name, is_demo FROM signing_certificate WHERE agency_id = $1 ORDER BY purpose`,
      [phuXuanId],
    );
    expect(rows.map((r) => r.purpose)).toEqual(['personal', 'seal']);
    expect(rows.every((r) => r.is_demo && r.common_name.includes('DEMO'))).toBe(true);
    const again = await initDemoPki({ db: t.db, config: t.config, clock: t.clock });
    expect(again).toMatchObject({ rootCreated: false, issued: [] });
    // keys at rest are sealed: the stored bytes are not the PKCS#8 key they open to
    const [row] = await t.db.query<{ key_ciphertext: Uint8Array; key_iv: Uint8Array; key_tag: Uint8Array; fingerprint: string }>(
      'SELECT key_ciphertext, key_iv, key_tag, fingerprint FROM signing_certificate LIMIT 1',
    );
    const key = signatureServices(t).vault.open({ ciphertext: row!.key_ciphertext, iv: row!.key_iv, tag: row!.key_tag }, row!.fingerprint);
    expect(key[0]).toBe(0x30); // a DER SEQUENCE: PKCS#8
    expect(Buffer.from(row!.key_ciphertext).includes(Buffer.from(key).subarray(30, 60))).toBe(false);
  });

  it('imports a PKCS#12 for an administered agency, lists it with an expiry warning, and audits it', async () => {
    const pkcs12 = Buffer.from(writePkcs12(foreign, 'p@ss')).toString('base64');
    const wrong = await api(admin, 'POST', '/signatures/certificates', { agencyId: phuXuanId, purpose: 'seal', pkcs12, password: 'nope' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('SIGNING_CERTIFICATE_UNREADABLE');

    const created = await api(admin, 'POST', '/signatures/certificates', { agencyId: phuXuanId, purpose: 'seal', pkcs12, password: 'p@ss' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ purpose: 'seal', commonName: 'Seal soon expiring', expiry: 'expiring', daysLeft: 17, isDemo: false });

    const duplicate = await api(admin, 'POST', '/signatures/certificates', { agencyId: phuXuanId, purpose: 'seal', pkcs12, password: 'p@ss' });
    expect(duplicate.statusCode).toBe(409);

    const expiring = await api(admin, 'GET', '/signatures/certificates?expiring=true');
    expect(expiring.json().items.map((c: { commonName: string }) => c.commonName)).toEqual(['Seal soon expiring']);
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_event WHERE target_id = $1`, [created.json().id]);
    expect(audit.map((a) => a.action)).toEqual(['signing_certificate.import']);

    const deactivated = await api(admin, 'POST', `/signatures/certificates/${created.json().id}/deactivate`, { reason: 'Thu hồi thử' });
    expect(deactivated.json().isActive).toBe(false);
    const twice = await api(admin, 'POST', `/signatures/certificates/${created.json().id}/deactivate`, { reason: 'Thu hồi thử' });
    expect(twice.json().code).toBe('SIGNING_CERTIFICATE_ALREADY_INACTIVE');
  });

  it('keeps administrators to their own agencies: 403 on import, 404 on a foreign certificate, nothing listed', async () => {
    const pkcs12 = Buffer.from(writePkcs12(foreign, 'x')).toString('base64');
    const res = await api(outsider, 'POST', '/signatures/certificates', { agencyId: phuXuanId, purpose: 'seal', pkcs12, password: 'x' });
    expect(res.statusCode).toBe(403);
    const [one] = await t.db.query<{ id: string }>('SELECT id FROM signing_certificate WHERE agency_id = $1 LIMIT 1', [phuXuanId]);
    const other = await api(outsider, 'POST', `/signatures/certificates/${one!.id}/deactivate`, { reason: 'không phải của tôi' });
    expect(other.statusCode).toBe(404);
    expect((await api(outsider, 'GET', '/signatures/certificates')).json().items).toEqual([]);
  });

  it('verifies an uploaded PDF: demo-signed is valid but unknown to MotCua; tampered is invalid; non-PDF is a 415 problem', async () => {
    const [seal] = await t.db.query<{ id: string }>(`SELECT id FROM signing_certificate WHERE agency_id = $1 AND purpose = 'seal' AND is_demo`, [phuXuanId]);
    const document = await PDFDocument.create();
    document.addPage([420, 595]);
    const pdf = await document.save({ useObjectStreams: false });
    const signed = await createPadesSigner().sign(pdf, { name: 'UBND phường Phú Xuân', reason: 'Đóng dấu', signingTime: t.clock.now() }, await signatureServices(t).transportFor(seal!.id));

    const post = (body: Uint8Array, type = 'application/pdf') =>
      t.app.inject({ method: 'POST', url: '/api/v1/verify', headers: { 'content-type': type }, payload: Buffer.from(body) });
    const ok = await post(signed);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ verdict: 'valid', issued: null, isReplaced: false });
    expect(ok.json().signatures[0]).toMatchObject({ isIntact: true, isTrusted: true, reason: 'Đóng dấu' });
    expect(ok.json().signatures[0].signerName).toMatch(/Phú Xuân \(DEMO\)$/);

    const tampered = Uint8Array.from(signed);
    tampered[200] = tampered[200]! ^ 0x01;
    const bad = await post(tampered);
    expect(bad.json().verdict).toBe('invalid');

    const notPdf = await post(new TextEncoder().encode('GIF89a not a pdf'));
    expect(notPdf.statusCode).toBe(415);
    expect(notPdf.headers['content-type']).toContain('application/problem+json');
    expect(notPdf.json().code).toBe('VERIFICATION_NOT_PDF');
    expect((await post(new Uint8Array(0))).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/verify/documents/not-a-uuid' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/verify/hashes/${'0'.repeat(64)}` })).json().code).toBe('NOT_FOUND');
  });
});
