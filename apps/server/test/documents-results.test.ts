/**
 * Result documents: drafted by the competent agency from a template (here the birth certificate extract) or from
 * an uploaded result PDF, approved once by the agency leader, then ready for signing; a newer draft replaces an
 * unapproved one and keeps the history. Refusals are problem+json with stable codes.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeDeps, type AppDeps } from '../src/deps';
import { createTestApp, type TestApp } from '../../../test-support/app';
import {
  agencyIdOf,
  citizenOf,
  longSessions,
  officerOf,
  onlineDossier,
  PHU_XUAN_DESK,
  procedureRef,
  seedHue,
  type ApiUser,
} from '../../../test-support/dossier-api';
import { pdfBytes } from '../../../test-support/files';

describe('result documents', () => {
  let t: TestApp;
  let deps: AppDeps;
  let specialist: ApiUser;
  let leader: ApiUser;
  let applicant: ApiUser;
  let dossierId: string;

  beforeAll(async () => {
    t = await createTestApp({ config: longSessions });
    deps = completeDeps({ config: t.config, db: t.db, clock: t.clock });
    await seedHue(t);
    const desk = await agencyIdOf(t, PHU_XUAN_DESK);
    const birth = await procedureRef(t, '1.001193');
    applicant = await citizenOf(t);
    const deskOfficer = await officerOf(t, [{ role: 'reception_officer', agencyCode: PHU_XUAN_DESK }]);
    const submitted = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: await applicant.headers(), payload: onlineDossier(birth, desk) });
    dossierId = submitted.json().id;
    const received = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossierId}/reception`, headers: await deskOfficer.headers(), payload: {} });
    expect(received.statusCode, received.body).toBe(200);
    const [competent] = await t.db.query<{ code: string }>('SELECT a.code FROM dossier d JOIN agency a ON a.id = d.competent_agency_id WHERE d.id = $1', [dossierId]);
    specialist = await officerOf(t, [{ role: 'specialist', agencyCode: competent!.code }]);
    leader = await officerOf(t, [{ role: 'agency_leader', agencyCode: competent!.code }], 'Nguyễn Văn Chủ Tịch');
  });
  afterAll(() => t.close());

  const post = async (user: ApiUser, url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossierId}${url}`, headers: await user.headers(), ...(payload ? { payload } : {}) });

  const birthFields = {
    fullName: 'Trần Gia Bảo',
    birthDate: '01/03/2026',
    birthDateInWords: 'Ngày một, tháng ba, năm hai nghìn không trăm hai mươi sáu',
    sex: 'Nam',
    ethnicity: 'Kinh',
    nationality: 'Việt Nam',
    birthPlace: 'Bệnh viện Trung ương Huế',
    motherName: 'Nguyễn Thị Hường',
    fatherName: 'Trần Văn Đức',
  };

  it('renders the birth certificate extract from the template and stores it as a result awaiting approval', async () => {
    const res = await post(specialist, '/results/documents', { template: 'birth_extract', fields: birthFields, signerName: 'Nguyễn Văn Chủ Tịch' });
    expect(res.statusCode, res.body).toBe(201);
    const document = res.json();
    expect(document).toMatchObject({ kind: 'result', origin: 'rendered', title: 'Trích lục khai sinh', approvedAt: null, documentNumber: '1/KQ-BPTNTKQ' });
    const file = await t.app.inject({ url: document.contentUrl, headers: await applicant.headers() });
    expect(file.statusCode).toBe(200);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: file.rawPayload, encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const phrase of ['TRÍCH LỤC KHAI SINH', 'Họ, chữ đệm, tên: Trần Gia Bảo', 'Giới tính: Nam', 'Họ, chữ đệm, tên người mẹ: Nguyễn Thị Hường', 'CHỦ TỊCH', 'Nguyễn Văn Chủ Tịch']) {
      expect(text).toContain(phrase);
    }
  });

  it('is approved once, by the agency leader only, and then waits for signing', async () => {
    const draft = (await post(specialist, '/results/documents', { template: 'result_letter', resultText: 'Cấp Giấy khai sinh bản chính và 02 bản sao.' })).json();
    const bySpecialist = await post(specialist, `/documents/${draft.id}/approval`);
    expect(bySpecialist.statusCode).toBe(403);
    expect(await post(applicant, `/documents/${draft.id}/approval`).then((r) => r.statusCode)).toBe(403);
    const approved = await post(leader, `/documents/${draft.id}/approval`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().approvedAt).toBe(t.clock.now().toISOString());
    const again = await post(leader, `/documents/${draft.id}/approval`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DOCUMENT_ALREADY_APPROVED');
    // the approval queues the signature itself (a topic the signing module handles), under the pickup's dedupe key
    const queued = await t.db.query<{ topic: string; payload: { issuedDocumentId: string } }>(
      "SELECT topic, payload FROM outbox_message WHERE dedupe_key = $1",
      [`sign-issued:${draft.id}`],
    );
    expect(queued.map((q) => [q.topic, q.payload.issuedDocumentId])).toEqual([['document.sign', draft.id]]);
    const orphans = await t.db.query("SELECT topic FROM outbox_message WHERE topic = 'document.result.approved'");
    expect(orphans).toEqual([]);
    // an approved result is not replaced
    const replacing = await post(specialist, '/results/documents', { template: 'result_letter', resultText: 'Khác', replaces: draft.id });
    expect(replacing.statusCode).toBe(409);
    expect(replacing.json().code).toBe('DOCUMENT_ALREADY_APPROVED');
  });

  it('a newer draft replaces an unapproved one, which can then no longer be approved', async () => {
    const first = (await post(specialist, '/results/documents', { template: 'result_letter', resultText: 'Bản nháp thứ nhất' })).json();
    const second = await post(specialist, '/results/documents', { template: 'result_letter', resultText: 'Bản nháp thứ hai', replaces: first.id });
    expect(second.statusCode, second.body).toBe(201);
    const list = (await t.app.inject({ url: `/api/v1/dossiers/${dossierId}/documents`, headers: await leader.headers() })).json().items;
    expect(list.find((d: { id: string }) => d.id === first.id).replacedBy).toBe(second.json().id);
    const refused = await post(leader, `/documents/${first.id}/approval`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('DOCUMENT_REPLACED');
  });

  it('takes an uploaded result PDF of the dossier by its content key, and refuses other keys and non-PDFs', async () => {
    const insertResultAttachment = async (bytes: Buffer, mediaType: string) => {
      const stored = await deps.contentStore.put(bytes);
      await t.db.query(
        `INSERT INTO dossier_attachment (id, dossier_id, purpose, file_name, media_type, size_bytes, sha256, storage_key, uploaded_at, uploaded_by)
         VALUES ($1, $2, 'result', 'ket-qua.pdf', $3, $4, $5, $5, $6, 'test')`,
        [randomUUID(), dossierId, mediaType, stored.sizeBytes, stored.key, t.clock.now()],
      );
      return stored.key;
    };
    const key = await insertResultAttachment(pdfBytes('Quyết định cấp giấy phép'), 'application/pdf');
    const res = await post(specialist, '/results/documents', { contentKey: key, title: 'Quyết định' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'result', origin: 'uploaded', sha256: key, title: 'Quyết định', documentNumber: null });
    const unknown = await post(specialist, '/results/documents', { contentKey: 'a'.repeat(64) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('DOCUMENT_CONTENT_MISSING');
    const textKey = await insertResultAttachment(Buffer.from('không phải PDF'), 'text/plain');
    const notPdf = await post(specialist, '/results/documents', { contentKey: textKey });
    expect(notPdf.statusCode).toBe(415);
    expect(notPdf.json().code).toBe('DOCUMENT_NOT_PDF');
  });
});
