/**
 * Issue 6's "done means", through the API on the seeded Huế organisation: for a dossier taken through the
 * lifecycle (online submission, reception, one supplement, an apology with a new appointment, the result, the
 * return, the control sheet) and for a refused one, EVERY form it produced downloads as a signed PDF that poppler's
 * pdfsig validates; the QR code printed on it — read from the rendered page, as a phone would — opens that
 * document's verification page; and the verification rejects a one-byte-altered copy (so does pdfsig).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { buildJobHandlers, buildPeriodicTasks } from '../src/jobs/handlers';
import { createJobRunner } from '../src/jobs/job-runner';
import { enqueuePendingSignatures } from '../src/signatures/signature.jobs';
import { createTestApp, type TestApp } from '../../../test-support/app';
import { citizenOf, longSessions, onlineDossier, phuXuanTeam, procedureRef, seedHue, type ApiUser } from '../../../test-support/dossier-api';
import { multipart, pdfBytes } from '../../../test-support/files';
import type { PdfsigJudge } from '../../../test-support/pdfsig';
import { installTestPki } from '../../../test-support/pki';
import { readQrCode } from '../../../test-support/qr';

interface IssuedDocument {
  id: string;
  kind: string;
  title: string;
  signedUrl: string | null;
}

describe('every form a dossier produced is signed, verifiable by its QR code, and a changed byte is caught', () => {
  let t: TestApp;
  let judge: PdfsigJudge;
  let now = new Date('2026-03-02T02:00:00Z');
  const at = (iso: string) => {
    now = new Date(iso);
  };
  let desk: string;
  let reception: ApiUser;
  let specialist: ApiUser;
  let head: ApiUser;
  let leader: ApiUser;
  let applicant: ApiUser;

  beforeAll(async () => {
    t = await createTestApp({ clock: { now: () => new Date(now) }, config: { ...longSessions, MOTCUA_PUBLIC_URL: 'https://dichvucong.hue.test' } });
    await seedHue(t);
    let committee: string;
    ({ desk, committee, reception, specialist, head, leader } = await phuXuanTeam(t));
    applicant = await citizenOf(t, { email: 'an.forms@example.vn' });
    ({ judge } = await installTestPki(t, {
      rootName: 'Test Root CA (lifecycle forms)',
      sealAgencyId: committee,
      sealName: 'UBND phường Phú Xuân',
      personal: { userId: leader.userId, name: 'Hồ Lãnh Đạo' },
      now,
    }));
  }, 180_000);
  afterAll(async () => {
    judge?.close();
    await t?.close();
  });

  async function ok(user: ApiUser, url: string, payload: object = {}) {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: await user.headers(), payload });
    expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  }
  async function get(user: ApiUser, url: string) {
    const res = await t.app.inject({ url: url.startsWith('/api/') ? url : `/api/v1${url}`, headers: await user.headers() });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res;
  }
  async function workStep(id: string, officer: ApiUser) {
    const step = (await get(officer, `/dossiers/${id}`)).json().steps.find((s: { status: string }) => s.status === 'active');
    await ok(officer, `/dossiers/${id}/steps/${step.id}/claim`);
    await ok(officer, `/dossiers/${id}/steps/${step.id}/completion`, { note: 'xong' });
  }
  async function upload(user: ApiUser, id: string, purpose: string, name: string, bytes: Buffer) {
    const file = multipart({ purpose }, { name, bytes });
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/attachments`, headers: { ...(await user.headers()), ...file.headers }, payload: file.payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  /** The job runner renders every form and runs the deadline sweep; the signing pickup (every 15 s) signs the rest. */
  async function renderAndSign() {
    const jobs = createJobRunner({ db: t.db, clock: t.clock, handlers: buildJobHandlers(t), periodic: buildPeriodicTasks(t), onlyRegisteredTopics: true });
    await jobs.runOnce();
    await enqueuePendingSignatures(t.db, now);
    await jobs.runOnce();
  }

  /** Every issued document of the dossier: signed, valid in pdfsig and ours, QR → its page; a changed byte fails. */
  async function expectEveryFormSignedAndVerifiable(dossierId: string, dossierCode: string | null): Promise<string[]> {
    const documents = (await get(reception, `/dossiers/${dossierId}/documents`)).json().items as IssuedDocument[];
    expect(documents.length).toBeGreaterThan(0);
    for (const document of documents) {
      const label = `${document.kind} (${document.title})`;
      expect(document.signedUrl, label).toBeTruthy();
      const download = await get(reception, document.signedUrl!);
      expect(String(download.headers['content-type']), label).toContain('application/pdf');
      const signed = download.rawPayload;
      const pdfsig = judge.check(signed);
      expect(pdfsig, label).toContain('Signature is Valid.');
      expect(pdfsig, label).not.toContain('Digest Mismatch');

      // the QR code on the page opens this document's verification page, which knows it as signed and issued
      const qr = readQrCode(signed);
      expect(qr, label).toBe(`https://dichvucong.hue.test/xac-thuc/${document.id}`);
      const record = (await t.app.inject(`/api/v1/verify/documents/${document.id}`)).json();
      expect(record, label).toMatchObject({ dossierCode, isReplaced: false });
      expect(record.signedAt, label).toBeTruthy();
      const verified = await t.app.inject({ method: 'POST', url: '/api/v1/verify', headers: { 'content-type': 'application/pdf' }, payload: signed });
      expect(verified.json(), label).toMatchObject({ verdict: 'valid', issued: { dossierCode } });

      // one byte changed inside the first revision's page content: both judges say so
      const altered = Buffer.from(signed);
      const offset = altered.indexOf('stream', 2000);
      expect(offset, label).toBeGreaterThan(2000);
      altered[offset + 40] = altered[offset + 40]! ^ 0x01;
      const rejected = (await t.app.inject({ method: 'POST', url: '/api/v1/verify', headers: { 'content-type': 'application/pdf' }, payload: altered })).json();
      expect(rejected.verdict, label).toBe('invalid');
      expect(rejected.issued, label).toBeNull();
      expect(judge.check(altered), label).not.toContain('Signature is Valid.');
    }
    return documents.map((d) => d.kind).sort();
  }

  it('an online dossier taken to its returned result: receipt, supplement request, apology, result, control sheet', async () => {
    const procedure = await procedureRef(t, '1.004873'); // xác nhận tình trạng hôn nhân, 3 working days
    at('2026-03-03T01:30:00Z');
    const submitted = await ok(applicant, '/dossiers', onlineDossier(procedure, desk, { parties: [{ role: 'applicant', fullName: 'Nguyễn Văn An', phone: '0905123456', email: 'an.forms@example.vn' }], summary: 'Xác nhận tình trạng hôn nhân' }));
    at('2026-03-03T02:00:00Z');
    const received = await ok(reception, `/dossiers/${submitted.id}/reception`); // Form 01
    await ok(reception, `/dossiers/${submitted.id}/transfer`, {});

    at('2026-03-04T03:00:00Z');
    const step = (await get(specialist, `/dossiers/${submitted.id}`)).json().steps.find((s: { status: string }) => s.status === 'active');
    await ok(specialist, `/dossiers/${submitted.id}/steps/${step.id}/claim`);
    await ok(specialist, `/dossiers/${submitted.id}/supplement-requests`, { items: ['Bản sao trích lục ly hôn'], reason: 'Thiếu giấy tờ chứng minh tình trạng hôn nhân trước đây' }); // Form 02
    at('2026-03-05T07:00:00Z');
    await upload(applicant, submitted.id, 'supplement', 'trích lục ly hôn.pdf', pdfBytes('Trích lục'));
    await ok(applicant, `/dossiers/${submitted.id}/supplements`, { documents: [{ name: 'Bản sao trích lục ly hôn', certifiedCopies: 1 }] });

    at('2026-03-09T04:00:00Z'); // Monday 11:00: due Tuesday 14:00 — at risk; the sweep drafts the apology
    await renderAndSign();
    const events = (await get(leader, `/dossiers/${submitted.id}/events`)).json().events as { id: string; kind: string; details: { proposedDueAt?: string } }[];
    const draft = events.find((e) => e.kind === 'draft_apology');
    expect(draft, 'the deadline sweep drafts an apology').toBeTruthy();
    await ok(leader, `/dossiers/${submitted.id}/extensions`, { newDueAt: draft!.details.proposedDueAt, reason: 'Cần xác minh tại nơi cư trú trước đây', draftEventId: draft!.id }); // Form 04

    at('2026-03-10T02:00:00Z');
    const claimed = (await get(specialist, `/dossiers/${submitted.id}`)).json().steps.find((s: { status: string }) => s.status === 'active');
    await ok(specialist, `/dossiers/${submitted.id}/steps/${claimed.id}/completion`, { note: 'đủ điều kiện' });
    await workStep(submitted.id, head);
    await workStep(submitted.id, leader);
    const result = await PDFDocument.create();
    result.addPage([595, 842]);
    const resultId = await upload(leader, submitted.id, 'result', 'giay-xac-nhan.pdf', Buffer.from(await result.save()));
    await ok(leader, `/dossiers/${submitted.id}/result`, { summary: 'Cấp Giấy xác nhận tình trạng hôn nhân', attachmentIds: [resultId] });
    await ok(reception, `/dossiers/${submitted.id}/return`, { method: 'counter', receiverName: 'Nguyễn Văn An', receiverRole: 'applicant' });
    await ok(reception, `/dossiers/${submitted.id}/documents/control-sheet`); // Form 06, on request

    await renderAndSign();
    const kinds = await expectEveryFormSignedAndVerifiable(submitted.id, received.code);
    // Form 01 twice: at reception and again with the new appointment after the supplement; the sweep's draft
    // apology is not issued, only the leader's Form 04 is
    expect(kinds).toEqual(['apology_extension', 'control_sheet', 'receipt', 'receipt', 'supplement_request']);
  });

  it('an online dossier refused at the reception check: its refusal (Form 03) too', async () => {
    const procedure = await procedureRef(t, '1.004873');
    at('2026-03-11T02:00:00Z');
    const submitted = await ok(applicant, '/dossiers', onlineDossier(procedure, desk, { parties: [{ role: 'applicant', fullName: 'Nguyễn Văn An', phone: '0905123456', email: 'an.forms@example.vn' }], summary: 'Xác nhận tình trạng hôn nhân' }));
    at('2026-03-11T03:00:00Z');
    const refused = await ok(reception, `/dossiers/${submitted.id}/refusal`, { reason: 'Hồ sơ không thuộc thẩm quyền giải quyết của phường' });
    expect(refused.state).toBe('refused_at_reception');
    await renderAndSign();
    expect(await expectEveryFormSignedAndVerifiable(submitted.id, refused.code ?? null)).toEqual(['refusal']);
  });
});
