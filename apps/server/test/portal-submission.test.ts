/**
 * Online submission from a draft on the Huế demo data: the birth registration declaration checked on the server
 * with the page's rules (field by field, in the caller's language), then submitted through the dossier engine —
 * status 1 at the chosen service centre, the reception check's countdown, exactly one dossier when retried, the
 * draft kept as the declaration filed with it and no longer editable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app';
import { agencyIdOf, birthDeclarationValues, longSessions, officerOf, PHU_XUAN_DESK, procedureRef, seedHue } from '../../../test-support/dossier-api';
import { createCitizen, signIn, type SignedInHeaders } from '../../../test-support/identity';

let t: TestApp;
let citizen: SignedInHeaders;
let desk: string;
let caseCode: string;
const start = Date.parse('2026-03-02T02:00:00Z'); // Monday 2026-03-02 09:00 in Huế
let now = start;

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => new Date(now) }, config: longSessions });
  await seedHue(t);
  desk = await agencyIdOf(t, PHU_XUAN_DESK);
  caseCode = (await procedureRef(t, '1.001193')).caseCode;
  citizen = await signIn(t, await createCitizen(t.db, { displayName: 'Trần Thị Bình' }));
});
afterAll(() => t.close());

// the phone as typed with spaces (the dossier keeps it normalised), and the mother's ID number
const birthValues = () => ({ ...birthDeclarationValues(desk), 'applicant.phone': '0905 123 456', 'mother.identityNumber': '046190004321' });

async function openDraft(values: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/portal/drafts',
    headers: citizen,
    payload: { procedureCode: '1.001193', caseCode, content: { step: 4, values } },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; rowVersion: number };
}

describe('submission from a draft', () => {
  it('explains every problem of the declaration field by field, and submits nothing', async () => {
    const values: Record<string, unknown> = { ...birthValues(), 'child.dateOfBirth': '2027-01-01', 'mother.fullName': '', 'mother.identityNumber': '', 'request.pledge': false, 'applicant.phone': '12345' };
    const draft = await openDraft(values);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/portal/drafts/${draft.id}/submission`, headers: { ...citizen, 'accept-language': 'vi' }, payload: { rowVersion: 1 } });
    expect(res.statusCode).toBe(400);
    const fields = Object.fromEntries(res.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    expect(Object.keys(fields).sort()).toEqual(['body.values.applicant.phone', 'body.values.child.dateOfBirth', 'body.values.mother.fullName', 'body.values.request.pledge'].sort());
    expect(fields['body.values.child.dateOfBirth']).toContain('chưa đến');
    expect(fields['body.values.mother.fullName']).toContain('họ tên của mẹ hoặc của cha');
    expect((await t.db.query('SELECT 1 FROM dossier')).length).toBe(0);
  });

  it('submits online at the chosen centre: status 1, the reception check due, one dossier when retried', async () => {
    const draft = await openDraft(birthValues());
    const submit = () => t.app.inject({ method: 'POST', url: `/api/v1/portal/drafts/${draft.id}/submission`, headers: citizen, payload: { rowVersion: 1 } });
    const first = await submit();
    expect(first.statusCode).toBe(201);
    const body = first.json();
    expect(body).toMatchObject({ draftId: draft.id, status: 1, code: null, dueAt: null });
    expect(Date.parse(body.receptionCheckDueAt)).toBeGreaterThan(t.clock.now().getTime());
    expect(Date.parse(body.estimatedDueAt)).toBeGreaterThan(Date.parse(body.receptionCheckDueAt));
    const again = await submit();
    expect(again.json().dossierId).toBe(body.dossierId);
    expect((await t.db.query('SELECT 1 FROM dossier')).length).toBe(1);

    const dossier = (await t.app.inject({ url: `/api/v1/dossiers/${body.dossierId}`, headers: citizen })).json();
    expect(dossier).toMatchObject({ state: 'submitted', receivingAgencyId: desk, returnMethod: 'online', channel: 'online' });
    expect(dossier.parties[0]).toMatchObject({ fullName: 'Trần Thị Bình', phone: '0905123456' });
    expect(dossier.summary).toContain('Lê Trần Minh Khang');
    // the declaration once: the e-form filled online, not also the paper tờ khai meant for the counter or post
    const names: string[] = dossier.documents.map((d: { name: string }) => d.name);
    expect(names.filter((n) => n.startsWith('Mẫu hộ tịch điện tử tương tác đăng ký khai sinh'))).toHaveLength(1);
    expect(names.filter((n) => n.startsWith('Tờ khai đăng ký khai sinh'))).toEqual([]);
    // what every birth registration needs, not the documents of a case that does not apply (seeded conditional):
    // no one was authorised, and the registry reads the residence from the population database
    expect(names.some((n) => n.startsWith('Giấy chứng sinh'))).toBe(true);
    expect(names.some((n) => n.startsWith('Văn bản ủy quyền'))).toBe(false);
    expect(names.some((n) => n.startsWith('Giấy tờ có giá trị chứng minh thông tin về cư trú'))).toBe(false);

    // the draft is the declaration now: out of the draft list, not editable, not deletable
    expect((await t.app.inject({ url: '/api/v1/portal/drafts', headers: citizen })).json().items.map((d: { id: string }) => d.id)).not.toContain(draft.id);
    const edit = await t.app.inject({ method: 'PUT', url: `/api/v1/portal/drafts/${draft.id}`, headers: citizen, payload: { rowVersion: 1, content: { step: 0, values: {} } } });
    expect(edit.json().code).toBe('CONFLICT');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/portal/drafts/${draft.id}`, headers: citizen })).statusCode).toBe(404);
    const [audit] = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_event WHERE action = 'portal.draft.submit'");
    expect(audit!.n).toBe(1);

    // the notices page mirrors what was sent about the citizen's own dossiers, text included
    const deliveries = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notification_delivery WHERE dossier_id = $1', [body.dossierId]);
    const notices = await t.app.inject({ url: '/api/v1/portal/notifications', headers: citizen });
    expect(notices.statusCode).toBe(200);
    expect(notices.json().items).toHaveLength(deliveries[0]!.n);
    for (const item of notices.json().items) expect(item).toMatchObject({ dossierId: body.dossierId, procedureName: 'Thủ tục đăng ký khai sinh' });
    expect((await t.app.inject({ url: '/api/v1/portal/notifications' })).statusCode).toBe(401);
  });

  it('estimates at once the due time reception gives when the desk receives at the end of its check time', async () => {
    const draft = await openDraft(birthValues());
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/portal/drafts/${draft.id}/submission`, headers: citizen, payload: { rowVersion: 1 } });
    const { dossierId, code, dueAt, receptionCheckDueAt, estimatedDueAt } = res.json();
    // the law gives the code and the due time at reception (TT 01/2018 Art. 19): none yet, an estimate instead
    expect({ code, dueAt }).toEqual({ code: null, dueAt: null });
    const officer = await officerOf(t, [{ role: 'reception_officer', agencyCode: PHU_XUAN_DESK }]);
    now = Date.parse(receptionCheckDueAt);
    try {
      const received = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossierId}/reception`, headers: await officer.headers(), payload: {} });
      expect(received.statusCode, received.body).toBe(200);
      expect(received.json().code).toMatch(/^000\.01\.40\.H57-\d{6}-\d{4}$/);
      expect(received.json().dueAt).toBe(estimatedDueAt);
    } finally {
      now = start;
    }
  });

  it('refuses a stale draft version: what is submitted is what the citizen reviewed', async () => {
    const draft = await openDraft(birthValues());
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/portal/drafts/${draft.id}/submission`, headers: citizen, payload: { rowVersion: 7 } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 1 } });
  });
});
