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
import { enqueuePendingSignatures } from '../src/signatures/signature.jobs';
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
    const [form] = (await listDossierDocuments(db, system, received.value.id))!;
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
});
