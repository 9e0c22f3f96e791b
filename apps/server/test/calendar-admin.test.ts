import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEventsForTarget } from '@motcua/db/audit';
import { createTestApp, type TestApp } from '../../../test-support/app';
import { createOfficer, seedTestOrganization, signIn, type SignedInHeaders } from '../../../test-support/identity';

const CITY = '000.00.00.H57';
const COMMUNE = '000.00.40.H57';

describe('calendar administration (signed-in officers)', () => {
  let t: TestApp;
  let cityAdmin: SignedInHeaders;
  let communeAdmin: SignedInHeaders;
  let specialist: SignedInHeaders;

  beforeAll(async () => {
    t = await createTestApp();
    await seedTestOrganization(t.db);
    cityAdmin = await signIn(t, await createOfficer(t.db, { roles: [{ role: 'system_administrator', agencyCode: CITY, includeSubAgencies: true }] }));
    communeAdmin = await signIn(t, await createOfficer(t.db, { roles: [{ role: 'system_administrator', agencyCode: COMMUNE }] }));
    specialist = await signIn(t, await createOfficer(t.db, { roles: [{ role: 'specialist', agencyCode: CITY, includeSubAgencies: true }] }));
  });
  afterAll(() => t.close());

  const post = (headers: SignedInHeaders, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers, payload: payload as object });
  const tet2027 = {
    scope: 'national',
    name: 'Nghỉ Tết Nguyên đán Đinh Mùi 2027 (thử nghiệm)',
    legalReference: 'Thông báo giả định của Bộ Nội vụ',
    days: [
      { date: '2027-02-12', kind: 'extra_day_off', name: 'Nghỉ thêm dịp Tết' },
      { date: '2027-02-20', kind: 'makeup_working_day', name: 'Làm bù cho thứ Sáu 12/02/2027' },
    ],
  };

  it('refuses officers without the system administrator role (403)', async () => {
    expect((await t.app.inject({ url: '/api/v1/calendar/decisions', headers: specialist })).statusCode).toBe(403);
    expect((await post(specialist, '/api/v1/calendar/decisions', tet2027)).statusCode).toBe(403);
  });

  it('records a national decision (201, audited) that the public endpoints honour at once', async () => {
    const url = '/api/v1/calendar/due-time?receivedAt=2027-02-12T09:00:00%2B07:00&amount=1&unit=working-days';
    expect((await t.app.inject(url)).json().dueAt).toBe('2027-02-15T09:00:00+07:00');
    const res = await post(cityAdmin, '/api/v1/calendar/decisions', tet2027);
    expect(res.statusCode).toBe(201);
    const decision = res.json();
    expect(decision).toMatchObject({ scope: 'national', agency: null, revokedAt: null, days: tet2027.days });
    expect((await t.app.inject(url)).json().dueAt).toBe('2027-02-15T17:00:00+07:00');
    const days = (await t.app.inject('/api/v1/calendar/days?year=2027')).json();
    expect(days).toContainEqual({ date: '2027-02-20', working: true, kind: 'makeup_working_day', name: 'Làm bù cho thứ Sáu 12/02/2027', legalBasis: 'Thông báo giả định của Bộ Nội vụ' });
    const audit = await listAuditEventsForTarget(t.db, 'calendar_decision', decision.id);
    expect(audit.map((a) => a.action)).toEqual(['calendar.decision.record']);
    expect(audit[0]!.actorKind).toBe('officer');
  });

  it('keeps national decisions to provincial administrators and agency decisions to their scope', async () => {
    expect((await post(communeAdmin, '/api/v1/calendar/decisions', tet2027)).statusCode).toBe(403);
    const provincial = { ...tet2027, scope: 'province', agency: CITY, days: [{ date: '2027-06-01', kind: 'extra_day_off', name: 'Ngày nghỉ địa phương' }] };
    expect((await post(communeAdmin, '/api/v1/calendar/decisions', provincial)).statusCode).toBe(403);
    expect((await post(cityAdmin, '/api/v1/calendar/decisions', provincial)).statusCode).toBe(201);
    const own = { ...tet2027, scope: 'agency', agency: COMMUNE, days: [{ date: '2027-06-02', kind: 'extra_day_off', name: 'Nghỉ của xã' }] };
    expect((await post(communeAdmin, '/api/v1/calendar/decisions', own)).statusCode).toBe(201);
    const communeDays = (await t.app.inject(`/api/v1/calendar/days?year=2027&agency=${COMMUNE}`)).json() as { date: string }[];
    expect(communeDays.map((d) => d.date)).toEqual(expect.arrayContaining(['2027-06-01', '2027-06-02', '2027-02-12']));
    const cityDays = (await t.app.inject(`/api/v1/calendar/days?year=2027&agency=${CITY}`)).json() as { date: string }[];
    expect(cityDays.map((d) => d.date)).not.toContain('2027-06-02');
    // The commune administrator lists national decisions and its own, not the city's.
    const listed = (await t.app.inject({ url: '/api/v1/calendar/decisions?year=2027', headers: communeAdmin })).json();
    expect(listed.items.map((d: { scope: string }) => d.scope)).toEqual(['national', 'agency']);
  });

  it.each([
    ['province without agency', { ...tet2027, scope: 'province' }, 'body.agency'],
    ['national with agency', { ...tet2027, agency: CITY }, 'body.agency'],
    ['unknown agency', { ...tet2027, scope: 'agency', agency: '000.00.99.X99' }, 'body.agency'],
    ['unknown field', { ...tet2027, extra: 1 }, 'body'],
    ['bad kind', { ...tet2027, days: [{ date: '2027-03-01', kind: 'party', name: 'x' }] }, 'body.days.0.kind'],
  ])('refuses a decision with %s (400 naming the field)', async (_case, payload, field) => {
    const res = await post(cityAdmin, '/api/v1/calendar/decisions', payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field).join(' ')).toContain(field);
  });

  it('refuses an impossible date or a date listed twice', async () => {
    const impossible = await post(cityAdmin, '/api/v1/calendar/decisions', { ...tet2027, days: [{ date: '2027-02-30', kind: 'extra_day_off', name: 'x' }] });
    expect(impossible.json()).toMatchObject({ status: 400, code: 'CALENDAR_INVALID_DECISION' });
    const twice = await post(cityAdmin, '/api/v1/calendar/decisions', {
      ...tet2027,
      days: [{ date: '2027-03-01', kind: 'extra_day_off', name: 'x' }, { date: '2027-03-01', kind: 'working_day', name: 'y' }],
    });
    expect(twice.json()).toMatchObject({ status: 400, code: 'CALENDAR_INVALID_DECISION' });
  });

  it('revokes a decision once, with a reason (audited); 404 for unknown ones', async () => {
    const created = (await post(cityAdmin, '/api/v1/calendar/decisions', { ...tet2027, days: [{ date: '2027-07-01', kind: 'extra_day_off', name: 'Nhầm' }] })).json();
    const res = await post(cityAdmin, `/api/v1/calendar/decisions/${created.id}/revoke`, { reason: 'Ghi nhầm ngày' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ revocationReason: 'Ghi nhầm ngày' });
    expect(res.json().revokedAt).toBe(t.clock.now().toISOString());
    expect((await post(cityAdmin, `/api/v1/calendar/decisions/${created.id}/revoke`, { reason: 'Lần hai' })).json()).toMatchObject({
      status: 409,
      code: 'CALENDAR_DECISION_ALREADY_REVOKED',
    });
    expect((await post(cityAdmin, '/api/v1/calendar/decisions/00000000-0000-4000-8000-000000000000/revoke', { reason: 'x' })).statusCode).toBe(404);
    expect((await post(cityAdmin, '/api/v1/calendar/decisions/not-an-id/revoke', { reason: 'x' })).statusCode).toBe(404);
    expect((await post(communeAdmin, `/api/v1/calendar/decisions/0b1d0000-0000-4000-8000-000000002601/revoke`, { reason: 'x' })).statusCode).toBe(403);
    const days = (await t.app.inject('/api/v1/calendar/days?year=2027')).json() as { date: string }[];
    expect(days.map((d) => d.date)).not.toContain('2027-07-01');
    const listed = (await t.app.inject({ url: '/api/v1/calendar/decisions?year=2027&includeRevoked=true', headers: cityAdmin })).json();
    expect(listed.items.some((d: { id: string; revokedAt: string | null }) => d.id === created.id && d.revokedAt)).toBe(true);
    const audit = await listAuditEventsForTarget(t.db, 'calendar_decision', created.id);
    expect(audit.map((a) => a.action)).toEqual(['calendar.decision.record', 'calendar.decision.revoke']);
  });

  it('sets working periods for an agency in scope (audited) and the due time follows them', async () => {
    const put = (headers: SignedInHeaders, payload: unknown) =>
      t.app.inject({ method: 'PUT', url: '/api/v1/calendar/working-periods', headers, payload: payload as object });
    const periods = { agency: COMMUNE, effectiveFrom: '2027-01-01', periods: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:30' }] };
    expect((await put(specialist, periods)).statusCode).toBe(403);
    expect((await put(communeAdmin, { ...periods, agency: CITY })).statusCode).toBe(403);
    const res = await put(communeAdmin, periods);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ agency: { code: COMMUNE }, effectiveFrom: '2027-01-01', periods: periods.periods });
    const due = await t.app.inject(`/api/v1/calendar/due-time?receivedAt=2027-03-01T07:00:00%2B07:00&amount=1&unit=working-days&agency=${COMMUNE}`);
    expect(due.json()).toMatchObject({ clockStartsAt: '2027-03-01T07:30:00+07:00', dueAt: '2027-03-01T17:30:00+07:00' });
    const bad = await put(communeAdmin, { ...periods, periods: [{ start: '13:30', end: '17:30' }, { start: '07:30', end: '11:30' }] });
    expect(bad.json()).toMatchObject({ status: 400, code: 'CALENDAR_INVALID_WORKING_PERIODS' });
    const malformed = await put(communeAdmin, { ...periods, periods: [{ start: '7:30', end: '11:30' }] });
    expect(malformed.statusCode).toBe(400);
    const [agency] = await t.db.query<{ id: string }>('SELECT id FROM agency WHERE code = $1', [COMMUNE]);
    const audit = await listAuditEventsForTarget(t.db, 'agency', agency!.id);
    expect(audit.filter((a) => a.action === 'calendar.working-periods.set')).toHaveLength(1);
  });
});
