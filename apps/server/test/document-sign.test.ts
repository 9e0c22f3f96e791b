/**
 * The outbox job `document.sign`: an issued form (rendered by document.render) is picked up, signed with the
 * agency seal found up the agency tree (the desk has none, its committee has), stored beside the unsigned original
 * with both hashes recorded, judged valid by pdfsig and by the public verification; reruns change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '@motcua/core';
import {
  createCertificateAuthority,
  issueSigningCertificate,
  parseCertificate,
  summariseCertificate,
  toPem,
  type Credential,
} from '@motcua/adapters/signatures';
import { listDossierDocuments } from '@motcua/db/documents';
import { findSignedVersion, upsertTrustedRoot } from '@motcua/db/signatures';
import { completeDeps, type AppDeps } from '../src/deps';
import { buildJobHandlers } from '../src/jobs/handlers';
import { createJobRunner } from '../src/jobs/job-runner';
import { enqueuePendingSignatures, signSource } from '../src/signatures/signature.jobs';
import { buildApp } from '../src/app';
import { createOfficer, signIn } from '../../../test-support/identity';
import { PDFDocument } from 'pdf-lib';
import { randomUUID } from 'node:crypto';
import { storeCertificate } from '../src/signatures/signature.services';
import { verifyDocument } from '../src/signatures/verification.route';
import { removeTestStorage, testConfig } from '../../../test-support/app';
import { createTestDatabase, type TestDatabase } from '../../../test-support/databases';
import { createPdfsigJudge, type PdfsigJudge } from '../../../test-support/pdfsig';
import { insertTestOrganisation, receiveTestDossier, testOfficer, testProcedureCase, type TestOrganisation } from '../../../test-support/dossiers';

const system = { kind: 'system', name: 'test' } as const;

describe('document.sign: issued documents signed with the agency seal, both versions kept', () => {
  let db: TestDatabase;
  let org: TestOrganisation;
  let deps: AppDeps;
  let ca: Credential;
  let judge: PdfsigJudge;
  let dossierId: string;
  let formId: string;
  const now = new Date('2026-03-02T02:00:00Z');
  const validity = { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2029-01-01T00:00:00Z') };

  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    org = await insertTestOrganisation(db);
    deps = completeDeps({ config: testConfig(), db, clock: fixedClock(now) });
    ca = await createCertificateAuthority({ subject: { commonName: 'Test Root CA (sign job)' }, ...validity });
    const root = summariseCertificate(parseCertificate(ca.certificate));
    await upsertTrustedRoot(db, { fingerprint: root.fingerprint, subject: root.subject, notAfter: root.notAfter, certificateDer: ca.certificate, isDemo: true, sealedKey: null, addedAt: now });
    const seal = await issueSigningCertificate(ca, { subject: { commonName: 'UBND phường Thuận Hóa', organization: 'UBND phường Thuận Hóa' }, ...validity });
    await storeCertificate(deps, { actor: system, now }, { agencyId: org.agency, purpose: 'seal', holderUserId: null, credential: seal });
    judge = createPdfsigJudge([{ name: 'sign-job-root', pem: toPem(ca.certificate) }]);
  }, 60_000);
  afterAll(async () => {
    judge?.close();
    await db.dispose();
    removeTestStorage(deps.config);
  });

  it('signs Form 01 after rendering; the signed file verifies and is found by its hash; reruns are no-ops', async () => {
    const officer = testOfficer([{ role: 'reception_officer', agencyId: org.desk }], 'Lê Thị Tiếp Nhận');
    const received = await receiveTestDossier(db, { officer, now, procedure: testProcedureCase(org), receivingAgencyId: org.desk });
    if (!received.ok) throw new Error(received.error.code);
    const runner = createJobRunner({ db, clock: deps.clock, handlers: buildJobHandlers(deps), onlyRegisteredTopics: true });
    await runner.runOnce(); // document.render
    dossierId = received.value.id;
    const [form] = (await listDossierDocuments(db, system, received.value.id))!;
    formId = form!.id;
    expect(form?.kind).toBe('receipt');

    expect(await enqueuePendingSignatures(db, now)).toBe(1);
    await runner.runOnce(); // document.sign
    const signed = await findSignedVersion(db, 'issued_document', form!.id);
    expect(signed).not.toBeNull();
    expect(signed!.signers.map((s) => [s.purpose, s.commonName])).toEqual([['seal', 'UBND phường Thuận Hóa']]);

    const original = await deps.contentStore.get(form!.storageKey);
    const bytes = await deps.contentStore.get(signed!.signedSha256);
    expect(original).not.toBeNull();
    expect(Buffer.from(bytes!.subarray(0, original!.length)).equals(Buffer.from(original!))).toBe(true);
    const output = judge.check(bytes!);
    expect(output).toContain('Signature is Valid.');
    expect(output).toContain('Certificate is Trusted.');

    const report = await verifyDocument(deps, bytes!);
    expect(report).toMatchObject({ verdict: 'valid', isReplaced: false });
    expect(report.issued).toMatchObject({ documentId: form!.id, title: form!.title, dossierCode: received.value.code, signedAt: now.toISOString() });
    const draft = await verifyDocument(deps, original!);
    expect(draft).toMatchObject({ verdict: 'unsigned' });
    expect(draft.issued).toMatchObject({ documentId: form!.id, signedAt: null });

    expect(await enqueuePendingSignatures(db, now)).toBe(0);
    const before = await db.query('SELECT id FROM signed_document');
    await runner.runOnce();
    expect(await db.query('SELECT id FROM signed_document')).toEqual(before);
    const audit = await db.query<{ action: string }>("SELECT action FROM audit_event WHERE action = 'document.sign'");
    expect(audit).toHaveLength(1);
  });

  it('serves the signed file to whoever may see the dossier, and 404 to others', async () => {
    const app = await buildApp({ config: deps.config, db, clock: deps.clock, contentStore: deps.contentStore });
    try {
      const officer = await createOfficer(db, { roles: [{ role: 'reception_officer', agencyCode: org.codes.desk }] });
      const stranger = await createOfficer(db, { roles: [{ role: 'reception_officer', agencyCode: org.codes.otherDesk }] });
      const url = `/api/v1/dossiers/${dossierId}/documents/${formId}/signed`;
      const res = await app.inject({ method: 'GET', url, headers: await signIn(app, officer, { clock: deps.clock }) });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/pdf');
      expect(judge.check(res.rawPayload)).toContain('Signature is Valid.');
      expect(res.headers['x-content-sha256']).toBe((await findSignedVersion(db, 'issued_document', formId))!.signedSha256);
      const other = await app.inject({ method: 'GET', url, headers: await signIn(app, stranger, { clock: deps.clock }) });
      expect(other.statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('signs a result with the leader’s personal certificate, then the seal; a later result replaces it', async () => {
    const leader = await createOfficer(db, { roles: [{ role: 'agency_leader', agencyCode: org.codes.agency }], displayName: 'Trần Văn Lãnh Đạo' });
    const personal = await issueSigningCertificate(ca, { subject: { commonName: 'Trần Văn Lãnh Đạo', organization: 'UBND phường Thuận Hóa' }, ...validity });
    await storeCertificate(deps, { actor: system, now }, { agencyId: org.agency, purpose: 'personal', holderUserId: leader.id, credential: personal });
    const document = await PDFDocument.create();
    document.addPage([595, 842]);
    const stored = await deps.contentStore.put(await document.save());
    const source = (eventId: string) => ({
      kind: 'result_attachment' as const,
      id: randomUUID(),
      dossierId,
      eventId,
      agencyId: org.agency,
      title: 'ket-qua.pdf',
      contentKey: stored.key,
      approverUserId: leader.id,
    });
    const first = await signSource(deps, db, now, source(randomUUID()));
    const [row] = await db.query<{ signed_sha256: string; signers: { purpose: string; commonName: string }[] }>(
      'SELECT signed_sha256, signers FROM signed_document WHERE id = $1',
      [first],
    );
    expect(row!.signers.map((s) => [s.purpose, s.commonName])).toEqual([
      ['personal', 'Trần Văn Lãnh Đạo'],
      ['seal', 'UBND phường Thuận Hóa'],
    ]);
    const bytes = (await deps.contentStore.get(row!.signed_sha256))!;
    expect(judge.check(bytes).match(/Signature is Valid\./g)).toHaveLength(2);
    expect((await verifyDocument(deps, bytes)).isReplaced).toBe(false);

    await signSource(deps, db, now, source(randomUUID()));
    const again = await verifyDocument(deps, bytes);
    expect(again).toMatchObject({ verdict: 'valid', isReplaced: true });
  });
});
