/**
 * Signing a result through the API on the seeded Huế organisation: the leader records the result of a counter
 * dossier with an uploaded PDF; the job runner's `document.sign` signs it with the leader's personal certificate,
 * then the committee's seal; pdfsig and the public verification both find two valid, trusted signatures, and the
 * hash lookup names the dossier. A broken "PDF" is skipped (audited), not retried for ever.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { completeDeps } from '../src/deps';
import { buildJobHandlers } from '../src/jobs/handlers';
import { createJobRunner } from '../src/jobs/job-runner';
import { createTestApp, type TestApp } from '../../../test-support/app';
import { counterDossier, longSessions, phuXuanTeam, procedureRef, seedHue, type ApiUser } from '../../../test-support/dossier-api';
import { multipart, pdfBytes } from '../../../test-support/files';
import type { PdfsigJudge } from '../../../test-support/pdfsig';
import { installTestPki } from '../../../test-support/pki';

describe('a recorded result is signed by the leader, then sealed', () => {
  let t: TestApp;
  let judge: PdfsigJudge;
  let desk: string;
  let reception: ApiUser;
  let specialist: ApiUser;
  let head: ApiUser;
  let leader: ApiUser;
  const now = new Date('2026-03-02T02:00:00Z');

  beforeAll(async () => {
    t = await createTestApp({ config: longSessions });
    await seedHue(t);
    let committee: string;
    ({ desk, committee, reception, specialist, head, leader } = await phuXuanTeam(t));
    ({ judge } = await installTestPki(t, {
      rootName: 'Test Root CA (results)',
      sealAgencyId: committee,
      sealName: 'UBND phường Phú Xuân',
      personal: { userId: leader.userId, name: 'Hồ Lãnh Đạo' },
      now,
    }));
  }, 120_000);
  afterAll(async () => {
    judge?.close();
    await t?.close();
  });

  async function ok(user: ApiUser, url: string, payload: object = {}) {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: await user.headers(), payload });
    expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  }
  async function workStep(id: string, officer: ApiUser) {
    const d = (await t.app.inject({ url: `/api/v1/dossiers/${id}`, headers: await officer.headers() })).json();
    const step = (d.steps as { id: string; status: string }[]).find((s) => s.status === 'active')!;
    await ok(officer, `/dossiers/${id}/steps/${step.id}/claim`);
    await ok(officer, `/dossiers/${id}/steps/${step.id}/completion`, { note: 'xong' });
  }
  async function resultWith(file: Buffer) {
    const birth = await procedureRef(t, '1.001193');
    const received = await ok(reception, '/dossiers', counterDossier(birth, desk));
    await ok(reception, `/dossiers/${received.id}/transfer`, {});
    for (const officer of [specialist, head, leader]) await workStep(received.id, officer);
    const upload = multipart({ purpose: 'result' }, { name: 'giay-khai-sinh.pdf', bytes: file });
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${received.id}/attachments`,
      headers: { ...(await leader.headers()), ...upload.headers },
      payload: upload.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    await ok(leader, `/dossiers/${received.id}/result`, { summary: 'Cấp Giấy khai sinh', attachmentIds: [uploaded.json().id] });
    const jobs = createJobRunner({ db: t.db, clock: t.clock, handlers: buildJobHandlers(t), onlyRegisteredTopics: true });
    await jobs.runOnce();
    return { dossier: received, attachmentId: uploaded.json().id as string };
  }

  it('signs the uploaded result leader-then-seal; pdfsig and /verify agree; the hash names the dossier', async () => {
    const document = await PDFDocument.create();
    document.addPage([595, 842]);
    const { dossier, attachmentId } = await resultWith(Buffer.from(await document.save()));
    const [row] = await t.db.query<{ signed_sha256: string; signers: { purpose: string; commonName: string }[] }>(
      "SELECT signed_sha256, signers FROM signed_document WHERE source_kind = 'result_attachment' AND source_id = $1",
      [attachmentId],
    );
    expect(row?.signers.map((s) => [s.purpose, s.commonName])).toEqual([
      ['personal', 'Hồ Lãnh Đạo'],
      ['seal', 'UBND phường Phú Xuân'],
    ]);
    const signed = (await t.app.inject({ url: '/api/v1/verify/hashes/' + row!.signed_sha256 })).json();
    expect(signed).toMatchObject({ dossierCode: dossier.code, isReplaced: false, sha256: row!.signed_sha256 });

    const bytes = Buffer.from((await completeDeps(t).contentStore.get(row!.signed_sha256))!);
    expect(judge.check(bytes).match(/Signature is Valid\./g)).toHaveLength(2);
    const verified = await t.app.inject({ method: 'POST', url: '/api/v1/verify', headers: { 'content-type': 'application/pdf' }, payload: bytes });
    expect(verified.json()).toMatchObject({ verdict: 'valid', issued: { dossierCode: dossier.code } });
    expect(verified.json().signatures.map((s: { signerName: string; isTrusted: boolean }) => [s.signerName, s.isTrusted])).toEqual([
      ['Hồ Lãnh Đạo', true],
      ['UBND phường Phú Xuân', true],
    ]);
  });

  it('signs an uploaded result document once: its file named again with the recorded result is not signed a second time', async () => {
    const birth = await procedureRef(t, '1.001193');
    const received = await ok(reception, '/dossiers', counterDossier(birth, desk));
    await ok(reception, `/dossiers/${received.id}/transfer`, {});
    for (const officer of [specialist, head, leader]) await workStep(received.id, officer);
    const attach = async (name: string, text: string) => {
      const document = await PDFDocument.create();
      document.addPage([595, 842]);
      document.setTitle(text);
      const upload = multipart({ purpose: 'result' }, { name, bytes: Buffer.from(await document.save()) });
      const answer = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${received.id}/attachments`, headers: { ...(await leader.headers()), ...upload.headers }, payload: upload.payload });
      expect(answer.statusCode, answer.body).toBe(201);
      return answer.json() as { id: string; sha256: string };
    };
    const decision = await attach('quyet-dinh.pdf', 'Quyết định');
    const annex = await attach('phu-luc.pdf', 'Phụ lục');
    const document = await ok(leader, `/dossiers/${received.id}/results/documents`, { contentKey: decision.sha256, title: 'Quyết định' });
    await ok(leader, `/dossiers/${received.id}/documents/${document.id}/approval`);
    // an older client (or a hand-made call) names the document's own file among the result files
    await ok(leader, `/dossiers/${received.id}/result`, { summary: 'Cấp Giấy khai sinh', attachmentIds: [decision.id, annex.id] });
    const jobs = createJobRunner({ db: t.db, clock: t.clock, handlers: buildJobHandlers(t), onlyRegisteredTopics: true });
    await jobs.runOnce();
    const signed = await t.db.query<{ source_kind: string; source_id: string; unsigned_sha256: string }>(
      'SELECT source_kind, source_id, unsigned_sha256 FROM signed_document WHERE dossier_id = $1 ORDER BY source_kind',
      [received.id],
    );
    expect(signed.map((r) => [r.source_kind, r.source_id, r.unsigned_sha256])).toEqual([
      ['issued_document', document.id, decision.sha256],
      ['result_attachment', annex.id, annex.sha256],
    ]);
  });

  it('skips a result file that only looks like a PDF, with an audit entry, instead of retrying for ever', async () => {
    const { attachmentId } = await resultWith(pdfBytes('không phải PDF thật'));
    expect(await t.db.query("SELECT 1 FROM signed_document WHERE source_id = $1", [attachmentId])).toHaveLength(0);
    const audit = await t.db.query<{ action: string }>('SELECT action FROM audit_event WHERE target_id = $1', [attachmentId]);
    expect(audit.map((a) => a.action)).toContain('document.sign_skipped');
    const failed = await t.db.query("SELECT 1 FROM outbox_message WHERE topic = 'document.sign' AND status <> 'done'");
    expect(failed).toHaveLength(0);
  });
});
