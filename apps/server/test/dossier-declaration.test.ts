/**
 * GET /dossiers/:id/declaration on the Huế demo data: the birth registration declaration a citizen filled in on the
 * portal, read by the officers of the dossier's agencies and by the citizen who submitted it; everyone else gets the
 * 404 of a missing dossier; a dossier with no online declaration (counter, or online through the API without the
 * wizard) answers 404 DOSSIER_DECLARATION_NOT_FOUND in the caller's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app';
import {
  birthDeclarationValues,
  citizenOf,
  counterDossier,
  longSessions,
  onlineDossier,
  officerOf,
  PHU_XUAN_COMMITTEE,

  phuXuanTeam,
  procedureRef,
  seedHue,
  type ApiUser,
  type PhuXuanTeam,
} from '../../../test-support/dossier-api';

let t: TestApp;
let team: PhuXuanTeam;
let owner: ApiUser;
let dossierId: string;
const start = Date.parse('2026-03-02T02:00:00Z'); // Monday 2026-03-02 09:00 in Huế

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => new Date(start) }, config: longSessions });
  await seedHue(t);
  team = await phuXuanTeam(t);
  owner = await citizenOf(t);
  const { caseCode } = await procedureRef(t, '1.001193');
  const values = birthDeclarationValues(team.desk);
  const headers = await owner.headers();
  const draft = await t.app.inject({ method: 'POST', url: '/api/v1/portal/drafts', headers, payload: { procedureCode: '1.001193', caseCode, content: { step: 6, values } } });
  expect(draft.statusCode).toBe(201);
  const submitted = await t.app.inject({ method: 'POST', url: `/api/v1/portal/drafts/${draft.json().id}/submission`, headers, payload: { rowVersion: 1 } });
  expect(submitted.statusCode).toBe(201);
  dossierId = submitted.json().dossierId;
});
afterAll(() => t.close());

const read = async (user: ApiUser, id: string, language = 'vi') =>
  t.app.inject({ url: `/api/v1/dossiers/${id}/declaration`, headers: { ...(await user.headers()), 'accept-language': language } });

describe('the online declaration of a dossier', () => {
  it('is read by the desk officer and the competent agency: the form, the procedure, when, the values as declared', async () => {
    const res = await read(team.reception, dossierId);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ dossierId, formId: 'birth-registration', procedureCode: '1.001193', submittedAt: new Date(start).toISOString() });
    expect(body.values).toMatchObject({
      'child.fullName': 'Lê Trần Minh Khang',
      'child.dateOfBirth': '2026-02-20',
      'child.sex': 'male',
      'mother.birthYear': '1990',
      'request.relationship': 'mother',
      'request.pledge': true,
      // fields left empty come back as null, so the page can show every field of the form
      'father.fullName': null,
      'mother.identityNumber': null,
    });
    // the applicant as declared; never the draft's other keys (where to submit, how to receive)
    expect(body.applicant).toMatchObject({ 'applicant.fullName': 'Trần Thị Bình', 'applicant.email': null, 'applicant.for': null });
    expect(Object.keys({ ...body.values, ...body.applicant }).filter((k) => k.startsWith('place.') || k.startsWith('delivery.'))).toEqual([]);
    // the competent agency's specialist reads the same (officers of the dossier's agencies)
    const committeeOfficer = await officerOf(t, [{ role: 'specialist', agencyCode: PHU_XUAN_COMMITTEE }]);
    expect((await read(committeeOfficer, dossierId)).json().values['child.fullName']).toBe('Lê Trần Minh Khang');
  });

  it('answers another agency’s officer and another citizen like a missing dossier (404 NOT_FOUND)', async () => {
    const kimLong = await officerOf(t, [{ role: 'reception_officer', agencyCode: '000.01.41.H57' }, { role: 'specialist', agencyCode: '000.00.41.H57' }]);
    const stranger = await citizenOf(t);
    for (const user of [kimLong, stranger]) {
      const res = await read(user, dossierId);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
      // exactly as for the dossier itself
      expect((await t.app.inject({ url: `/api/v1/dossiers/${dossierId}`, headers: await user.headers() })).statusCode).toBe(404);
    }
    expect((await read(team.reception, '00000000-0000-4000-8000-000000000000')).json().code).toBe('NOT_FOUND');
    expect((await t.app.inject({ url: `/api/v1/dossiers/${dossierId}/declaration` })).statusCode).toBe(401);
  });

  it('is read by the citizen who submitted it', async () => {
    const res = await read(owner, dossierId);
    expect(res.statusCode).toBe(200);
    expect(res.json().values['child.placeOfBirth']).toBe('Bệnh viện Trung ương Huế');
  });

  it('answers a counter dossier, and an online one submitted without the wizard, 404 DOSSIER_DECLARATION_NOT_FOUND', async () => {
    const birth = await procedureRef(t, '1.001193');
    const counter = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: await team.reception.headers(), payload: counterDossier(birth, team.desk) });
    expect(counter.statusCode).toBe(201);
    const vi = await read(team.reception, counter.json().id);
    expect(vi.statusCode).toBe(404);
    expect(vi.headers['content-type']).toContain('application/problem+json');
    expect(vi.json()).toMatchObject({ code: 'DOSSIER_DECLARATION_NOT_FOUND', title: expect.stringContaining('không có tờ khai trực tuyến') });
    const en = await read(team.reception, counter.json().id, 'en');
    expect(en.json()).toMatchObject({ code: 'DOSSIER_DECLARATION_NOT_FOUND', title: expect.stringContaining('no online declaration') });

    const apiOnline = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: await owner.headers(), payload: onlineDossier(birth, team.desk) });
    expect(apiOnline.statusCode).toBe(201);
    expect((await read(owner, apiOnline.json().id)).json().code).toBe('DOSSIER_DECLARATION_NOT_FOUND');
    expect((await read(team.reception, apiOnline.json().id)).json().code).toBe('DOSSIER_DECLARATION_NOT_FOUND');
  });
});


