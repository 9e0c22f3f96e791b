/**
 * A dossier's issued documents over HTTP, with real sessions: the applicant and the desk list and download the
 * Form 01 of a reception; another citizen and another desk get the 404 of an absent dossier; nobody signed in gets
 * 401; the file comes byte for byte with its SHA-256, an ASCII file name and nothing personal in the URL.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeDeps } from '../src/deps';
import { buildJobHandlers } from '../src/jobs/handlers';
import { createJobRunner } from '../src/jobs/job-runner';
import { createTestApp, type TestApp } from '../../../test-support/app';
import {
  agencyIdOf,
  citizenOf,
  counterDossier,
  longSessions,
  officerOf,
  onlineDossier,
  PHU_XUAN_DESK,
  procedureRef,
  seedHue,
  type ApiUser,
} from '../../../test-support/dossier-api';

describe('issued documents API', () => {
  let t: TestApp;
  let applicant: ApiUser;
  let stranger: ApiUser;
  let deskOfficer: ApiUser;
  let otherDeskOfficer: ApiUser;
  let dossierId: string;
  let dossierCode: string;

  beforeAll(async () => {
    t = await createTestApp({ config: longSessions });
    await seedHue(t);
    const desk = await agencyIdOf(t, PHU_XUAN_DESK);
    const birth = await procedureRef(t, '1.001193');
    const [other] = await t.db.query<{ code: string }>(
      "SELECT code FROM agency WHERE kind = 'service_centre' AND level = 'commune' AND code <> $1 ORDER BY code LIMIT 1",
      [PHU_XUAN_DESK],
    );
    [applicant, stranger, deskOfficer, otherDeskOfficer] = await Promise.all([
      citizenOf(t),
      citizenOf(t),
      officerOf(t, [{ role: 'reception_officer', agencyCode: PHU_XUAN_DESK }], 'Hồ Thị Tiếp Nhận'),
      officerOf(t, [{ role: 'reception_officer', agencyCode: other!.code }]),
    ]);
    const submitted = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: await applicant.headers(), payload: onlineDossier(birth, desk) });
    expect(submitted.statusCode, submitted.body).toBe(201);
    dossierId = submitted.json().id;
    const received = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossierId}/reception`, headers: await deskOfficer.headers(), payload: {} });
    expect(received.statusCode, received.body).toBe(200);
    dossierCode = received.json().code;
    const deps = completeDeps({ config: t.config, db: t.db, clock: t.clock });
    await createJobRunner({ db: t.db, clock: t.clock, handlers: buildJobHandlers(deps), onlyRegisteredTopics: true }).runOnce();
  });
  afterAll(() => t.close());

  const get = async (user: ApiUser | null, url: string) => t.app.inject({ url, headers: user ? await user.headers() : {} });

  it('lists the Form 01 of the reception to the applicant and to the desk', async () => {
    for (const user of [applicant, deskOfficer]) {
      const res = await get(user, `/api/v1/dossiers/${dossierId}/documents`);
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().items;
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ kind: 'receipt', formSet: 'tt03-2025', formNumber: '01', mediaType: 'application/pdf', origin: 'rendered' });
      expect(items[0].contentUrl).toBe(`/api/v1/dossiers/${dossierId}/documents/${items[0].id}/content`);
      expect(items[0].signedUrl, 'not signed: no signed file to offer').toBeNull();
    }
  });

  it('serves the file byte for byte, with its hash and an ASCII file name', async () => {
    const [document] = (await get(applicant, `/api/v1/dossiers/${dossierId}/documents`)).json().items;
    const res = await get(applicant, document.contentUrl);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const bytes = res.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(document.sha256);
    expect(res.headers['x-content-sha256']).toBe(document.sha256);
    expect(res.headers.etag).toBe(`"${document.sha256}"`);
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toContain(`filename="mau-01-tt03-2025-${dossierCode}.pdf"`);
    expect(disposition).toMatch(/^[\x20-\x7e]+$/);
  });

  it('answers 404 to another citizen and to another desk, and 401 to nobody signed in', async () => {
    const [document] = (await get(applicant, `/api/v1/dossiers/${dossierId}/documents`)).json().items;
    for (const user of [stranger, otherDeskOfficer]) {
      const list = await get(user, `/api/v1/dossiers/${dossierId}/documents`);
      expect(list.statusCode).toBe(404);
      expect(list.json().code).toBe('NOT_FOUND');
      expect((await get(user, document.contentUrl)).statusCode).toBe(404);
    }
    expect((await get(null, `/api/v1/dossiers/${dossierId}/documents`)).statusCode).toBe(401);
    expect((await get(null, document.contentUrl)).statusCode).toBe(401);
    // a document id under another dossier id is absent too
    const otherDossier = '00000000-0000-4000-8000-000000000001';
    expect((await get(applicant, `/api/v1/dossiers/${otherDossier}/documents/${document.id}/content`)).statusCode).toBe(404);
  });

  it('issues the control sheet once per state of the dossier, to officers who see it', async () => {
    const url = `/api/v1/dossiers/${dossierId}/documents/control-sheet`;
    const post = async (user: ApiUser) => t.app.inject({ method: 'POST', url, headers: await user.headers() });
    const first = await post(deskOfficer);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ kind: 'control_sheet', formSet: 'tt03-2025', formNumber: '06', documentNumber: '1/PKS-BPTNTKQ' });
    const again = await post(deskOfficer);
    expect(again.json().id).toBe(first.json().id);
    expect((await post(applicant)).statusCode).toBe(403);
    expect((await post(otherDeskOfficer)).statusCode).toBe(404);
    const items = (await get(applicant, `/api/v1/dossiers/${dossierId}/documents`)).json().items;
    expect(items.map((i: { kind: string }) => i.kind)).toEqual(['receipt', 'control_sheet']);
  });

  it('names the forms issued but not rendered yet, until their PDF is stored, and says when rendering gave up', async () => {
    const desk = await agencyIdOf(t, PHU_XUAN_DESK);
    const birth = await procedureRef(t, '1.001193');
    const conclude = async (outcome: object) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: await deskOfficer.headers(), payload: counterDossier(birth, desk, { outcome }) });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const guided = await conclude({ kind: 'guide', items: ['Giấy chứng sinh'], reason: 'Thiếu giấy chứng sinh.' });
    const refused = await conclude({ kind: 'refuse', reason: 'Không thuộc thẩm quyền.' });
    const list = async (id: string, user: ApiUser = deskOfficer) => (await get(user, `/api/v1/dossiers/${id}/documents`)).json();
    expect(await list(guided)).toMatchObject({ items: [], pendingForms: [{ kind: 'supplement_request', state: 'queued', attempts: 0 }] });
    expect(await list(refused)).toMatchObject({ items: [], pendingForms: [{ kind: 'refusal', state: 'queued', attempts: 0 }] });
    // The refusal's job is broken (its event is gone from the payload): the runner gives up, and the list says so.
    await t.db.query(
      `UPDATE outbox_message SET payload = jsonb_set(payload, '{eventId}', '"00000000-0000-4000-8000-000000000009"')
        WHERE dedupe_key = 'render:' || $1`,
      [(await list(refused)).pendingForms[0].eventId],
    );
    const deps = completeDeps({ config: t.config, db: t.db, clock: t.clock });
    await createJobRunner({ db: t.db, clock: t.clock, handlers: buildJobHandlers(deps), onlyRegisteredTopics: true }).runOnce();
    const rendered = await list(guided);
    expect(rendered.pendingForms).toEqual([]);
    expect(rendered.items).toMatchObject([{ kind: 'supplement_request', formNumber: '02', eventId: expect.any(String) }]);
    expect(await list(refused)).toMatchObject({ items: [], pendingForms: [{ kind: 'refusal', state: 'failed', attempts: 1 }] });
    // out of scope: the 404 of an absent dossier, nothing about its forms
    expect((await get(otherDeskOfficer, `/api/v1/dossiers/${refused}/documents`)).statusCode).toBe(404);
  });

  it('renders the desk ledger of a year as an A4 PDF for the desk only', async () => {
    const desk = await agencyIdOf(t, PHU_XUAN_DESK);
    const res = await get(deskOfficer, `/api/v1/desks/${desk}/ledger/document?year=2026`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toContain('filename="so-theo-doi-ho-so-2026.pdf"');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await get(otherDeskOfficer, `/api/v1/desks/${desk}/ledger/document?year=2026`)).statusCode).toBe(404);
  });
});
