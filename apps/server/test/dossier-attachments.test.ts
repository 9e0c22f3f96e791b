/**
 * Dossier attachments over HTTP: multipart upload judged by content, limits per file and per dossier, bytes in the
 * content store under their SHA-256, downloads scoped like the dossier (404 outside), reuse of an earlier file
 * without uploading it again. Every refusal is problem+json.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  type ProcedureRef,
} from '../../../test-support/dossier-api';
import { docxBytes, jpegBytes, multipart, pdfBytes, pngBytes, xlsxBytes, zipOf } from '../../../test-support/files';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('dossier attachments', () => {
  let t: TestApp;
  let birth: ProcedureRef;
  let desk: string;
  let applicant: ApiUser;
  let stranger: ApiUser;
  let deskOfficer: ApiUser;
  let otherDeskOfficer: ApiUser;
  let dossierId: string;

  beforeAll(async () => {
    t = await createTestApp({ config: { ...longSessions, MOTCUA_ATTACHMENT_MAX_FILE_MB: '1', MOTCUA_ATTACHMENT_MAX_DOSSIER_MB: '2' } });
    await seedHue(t);
    desk = await agencyIdOf(t, PHU_XUAN_DESK);
    birth = await procedureRef(t, '1.001193');
    const [other] = await t.db.query<{ code: string }>(
      "SELECT code FROM agency WHERE kind = 'service_centre' AND level = 'commune' AND code <> $1 ORDER BY code LIMIT 1",
      [PHU_XUAN_DESK],
    );
    [applicant, stranger, deskOfficer, otherDeskOfficer] = await Promise.all([
      citizenOf(t, { email: 'binh@example.vn' }),
      citizenOf(t),
      officerOf(t, [{ role: 'reception_officer', agencyCode: PHU_XUAN_DESK }]),
      officerOf(t, [{ role: 'reception_officer', agencyCode: other!.code }]),
    ]);
    dossierId = await submit();
  });
  afterAll(() => t.close());

  async function submit(): Promise<string> {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: await applicant.headers(), payload: onlineDossier(birth, desk) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  async function upload(user: ApiUser, id: string, file: { name: string; bytes: Buffer; contentType?: string } | null, fields: Record<string, string> = {}) {
    const body = multipart(fields, file);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${id}/attachments`,
      headers: { ...(await user.headers()), ...body.headers },
      payload: body.payload,
    });
  }

  const get = async (user: ApiUser, url: string) => t.app.inject({ url, headers: await user.headers() });

  function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): { code: string } }, status: number, code: string) {
    expect(res.statusCode).toBe(status);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    expect(res.json().code).toBe(code);
  }

  it('stores an uploaded PDF under its SHA-256 and serves it back to the applicant and the desk', async () => {
    const bytes = pdfBytes('Giấy chứng sinh');
    const res = await upload(applicant, dossierId, { name: 'giấy chứng sinh.pdf', bytes, contentType: 'text/plain' }, { requiredDocumentCode: 'tp-4' });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      dossierId,
      purpose: 'document',
      requiredDocumentCode: 'tp-4',
      fileName: 'giấy chứng sinh.pdf',
      mediaType: 'application/pdf', // by content, not by the declared text/plain
      sizeBytes: bytes.length,
      sha256: sha256(bytes),
      reusedFromId: null,
    });
    const list = await get(applicant, `/api/v1/dossiers/${dossierId}/attachments`);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    for (const user of [applicant, deskOfficer]) {
      const file = await get(user, `/api/v1/dossiers/${dossierId}/attachments/${a.id}/content`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toBe(
        `attachment; filename="giay chung sinh.pdf"; filename*=UTF-8''${encodeURIComponent('giấy chứng sinh.pdf')}`,
      );
      expect(Buffer.compare(file.rawPayload, bytes)).toBe(0);
    }
    const files = readdirSync(t.config.storage.dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.map((f) => f.name)).toEqual([sha256(bytes)]);
    const [audit] = await t.db.query<{ action: string }>("SELECT action FROM audit_event WHERE action LIKE 'dossier.attachment%'");
    expect(audit?.action).toBe('dossier.attachment.add');
  });

  it('accepts JPEG, PNG, DOCX and XLSX by their content', async () => {
    const cases = [
      { name: 'anh.jpg', bytes: jpegBytes(), type: 'image/jpeg' },
      { name: 'scan', bytes: pngBytes(), type: 'image/png' },
      { name: 'don.docx', bytes: docxBytes(), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      { name: 'bang.xlsx', bytes: xlsxBytes(), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    ];
    const id = await submit();
    for (const c of cases) {
      const res = await upload(applicant, id, { name: c.name, bytes: c.bytes });
      expect(res.statusCode, `${c.name}: ${res.body}`).toBe(201);
      expect(res.json().mediaType).toBe(c.type);
    }
  });

  it('refuses other content whatever its name, and stores nothing', async () => {
    const before = readdirSync(t.config.storage.dir, { recursive: true }).length;
    const fakes = [
      { name: 'to-khai.pdf', bytes: Buffer.from('MZ this is a program, not a PDF') },
      { name: 'don.docx', bytes: zipOf({ 'readme.txt': 'a zip, not a Word document' }) },
      { name: 'anh.png', bytes: Buffer.from('GIF89a') },
    ];
    for (const f of fakes) expectProblem(await upload(applicant, dossierId, { ...f, contentType: 'application/pdf' }), 415, 'DOSSIER_ATTACHMENT_TYPE');
    expect(readdirSync(t.config.storage.dir, { recursive: true }).length).toBe(before);
  });

  it('refuses a request without a file, a wrong purpose, and a result from the applicant', async () => {
    expectProblem(await upload(applicant, dossierId, null, { purpose: 'document' }), 400, 'DOSSIER_ATTACHMENT_MISSING');
    const json = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${dossierId}/attachments`,
      headers: await applicant.headers(),
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBeGreaterThanOrEqual(400);
    expect(json.statusCode).toBeLessThan(500);
    expect(String(json.headers['content-type'])).toContain('application/problem+json');
    expectProblem(await upload(applicant, dossierId, { name: 'a.pdf', bytes: pdfBytes() }, { purpose: 'other' }), 400, 'VALIDATION_FAILED');
    expectProblem(await upload(applicant, dossierId, { name: 'a.pdf', bytes: pdfBytes() }, { purpose: 'result' }), 403, 'DOSSIER_ACTOR_NOT_ALLOWED');
  });

  it('limits a file and the dossier’s total', async () => {
    const mb = 1024 * 1024;
    const id = await submit();
    expectProblem(await upload(applicant, id, { name: 'big.pdf', bytes: pdfBytes('big', mb + 10) }), 413, 'DOSSIER_ATTACHMENT_TOO_LARGE');
    for (const n of [1, 2]) {
      const res = await upload(applicant, id, { name: `part-${n}.pdf`, bytes: pdfBytes(`part ${n}`, Math.floor(0.9 * mb)) });
      expect(res.statusCode, res.body).toBe(201);
    }
    expectProblem(await upload(applicant, id, { name: 'part-3.pdf', bytes: pdfBytes('part 3', Math.floor(0.9 * mb)) }), 413, 'DOSSIER_ATTACHMENTS_TOO_LARGE');
    const list = await get(applicant, `/api/v1/dossiers/${id}/attachments`);
    expect(list.json().items).toHaveLength(2);
  });

  it('answers 404 outside the reader’s scope, exactly like an absent file', async () => {
    const [a] = (await get(applicant, `/api/v1/dossiers/${dossierId}/attachments`)).json().items;
    const absent = '00000000-0000-4000-8000-000000000000';
    for (const [user, url] of [
      [stranger, `/api/v1/dossiers/${dossierId}/attachments`],
      [stranger, `/api/v1/dossiers/${dossierId}/attachments/${a.id}/content`],
      [otherDeskOfficer, `/api/v1/dossiers/${dossierId}/attachments/${a.id}/content`],
      [applicant, `/api/v1/dossiers/${dossierId}/attachments/${absent}/content`],
    ] as const) {
      expectProblem(await get(user, url), 404, 'NOT_FOUND');
    }
    expectProblem(await upload(stranger, dossierId, { name: 'a.pdf', bytes: pdfBytes('x') }), 404, 'NOT_FOUND');
    expect((await t.app.inject({ url: `/api/v1/dossiers/${dossierId}/attachments/${a.id}/content` })).statusCode).toBe(401);
  });

  it('lets the applicant attach a file from an earlier dossier without uploading it again', async () => {
    const reusable = (await get(applicant, '/api/v1/attachments/reusable')).json().items as { id: string; sha256: string; dossierCode: string | null }[];
    const source = reusable.find((r) => r.sha256 === sha256(pdfBytes('Giấy chứng sinh')));
    expect(source).toBeDefined();
    const filesBefore = readdirSync(t.config.storage.dir, { recursive: true }).length;
    const second = await submit();
    const reuse = async (user: ApiUser, sourceAttachmentId: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/dossiers/${second}/attachments/reuse`,
        headers: await user.headers(),
        payload: { sourceAttachmentId, requiredDocumentCode: 'tp-4' },
      });
    const res = await reuse(applicant, source!.id);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ dossierId: second, reusedFromId: source!.id, sha256: source!.sha256, fileName: 'giấy chứng sinh.pdf' });
    const file = await get(applicant, `/api/v1/dossiers/${second}/attachments/${res.json().id}/content`);
    expect(Buffer.compare(file.rawPayload, pdfBytes('Giấy chứng sinh'))).toBe(0);
    expect(readdirSync(t.config.storage.dir, { recursive: true }).length).toBe(filesBefore);
    // someone else's file is not theirs to reuse; officers do not reuse on an applicant's behalf
    const strangersOwn = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: await stranger.headers(), payload: onlineDossier(birth, desk) });
    const theirs = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${strangersOwn.json().id}/attachments/reuse`,
      headers: await stranger.headers(),
      payload: { sourceAttachmentId: source!.id },
    });
    expectProblem(theirs, 404, 'NOT_FOUND');
    expectProblem(await reuse(deskOfficer, source!.id), 403, 'DOSSIER_ACTOR_NOT_ALLOWED');
    expect((await get(stranger, '/api/v1/attachments/reusable')).json().items).toEqual([]);
  });
});
