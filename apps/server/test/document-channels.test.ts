/**
 * A catalogue document asked on some submission channels only (the document's `channels`), on the Huế demo data:
 * death registration (1.000656) lists the paper declaration "nếu … nộp hồ sơ theo hình thức trực tiếp" and the
 * online e-form "Mẫu hộ tịch điện tử tương tác …". The public catalogue says which is which; the counter receives
 * the dossier with the paper form and without the e-form; online submission files the e-form and does not ask for the
 * paper form (a procedure with no declaration of its own, so no rule by name steps in).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app';
import { agencyIdOf, counterDossier, longSessions, officerOf, PHU_XUAN_DESK, procedureRef, seedHue, type ApiUser } from '../../../test-support/dossier-api';
import { createCitizen, signIn, type SignedInHeaders } from '../../../test-support/identity';

const DEATH = '1.000656';
let t: TestApp;
let desk: string;
let citizen: SignedInHeaders;
let officer: ApiUser;
type Doc = { name: string; requirement: string; channels?: string[] | null; code: string | null };
let documents: Doc[];
const paperName = /^Tờ khai đăng ký khai tử/;
const eFormName = /^Mẫu hộ tịch điện tử tương tác đăng ký khai tử/;

beforeAll(async () => {
  t = await createTestApp({ config: longSessions }); // Monday 2026-03-02 09:00 in Huế
  await seedHue(t);
  desk = await agencyIdOf(t, PHU_XUAN_DESK);
  officer = await officerOf(t, [{ role: 'reception_officer', agencyCode: PHU_XUAN_DESK }]);
  citizen = await signIn(t, await createCitizen(t.db, { displayName: 'Trần Thị Bình' }));
  const res = await t.app.inject({ url: `/api/v1/procedures/${DEATH}` });
  expect(res.statusCode).toBe(200);
  documents = res.json().content.cases[0].documents;
});
afterAll(() => t.close());

describe('documents asked on some channels only', () => {
  it('the catalogue says the paper declaration is for counter and post, the e-form for online, the rest for every channel', () => {
    const paper = documents.find((d) => paperName.test(d.name))!;
    const eForm = documents.find((d) => eFormName.test(d.name))!;
    expect(paper).toMatchObject({ requirement: 'mandatory', channels: ['counter', 'postal'] });
    expect(eForm).toMatchObject({ requirement: 'mandatory', channels: ['online'] });
    expect(documents.filter((d) => d.channels).length).toBe(2);
  });

  it('the counter receives the dossier with the paper form and without the online e-form', async () => {
    const ref = await procedureRef(t, DEATH);
    const index = documents.findIndex((d) => paperName.test(d.name));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: await officer.headers(),
      payload: counterDossier(ref, desk, { documents: [{ code: `tp-${index + 1}`, name: documents[index]!.name, originals: 1 }], summary: 'Đăng ký khai tử' }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const names: string[] = res.json().documents.map((d: { name: string }) => d.name);
    expect(names.some((n) => paperName.test(n))).toBe(true);
    expect(names.some((n) => eFormName.test(n))).toBe(false);
  });

  it('online submission files the e-form and does not ask for the paper form', async () => {
    const ref = await procedureRef(t, DEATH);
    const values = {
      'applicant.fullName': 'Trần Thị Bình',
      'applicant.identityNumber': '046190004321',
      'applicant.phone': '0905123456',
      'applicant.email': '',
      'applicant.address': '5 Đinh Tiên Hoàng, phường Phú Xuân, Huế',
      'request.content': 'Đăng ký khai tử cho cha',
      'request.pledge': true,
      'place.agencyId': desk,
      'delivery.method': 'online',
    };
    const draft = await t.app.inject({ method: 'POST', url: '/api/v1/portal/drafts', headers: citizen, payload: { procedureCode: DEATH, caseCode: ref.caseCode, content: { step: 0, values } } });
    expect(draft.statusCode, draft.body).toBe(201);
    const submitted = await t.app.inject({ method: 'POST', url: `/api/v1/portal/drafts/${draft.json().id}/submission`, headers: citizen, payload: { rowVersion: 1 } });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const dossier = (await t.app.inject({ url: `/api/v1/dossiers/${submitted.json().dossierId}`, headers: citizen })).json();
    expect(dossier.channel).toBe('online');
    const names: string[] = dossier.documents.map((d: { name: string }) => d.name);
    expect(names.filter((n) => eFormName.test(n))).toHaveLength(1);
    expect(names.filter((n) => paperName.test(n))).toEqual([]);
    // each document keeps the code of its place among ALL the case's documents — the code the wizard's files are
    // sent under — not of its place among those asked online (the paper form left out would shift those after it)
    const codeOf = (name: string) => `tp-${documents.findIndex((d) => d.name.slice(0, 500) === name) + 1}`;
    for (const d of dossier.documents as { code: string; name: string }[]) expect(d.code, d.name).toBe(codeOf(d.name));
  });
});
