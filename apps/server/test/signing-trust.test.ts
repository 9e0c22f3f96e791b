/**
 * PAdES B-T in the signing job: with MOTCUA_PKI_TSA_URL set, `document.sign` asks the TSA (the fake one in
 * packages/simulators/tsa, real RFC 3161 over HTTP) for a token over each signature; pdfsig and the public
 * verification accept the file and show the trusted time. While the TSA is down the job fails and retries: nothing
 * is stored or marked signed, the audit trail says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { startTsaSimulator, type TsaSimulator } from '../../../packages/simulators/tsa/src/index';

const system = { kind: 'system', name: 'test' } as const;

describe('document.sign with a timestamp authority (PAdES B-T)', () => {
  let db: TestDatabase;
  let org: TestOrganisation;
  let deps: AppDeps;
  let ca: Credential;
  let tsa: TsaSimulator;
  let judge: PdfsigJudge;
  let now = new Date();
  const clock = { now: () => now };
  const validity = { notBefore: new Date(Date.now() - 86_400_000), notAfter: new Date(Date.now() + 2 * 365 * 86_400_000) };

  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    org = await insertTestOrganisation(db);
    ca = await createCertificateAuthority({ subject: { commonName: 'Test Root CA (B-T job)' }, ...validity });
    tsa = await startTsaSimulator({ issuer: ca });
    deps = completeDeps({ config: testConfig({ MOTCUA_PKI_TSA_URL: tsa.url }), db, clock });
    const root = summariseCertificate(parseCertificate(ca.certificate));
    await upsertTrustedRoot(db, { fingerprint: root.fingerprint, subject: root.subject, notAfter: root.notAfter, certificateDer: ca.certificate, isDemo: true, sealedKey: null, addedAt: now });
    const seal = await issueSigningCertificate(ca, { subject: { commonName: 'UBND phường Thuận Hóa', organization: 'UBND phường Thuận Hóa' }, ...validity });
    await storeCertificate(deps, { actor: system, now }, { agencyId: org.agency, purpose: 'seal', holderUserId: null, credential: seal });
    judge = createPdfsigJudge([{ name: 'bt-job-root', pem: toPem(ca.certificate) }]);
  }, 60_000);
  afterAll(async () => {
    judge?.close();
    await tsa?.close();
    await db?.dispose();
    if (deps) removeTestStorage(deps.config);
  });

  it('TSA down: the job fails and retries, nothing marked signed; TSA back: the form is signed with a timestamp', async () => {
    const officer = testOfficer([{ role: 'reception_officer', agencyId: org.desk }], 'Lê Thị Tiếp Nhận');
    const received = await receiveTestDossier(db, { officer, now, procedure: testProcedureCase(org), receivingAgencyId: org.desk });
    if (!received.ok) throw new Error(received.error.code);
    const runner = createJobRunner({ db, clock, handlers: buildJobHandlers(deps), onlyRegisteredTopics: true });
    await runner.runOnce(); // document.render
    const [form] = (await listDossierDocuments(db, system, received.value.id))!;
    expect(await enqueuePendingSignatures(db, now)).toBe(1);

    tsa.failNext(1, 'http-503');
    await runner.runOnce();
    expect(await findSignedVersion(db, 'issued_document', form!.id)).toBeNull();
    const [message] = await db.query<{ status: string; attempts: number; last_error: string; available_at: Date }>(
      "SELECT status, attempts, last_error, available_at FROM outbox_message WHERE topic = 'document.sign'",
    );
    expect(message).toMatchObject({ status: 'pending', attempts: 1 }); // to be retried, not failed for good
    expect(message!.last_error).toContain('Timestamp authority');
    expect(new Date(message!.available_at).getTime()).toBeGreaterThan(now.getTime()); // retried later, with back-off
    const failures = await db.query<{ target_id: string; summary: { reason: string } }>(
      "SELECT target_id, summary FROM audit_event WHERE action = 'document.sign_timestamp_failed'",
    );
    expect(failures).toEqual([expect.objectContaining({ target_id: form!.id, summary: expect.objectContaining({ reason: 'http' }) })]);

    now = new Date(now.getTime() + 120_000);
    await runner.runOnce();
    const signed = await findSignedVersion(db, 'issued_document', form!.id);
    expect(signed).not.toBeNull();
    const bytes = (await deps.contentStore.get(signed!.signedSha256))!;
    const output = judge.check(bytes);
    expect(output).toContain('Signature is Valid.');
    expect(output).toContain('Certificate is Trusted.');

    const report = await verifyDocument(deps, bytes);
    expect(report.verdict).toBe('valid');
    expect(report.signatures[0]).toMatchObject({ hasTimestamp: true, timestamp: { valid: true, tsa: 'MotCua DEMO TSA — KHÔNG dùng thật' } });
    expect(Math.abs(new Date(report.signatures[0]!.timestamp!.time!).getTime() - Date.now())).toBeLessThan(120_000);
  });
});
