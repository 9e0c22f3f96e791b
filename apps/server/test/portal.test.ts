/**
 * The portal's own API: the profile that pre-fills forms (row version), organisations with a checked tax code,
 * and server-side drafts resumed from another device, with optimistic concurrency. Each citizen sees only their
 * own records (404 like absent); every write is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildProcedureContent, publishContent } from '@motcua/core/catalog';
import { runCatalogUseCase } from '@motcua/db/catalog';
import { createTestApp, type TestApp } from '../../../test-support/app';
import { createCitizen, createOfficer, seedTestOrganization, signIn, type SignedInHeaders, type TestUser } from '../../../test-support/identity';

let t: TestApp;
let an: SignedInHeaders;
let anUser: TestUser;
let binh: SignedInHeaders;

beforeAll(async () => {
  t = await createTestApp(); // 2026-03-02 09:00 in Huế
  await seedTestOrganization(t.db);
  const result = await runCatalogUseCase(t.db, { actor: { kind: 'system', name: 'test' }, now: new Date('2026-01-05T02:00:00Z') }, (deps) =>
    publishContent(deps, {
      code: '1.001193',
      content: buildProcedureContent({ name: 'Thủ tục đăng ký khai sinh', cases: [buildCase({ id: 'dung-han', name: 'Đăng ký khai sinh đúng hạn' })] }),
      effectiveFrom: '2026-01-05',
      action: 'catalog.procedure.import',
    }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  anUser = await createCitizen(t.db, { displayName: 'Nguyễn Văn An', phone: '0912345678' });
  an = await signIn(t, anUser);
  binh = await signIn(t, await createCitizen(t.db, { displayName: 'Trần Thị Bình' }));
});
afterAll(() => t.close());

const auditCount = async (action: string) =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event WHERE action = $1', [action]))[0]!.n;

describe('profile', () => {
  it('starts from what the account knows, saves under its row version, refuses a stale save', async () => {
    const first = await t.app.inject({ url: '/api/v1/portal/profile', headers: an });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ fullName: 'Nguyễn Văn An', phone: '0912345678', rowVersion: 0, identityNumber: null });

    const body = {
      fullName: 'Nguyễn Văn An',
      identityNumber: '046090001234',
      dateOfBirth: '1990-05-17',
      phone: '0912 345 678',
      email: null,
      address: '12 Lê Lợi, phường Thuận Hóa, thành phố Huế',
      rowVersion: 0,
    };
    const saved = await t.app.inject({ method: 'PUT', url: '/api/v1/portal/profile', headers: an, payload: body });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ identityNumber: '046090001234', phone: '0912345678', rowVersion: 1, dateOfBirth: '1990-05-17' });

    // a second device still holding version 0 (or 1 after the first saved again) is refused, nothing written
    const stale = await t.app.inject({ method: 'PUT', url: '/api/v1/portal/profile', headers: an, payload: { ...body, address: 'khác' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 1 } });
    const again = await t.app.inject({ method: 'PUT', url: '/api/v1/portal/profile', headers: an, payload: { ...body, address: 'Số 3 Hùng Vương', rowVersion: 1 } });
    expect(again.json()).toMatchObject({ address: 'Số 3 Hùng Vương', rowVersion: 2 });

    // another citizen sees their own (empty) profile, never An's
    expect((await t.app.inject({ url: '/api/v1/portal/profile', headers: binh })).json()).toMatchObject({ fullName: 'Trần Thị Bình', rowVersion: 0, address: null });
    expect(await auditCount('portal.profile.save')).toBe(2);
    const [audit] = await t.db.query<{ summary: unknown }>("SELECT summary FROM audit_event WHERE action = 'portal.profile.save' ORDER BY seq DESC LIMIT 1");
    expect(JSON.stringify(audit!.summary)).not.toContain('Hùng Vương'); // names the field, never the value
  });

  it('explains a wrong ID number and phone field by field, in the caller’s language', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/portal/profile',
      headers: { ...binh, 'accept-language': 'en' },
      payload: { fullName: 'Trần Thị Bình', identityNumber: '12345', phone: '12', rowVersion: 0 },
    });
    expect(res.statusCode).toBe(400);
    const fields = Object.fromEntries(res.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    expect(fields['body.identityNumber']).toContain('12 digits');
    expect(fields['body.phone']).toContain('10 digits');
  });

  it('needs a citizen session', async () => {
    expect((await t.app.inject({ url: '/api/v1/portal/profile' })).statusCode).toBe(401);
    const officer = await signIn(t, await createOfficer(t.db, { roles: [{ role: 'specialist', agencyCode: '000.00.40.H57' }] }));
    expect((await t.app.inject({ url: '/api/v1/portal/profile', headers: officer })).statusCode).toBe(403);
  });
});

describe('organisations', () => {
  it('adds a business with a valid tax code (10 digits, or 13 for a branch), refuses a wrong check digit', async () => {
    const add = (headers: SignedInHeaders, taxCode: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/portal/organisations', headers, payload: { name: 'Công ty TNHH Sông Hương', taxCode } });
    const ok = await add(an, '0100233488');
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ taxCode: '0100233488', address: null });
    expect((await add(an, '0314409058-002')).json()).toMatchObject({ taxCode: '0314409058002' });

    const wrongCheck = await add(an, '0100233489');
    expect(wrongCheck.statusCode).toBe(400);
    expect(wrongCheck.json().errors[0]).toMatchObject({ field: 'body.taxCode' });
    expect(wrongCheck.json().errors[0].message).toContain('chữ số kiểm tra');
    expect((await add(an, '0100233488-000')).statusCode).toBe(400);
    expect((await add(an, '01002334')).statusCode).toBe(400);
    expect((await add(an, '0100233488')).json()).toMatchObject({ code: 'CONFLICT' });

    const list = (await t.app.inject({ url: '/api/v1/portal/organisations', headers: an })).json();
    expect(list.items.map((o: { taxCode: string }) => o.taxCode)).toEqual(['0100233488', '0314409058002']);
    expect((await t.app.inject({ url: '/api/v1/portal/organisations', headers: binh })).json().items).toEqual([]);

    const id = list.items[0].id;
    const foreign = await t.app.inject({ method: 'DELETE', url: `/api/v1/portal/organisations/${id}`, headers: binh });
    expect(foreign.statusCode).toBe(404);
    const revised = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/portal/organisations/${id}`,
      headers: an,
      payload: { name: 'Công ty TNHH Sông Hương Xanh', taxCode: '0100233488', representative: 'Nguyễn Văn An' },
    });
    expect(revised.json()).toMatchObject({ name: 'Công ty TNHH Sông Hương Xanh', representative: 'Nguyễn Văn An' });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/portal/organisations/${id}`, headers: an })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/portal/organisations', headers: an })).json().items).toHaveLength(1);
    expect(await auditCount('portal.organisation.remove')).toBe(1);
  });
});

describe('drafts', () => {
  it('opens a draft on one device, resumes and saves it on another, refuses the first device’s stale save', async () => {
    const open = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/drafts',
      headers: an,
      payload: { procedureCode: '1.001193', caseCode: 'dung-han', content: { step: 0, values: { 'child.fullName': 'Nguyễn Văn Bé' } } },
    });
    expect(open.statusCode).toBe(201);
    const draft = open.json();
    expect(draft).toMatchObject({ procedureName: 'Thủ tục đăng ký khai sinh', caseName: 'Đăng ký khai sinh đúng hạn', rowVersion: 1, step: 0 });

    // the same account on a second device: a new session
    const phone = await signIn(t, anUser);
    const second = await t.app.inject({ url: `/api/v1/portal/drafts/${draft.id}`, headers: phone });
    expect(second.json().content.values['child.fullName']).toBe('Nguyễn Văn Bé');
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/portal/drafts/${draft.id}`,
      headers: phone,
      payload: { rowVersion: 1, content: { step: 2, values: { 'child.fullName': 'Nguyễn Văn Bé Hai' } } },
    });
    expect(saved.json()).toMatchObject({ rowVersion: 2, step: 2 });
    const stale = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/portal/drafts/${draft.id}`,
      headers: an,
      payload: { rowVersion: 1, content: { step: 1, values: {} } },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 2 } });

    const list = (await t.app.inject({ url: '/api/v1/portal/drafts?procedureCode=1.001193', headers: an })).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).not.toHaveProperty('content');
    expect((await t.app.inject({ url: '/api/v1/portal/drafts', headers: binh })).json().items).toEqual([]);
    expect((await t.app.inject({ url: `/api/v1/portal/drafts/${draft.id}`, headers: binh })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/portal/drafts/${draft.id}`, headers: binh })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/portal/drafts/${draft.id}`, headers: an })).statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/v1/portal/drafts/${draft.id}`, headers: an })).statusCode).toBe(404);
    expect(await auditCount('portal.draft.save')).toBe(1);
  });

  it('refuses a draft for an unknown procedure or case, and an oversized one', async () => {
    const post = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/portal/drafts', headers: an, payload });
    expect((await post({ procedureCode: '9.999999', caseCode: 'x', content: { step: 0, values: {} } })).json().code).toBe('PROCEDURE_NOT_FOUND');
    expect((await post({ procedureCode: '1.001193', caseCode: 'x', content: { step: 0, values: {} } })).json().code).toBe('PROCEDURE_CASE_NOT_FOUND');
    const big = await post({ procedureCode: '1.001193', caseCode: 'dung-han', content: { step: 0, values: { note: 'x'.repeat(70_000) } } });
    expect(big.statusCode).toBe(400);
    expect(big.json().code).toBe('VALIDATION_FAILED');
  });
});
