/**
 * Scoping is enforced in the data layer: records outside the caller's scope answer 404, exactly like records
 * that do not exist ("Done means" of issue 2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app';
import { createCitizen, createOfficer, seedTestOrganization, signIn } from '../../../test-support/identity';

const PHU_XUAN = '000.00.40.H57';
const KIM_LONG = '000.00.41.H57';

describe('access scoping', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedTestOrganization(t.db);
  });
  afterAll(() => t.close());

  it('an officer of one commune gets 404 for an officer record of another commune, like a missing one', async () => {
    const leader = await createOfficer(t.db, { roles: [{ role: 'agency_leader', agencyCode: PHU_XUAN }] });
    const colleague = await createOfficer(t.db, { roles: [{ role: 'specialist', agencyCode: PHU_XUAN }] });
    const stranger = await createOfficer(t.db, { roles: [{ role: 'specialist', agencyCode: KIM_LONG }] });
    const headers = await signIn(t, leader);
    expect((await t.app.inject({ url: `/api/v1/officers/${colleague.id}`, headers })).statusCode).toBe(200);
    const other = await t.app.inject({ url: `/api/v1/officers/${stranger.id}`, headers });
    const missing = await t.app.inject({ url: '/api/v1/officers/00000000-0000-4000-8000-000000000000', headers });
    expect(other.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(other.json().code).toBe(missing.json().code);
    const list = await t.app.inject({ url: '/api/v1/officers', headers });
    expect(list.json().officers.map((o: { id: string }) => o.id)).not.toContain(stranger.id);
  });

  it('a city-wide grant with sub-agencies reaches every commune, and the merged wards under their successor', async () => {
    const cityAdmin = await createOfficer(t.db, {
      roles: [{ role: 'system_administrator', agencyCode: '000.00.00.H57', includeSubAgencies: true }],
    });
    const stranger = await createOfficer(t.db, { roles: [{ role: 'specialist', agencyCode: KIM_LONG }] });
    const headers = await signIn(t, cityAdmin);
    expect((await t.app.inject({ url: `/api/v1/officers/${stranger.id}`, headers })).statusCode).toBe(200);

    // An officer who served the pre-reform ward Tây Lộc stays visible to Phú Xuân's leader (its successor).
    const list = await t.app.inject('/api/v1/agencies?history=true&level=commune');
    const tayLoc = list.json().agencies.find((a: { shortName: string }) => a.shortName === 'Phường Tây Lộc').code;
    const former = await createOfficer(t.db, { roles: [{ role: 'specialist', agencyCode: tayLoc }] });
    const leader = await createOfficer(t.db, { roles: [{ role: 'agency_leader', agencyCode: PHU_XUAN }] });
    const leaderHeaders = await signIn(t, leader);
    expect((await t.app.inject({ url: `/api/v1/officers/${former.id}`, headers: leaderHeaders })).statusCode).toBe(200);
  });

  it('a citizen gets 404 for another citizen’s record, and officers get 403 on citizen routes', async () => {
    const a = await createCitizen(t.db);
    const b = await createCitizen(t.db);
    const headers = await signIn(t, a);
    const own = await t.app.inject({ url: `/api/v1/citizens/${a.id}`, headers });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ id: a.id, email: a.email, hasPassword: true });
    const other = await t.app.inject({ url: `/api/v1/citizens/${b.id}`, headers });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('USER_NOT_FOUND');
    const officer = await createOfficer(t.db, { roles: [{ role: 'specialist', agencyCode: PHU_XUAN }] });
    const officerHeaders = await signIn(t, officer);
    expect((await t.app.inject({ url: `/api/v1/citizens/${a.id}`, headers: officerHeaders })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/citizens/${a.id}` })).statusCode).toBe(401);
  });

  it('lets a system administrator manage officers and agencies only within their agencies, audited', async () => {
    const admin = await createOfficer(t.db, { roles: [{ role: 'system_administrator', agencyCode: PHU_XUAN, includeSubAgencies: true }] });
    const headers = await signIn(t, admin);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/officers',
      headers,
      payload: { displayName: 'Hồ Thị D', email: 'ho.thi.d@motcua.test', password: 'mật-khẩu-đủ-dài', role: 'reception_officer', agencyCode: '001.01.40.H57' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const outside = await t.app.inject({
      method: 'POST',
      url: `/api/v1/officers/${id}/grants`,
      headers,
      payload: { role: 'specialist', agencyCode: KIM_LONG },
    });
    expect(outside.statusCode).toBe(403);
    const grant = await t.app.inject({ method: 'POST', url: `/api/v1/officers/${id}/grants`, headers, payload: { role: 'specialist', agencyCode: PHU_XUAN } });
    expect(grant.statusCode).toBe(201);
    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/v1/officers/${id}/grants/${grant.json().id}`, headers });
    expect(revoke.statusCode).toBe(200);
    const sessions = await t.app.inject({ method: 'POST', url: `/api/v1/officers/${id}/sessions/revoke`, headers });
    expect(sessions.json()).toEqual({ revokedSessions: 0 });

    const agency = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers,
      payload: { code: '002.01.40.H57', isCodePlaceholder: true, name: 'Quầy tiếp nhận số 2', kind: 'desk', level: 'commune', parentCode: '000.01.40.H57', effectiveFrom: '2026-03-01' },
    });
    expect(agency.statusCode).toBe(201);
    const badCode = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers,
      payload: { code: '2.1.40.H57', name: 'X', kind: 'desk', level: 'commune', parentCode: '000.01.40.H57', effectiveFrom: '2026-03-01' },
    });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().errors[0].field).toBe('body.code');
    const otherCommune = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/agencies/${KIM_LONG}`,
      headers,
      payload: { nameEn: 'Kim Long Ward People’s Committee' },
    });
    expect(otherCommune.statusCode).toBe(403);
    const rename = await t.app.inject({ method: 'PATCH', url: '/api/v1/agencies/002.01.40.H57', headers, payload: { nameEn: 'Desk 2' } });
    expect(rename.json()).toMatchObject({ nameEn: 'Desk 2', parentCode: '000.01.40.H57' });
    const end = await t.app.inject({ method: 'POST', url: '/api/v1/agencies/002.01.40.H57/end', headers, payload: { effectiveTo: '2026-12-31' } });
    expect(end.json().effectiveTo).toBe('2026-12-31');

    const actions = await t.db.query<{ action: string; actor_id: string }>(
      'SELECT action, actor_id FROM audit_event WHERE actor_id = $1 ORDER BY seq',
      [admin.id],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'identity.user.create',
      'identity.role.grant',
      'identity.role.grant',
      'identity.role.revoke',
      'identity.session.revoke',
      'organization.agency.create',
      'organization.agency.update',
      'organization.agency.end',
    ]);
  });

  it('records a merge through the API and scopes the successor’s officers over the predecessor', async () => {
    const admin = await createOfficer(t.db, {
      roles: [{ role: 'system_administrator', agencyCode: '000.00.00.H57', includeSubAgencies: true }],
    });
    const headers = await signIn(t, admin);
    const merge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agency-successions',
      headers,
      payload: { kind: 'merge', predecessorCodes: ['000.00.79.H57'], successorCodes: ['000.00.78.H57'], effectiveOn: '2026-03-01' },
    });
    expect(merge.statusCode).toBe(201);
    const gone = await t.app.inject('/api/v1/agencies/000.00.79.H57');
    expect(gone.json()).toMatchObject({ effectiveTo: '2026-02-28', currentSuccessors: [{ code: '000.00.78.H57' }] });
    const former = await createOfficer(t.db, { roles: [{ role: 'specialist', agencyCode: '000.00.79.H57' }] });
    const leader = await createOfficer(t.db, { roles: [{ role: 'agency_leader', agencyCode: '000.00.78.H57' }] });
    expect((await t.app.inject({ url: `/api/v1/officers/${former.id}`, headers: await signIn(t, leader) })).statusCode).toBe(200);
    const invalid = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agency-successions',
      headers,
      payload: { kind: 'merge', predecessorCodes: ['000.00.77.H57'], successorCodes: ['000.00.76.H57', '000.00.75.H57'], effectiveOn: '2026-03-01' },
    });
    expect(invalid.json().code).toBe('AGENCY_SUCCESSION_INVALID');
  });

  it('refuses to make an agency its own parent or a child of what is under it, which would cut it out of the tree', async () => {
    const admin = await createOfficer(t.db, {
      roles: [{ role: 'system_administrator', agencyCode: '000.00.00.H57', includeSubAgencies: true }],
    });
    const headers = await signIn(t, admin);
    for (const parentCode of [PHU_XUAN, '001.01.40.H57']) {
      const cycle = await t.app.inject({ method: 'PATCH', url: `/api/v1/agencies/${PHU_XUAN}`, headers: { ...headers, 'accept-language': 'vi' }, payload: { parentCode, name: 'Tên mới' } });
      expect(cycle.statusCode).toBe(409);
      expect(cycle.json()).toMatchObject({ code: 'AGENCY_PARENT_INVALID', details: { field: 'parentCode' } });
    }
    const after = await t.app.inject(`/api/v1/agencies/${PHU_XUAN}`);
    expect(after.json()).toMatchObject({ parentCode: '000.00.00.H57', name: 'Ủy ban nhân dân phường Phú Xuân' });
    const roots = (await t.app.inject('/api/v1/agencies?shape=tree')).json().agencies;
    expect(roots.find((r: { code: string }) => r.code === '000.00.00.H57').children.map((c: { code: string }) => c.code)).toContain(PHU_XUAN);
  });

  it('names the field that holds an unknown agency: the parent, a predecessor or a successor, not the new code', async () => {
    const admin = await createOfficer(t.db, {
      roles: [{ role: 'system_administrator', agencyCode: '000.00.00.H57', includeSubAgencies: true }],
    });
    const headers = await signIn(t, admin);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers,
      payload: { code: '000.00.96.H57', name: 'Phường thử', kind: 'people_committee', level: 'commune', parentCode: '999.99.99.H57', effectiveFrom: '2026-03-01' },
    });
    expect(created.statusCode).toBe(404);
    expect(created.json()).toMatchObject({ code: 'AGENCY_NOT_FOUND', details: { field: 'parentCode' } });
    expect((await t.app.inject('/api/v1/agencies/000.00.96.H57')).statusCode).toBe(404);
    const moved = await t.app.inject({ method: 'PATCH', url: `/api/v1/agencies/${PHU_XUAN}`, headers, payload: { parentCode: '999.99.99.H57' } });
    expect(moved.json()).toMatchObject({ code: 'AGENCY_NOT_FOUND', details: { field: 'parentCode' } });
    const succession = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agency-successions',
      headers,
      payload: { kind: 'merge', predecessorCodes: [PHU_XUAN, '999.99.99.H57'], successorCodes: ['000.00.00.H57'], effectiveOn: '2026-03-01' },
    });
    expect(succession.json()).toMatchObject({ code: 'AGENCY_NOT_FOUND', details: { field: 'predecessorCodes' } });
  });
});
