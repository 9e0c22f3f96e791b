/**
 * A citizen submits online for one of their businesses: the business (as stored in the citizen's profile — name,
 * tax code, address) becomes the dossier owner, the citizen the applicant who submits for it, with the
 * authorisation document when they act under one; the desk sees both. A business that is not the citizen's (another
 * citizen's, removed, or no such id) answers 404 exactly like an absent one, and nothing is submitted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app';
import { agencyIdOf, officerOf, PHU_XUAN_DESK, procedureRef, seedHue } from '../../../test-support/dossier-api';
import { createCitizen, signIn, type SignedInHeaders } from '../../../test-support/identity';

let t: TestApp;
let citizen: SignedInHeaders;
let other: SignedInHeaders;
let desk: string;
let caseCode: string;
const PERMIT = '1.013225'; // Cấp giấy phép xây dựng mới (công trình cấp III, IV): for people and businesses

beforeAll(async () => {
  t = await createTestApp(); // Monday 2026-03-02 09:00 in Huế
  await seedHue(t);
  desk = await agencyIdOf(t, PHU_XUAN_DESK);
  caseCode = (await procedureRef(t, PERMIT)).caseCode;
  citizen = await signIn(t, await createCitizen(t.db, { displayName: 'Nguyễn Văn An' }));
  other = await signIn(t, await createCitizen(t.db, { displayName: 'Lê Thị Cúc' }));
});
afterAll(() => t.close());

async function addOrganisation(headers: SignedInHeaders, name: string, taxCode: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/portal/organisations',
    headers,
    payload: { name, taxCode, address: '20 Lê Lợi, phường Thuận Hóa, Huế', representative: 'Nguyễn Văn An' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const values = (organisationId: string, extra: Record<string, unknown> = {}) => ({
  'applicant.for': 'organisation',
  'organisation.id': organisationId,
  'organisation.name': 'Tên do trang gửi, không được dùng',
  'applicant.capacity': 'authorised',
  'applicant.authorisationDocument': 'Giấy ủy quyền số 12/2026/UQ ngày 20/02/2026',
  'applicant.fullName': 'Nguyễn Văn An',
  'applicant.identityNumber': '046090001234',
  'applicant.phone': '0912345678',
  'applicant.email': '',
  'applicant.address': '12 Lê Lợi, phường Thuận Hóa, Huế',
  'request.content': 'Xin cấp giấy phép xây dựng nhà kho tại 20 Lê Lợi',
  'request.pledge': true,
  'place.agencyId': desk,
  'delivery.method': 'online',
  ...extra,
});

async function submit(headers: SignedInHeaders, v: Record<string, unknown>) {
  const draft = await t.app.inject({ method: 'POST', url: '/api/v1/portal/drafts', headers, payload: { procedureCode: PERMIT, caseCode, content: { step: 0, values: v } } });
  expect(draft.statusCode, draft.body).toBe(201);
  return t.app.inject({ method: 'POST', url: `/api/v1/portal/drafts/${draft.json().id}/submission`, headers: { ...headers, 'accept-language': 'vi' }, payload: { rowVersion: 1 } });
}

const dossierCount = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM dossier'))[0]!.n;

describe('submitting for a business', () => {
  it('explains a missing business, capacity or authorisation field by field', async () => {
    const res = await submit(citizen, values('', { 'applicant.capacity': 'authorised', 'applicant.authorisationDocument': '' }));
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['body.values.applicant.authorisationDocument', 'body.values.organisation.id']);
    const noCapacity = await submit(citizen, values('00000000-0000-4000-8000-000000000001', { 'applicant.capacity': undefined }));
    expect(noCapacity.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.values.applicant.capacity']);
    expect(await dossierCount()).toBe(0);
  });

  it('answers 404 for another citizen’s business, a removed one and a made-up id, and submits nothing', async () => {
    const theirs = await addOrganisation(other, 'Công ty TNHH Hương Giang', '0100233488');
    const removed = await addOrganisation(citizen, 'Công ty CP Đã Giải Thể', '0100109106');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/portal/organisations/${removed}`, headers: citizen })).statusCode).toBe(204);
    for (const id of [theirs, removed, '00000000-0000-4000-8000-000000000001', 'not-a-uuid']) {
      const res = await submit(citizen, values(id));
      expect(res.statusCode, `${id}: ${res.body}`).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await dossierCount()).toBe(0);
  });

  it('makes the business the dossier owner and the citizen the applicant with the authorisation; the desk sees both', async () => {
    const mine = await addOrganisation(citizen, 'Công ty TNHH Sông Hương', '0100233488');
    const res = await submit(citizen, values(mine));
    expect(res.statusCode, res.body).toBe(201);
    const dossierId = res.json().dossierId;
    const officer = await officerOf(t, [{ role: 'reception_officer', agencyCode: PHU_XUAN_DESK }]);
    const seen = await t.app.inject({ url: `/api/v1/dossiers/${dossierId}`, headers: await officer.headers() });
    expect(seen.statusCode, seen.body).toBe(200);
    // this procedure's catalogue names documents in up to 601 characters: the dossier keeps them clipped to 500
    expect(seen.json().documents.length).toBeGreaterThan(0);
    for (const d of seen.json().documents) expect(d.name.length).toBeLessThanOrEqual(500);
    const parties = seen.json().parties;
    expect(parties).toHaveLength(2);
    expect(parties.find((p: { role: string }) => p.role === 'owner')).toEqual({
      role: 'owner',
      kind: 'organisation',
      fullName: 'Công ty TNHH Sông Hương',
      identityNumber: '0100233488',
      address: '20 Lê Lợi, phường Thuận Hóa, Huế',
      phone: null,
      email: null,
      authorisationDocument: null,
    });
    expect(parties.find((p: { role: string }) => p.role === 'applicant')).toMatchObject({
      kind: 'person',
      fullName: 'Nguyễn Văn An',
      phone: '0912345678',
      authorisationDocument: 'Giấy ủy quyền số 12/2026/UQ ngày 20/02/2026',
    });
    // the reception's Form 01 data names the business as the owner
    const received = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossierId}/reception`, headers: await officer.headers(), payload: {} });
    expect(received.statusCode, received.body).toBe(200);
    const [event] = await t.db.query<{ form_data: { owner: { kind: string; fullName: string } } }>(
      "SELECT form_data FROM dossier_event WHERE dossier_id = $1 AND kind = 'receive'",
      [dossierId],
    );
    expect(event!.form_data.owner).toMatchObject({ kind: 'organisation', fullName: 'Công ty TNHH Sông Hương' });
  });

  it('records no authorisation document when the citizen is the legal representative', async () => {
    const mine = await addOrganisation(citizen, 'Công ty TNHH Đại Nội', '0100109106');
    const res = await submit(citizen, values(mine, { 'applicant.capacity': 'representative' }));
    expect(res.statusCode, res.body).toBe(201);
    const dossier = (await t.app.inject({ url: `/api/v1/dossiers/${res.json().dossierId}`, headers: citizen })).json();
    expect(dossier.parties.find((p: { role: string }) => p.role === 'applicant').authorisationDocument).toBeNull();
    expect(dossier.parties.find((p: { role: string }) => p.role === 'owner').identityNumber).toBe('0100109106');
  });
});
