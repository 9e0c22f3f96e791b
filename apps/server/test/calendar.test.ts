import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUnitOfWork } from '@motcua/db';
import { recordDecision, setWorkingPeriods } from '@motcua/db/calendar';
import { createTestApp, type TestApp } from '../../../test-support/app';
import { seedTestOrganization } from '../../../test-support/identity';

const system = { kind: 'system', name: 'test' } as const;

describe('calendar API', () => {
  let t: TestApp;
  let hueId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedTestOrganization(t.db);
    const [hue] = await t.db.query<{ id: string }>(`SELECT id FROM agency WHERE code = '000.00.00.H57'`);
    hueId = hue!.id;
  });
  afterAll(() => t.close());

  const dueTime = (query: string) => t.app.inject(`/api/v1/calendar/due-time?${query}`);
  const q = (receivedAt: string, amount: string | number, unit: string, extra = '') =>
    `receivedAt=${encodeURIComponent(receivedAt)}&amount=${amount}&unit=${unit}${extra}`;

  describe('GET /calendar/due-time', () => {
    it.each([
      ['2026-02-12T10:00:00+07:00', 5, '2026-02-26T10:00:00+07:00'],
      ['2026-01-09T16:00:00+07:00', 2, '2026-01-12T16:00:00+07:00'],
      ['2026-03-02T09:00:00+07:00', 10, '2026-03-16T09:00:00+07:00'],
      ['2026-03-09T14:00:00+07:00', 10, '2026-03-23T14:00:00+07:00'],
      ['2026-04-29T15:30:00+07:00', 2, '2026-05-05T15:30:00+07:00'],
      ['2026-08-21T16:00:00+07:00', 1, '2026-08-22T16:00:00+07:00'],
      ['2026-08-27T10:00:00+07:00', 3, '2026-09-04T10:00:00+07:00'],
      ['2026-11-23T09:00:00+07:00', 1, '2026-11-25T09:00:00+07:00'],
    ])('received %s, %i working days → %s', async (receivedAt, amount, expected) => {
      const res = await dueTime(q(receivedAt, amount, 'working-days'));
      expect(res.statusCode).toBe(200);
      expect(res.json().dueAt).toBe(expected);
    });

    it('answers exactly receivedAt, clockStartsAt, dueAt (+07:00, to the second) and the explanation', async () => {
      const res = await dueTime(q('2026-04-25T13:00:00Z', 1, 'working-days'));
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(Object.keys(body).sort()).toEqual(['clockStartsAt', 'dueAt', 'explanation', 'receivedAt']);
      expect(body).toMatchObject({
        receivedAt: '2026-04-25T20:00:00+07:00',
        clockStartsAt: '2026-04-28T07:00:00+07:00',
        dueAt: '2026-04-28T17:00:00+07:00',
      });
      expect(body.explanation).toContain('Không tính thứ Hai, 27/04/2026 (ngày nghỉ bù): Nghỉ bù Giỗ Tổ Hùng Vương (mùng 10 tháng Ba âm lịch) rơi vào Chủ nhật, 26/04/2026 — Bộ luật Lao động 2019, Điều 111 khoản 3.');
    });

    it('reads an unencoded "+" (a space in a query string) as the offset sign', async () => {
      const res = await dueTime('receivedAt=2026-03-02T09:00:00+07:00&amount=1&unit=working-hours');
      expect(res.statusCode).toBe(200);
      expect(res.json().dueAt).toBe('2026-03-02T10:00:00+07:00');
    });

    it('counts working hours and calendar days', async () => {
      expect((await dueTime(q('2026-03-03T16:00:00+07:00', 3, 'working-hours'))).json().dueAt).toBe('2026-03-04T09:00:00+07:00');
      expect((await dueTime(q('2026-04-28T09:00:00+07:00', 3, 'calendar-days'))).json().dueAt).toBe('2026-05-04T17:00:00+07:00');
      expect((await dueTime(q('2026-03-03T07:00:00+07:00', '1.5', 'working-days'))).json().dueAt).toBe('2026-03-04T11:00:00+07:00');
    });

    it("uses the agency's calendar: its province's decisions and its working periods", async () => {
      const recorded = await withUnitOfWork(t.db, { actor: system, now: new Date('2026-11-28T03:00:00Z') }, async (uow) => {
        const decision = await recordDecision(uow, {
          scope: 'province',
          agencyId: hueId,
          name: 'Nghỉ Festival Huế',
          legalReference: 'Quyết định 99/QĐ-UBND',
          days: [{ date: '2026-12-11', kind: 'extra_day_off', name: 'Ngày nghỉ Festival Huế' }],
        });
        const periods = await setWorkingPeriods(uow, hueId, {
          effectiveFrom: '2026-12-01',
          periods: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:30' }],
        });
        return decision.ok && periods.ok;
      });
      expect(recorded).toBe(true);
      const early = await dueTime(q('2026-12-10T07:00:00+07:00', 1, 'working-days', '&agency=000.00.40.H57'));
      expect(early.json()).toMatchObject({ clockStartsAt: '2026-12-10T07:30:00+07:00', dueAt: '2026-12-10T17:30:00+07:00' });
      const ward = await dueTime(q('2026-12-10T16:00:00+07:00', 1, 'working-days', '&agency=000.00.40.H57'));
      expect(ward.json()).toMatchObject({ clockStartsAt: '2026-12-10T16:00:00+07:00', dueAt: '2026-12-14T16:00:00+07:00' });
      expect(ward.json().explanation.join('\n')).toContain('Ngày nghỉ Festival Huế — Nghỉ Festival Huế, Quyết định 99/QĐ-UBND');
      const national = await dueTime(q('2026-12-10T07:00:00+07:00', 1, 'working-days'));
      expect(national.json()).toMatchObject({ clockStartsAt: '2026-12-10T07:00:00+07:00', dueAt: '2026-12-10T17:00:00+07:00' });
      const days = await t.app.inject('/api/v1/calendar/days?year=2026&agency=000.00.00.H57');
      expect(days.json()).toContainEqual({
        date: '2026-12-11',
        working: false,
        kind: 'extra_day_off',
        name: 'Ngày nghỉ Festival Huế',
        legalBasis: 'Quyết định 99/QĐ-UBND',
      });
      const periods = await t.app.inject('/api/v1/calendar/working-periods?agency=000.00.40.H57');
      expect(periods.statusCode).toBe(200);
      expect(periods.json().schedules).toEqual([
        {
          agency: { code: '000.00.00.H57', name: 'Ủy ban nhân dân thành phố Huế' },
          effectiveFrom: '2026-12-01',
          periods: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:30' }],
          recordedAt: '2026-11-28T03:00:00.000Z',
        },
      ]);
    });
  });

  describe('GET /calendar/days', () => {
    it('lists the weekdays off and the weekend working days of 2026 in date order', async () => {
      const res = await t.app.inject('/api/v1/calendar/days?year=2026');
      expect(res.statusCode).toBe(200);
      const days = res.json() as { date: string; working: boolean; kind: string; name: string; legalBasis: string }[];
      expect(days.map((d) => `${d.date} ${d.working} ${d.kind}`)).toEqual([
        '2026-01-01 false holiday',
        '2026-01-02 false swapped_day_off',
        '2026-01-10 true makeup_working_day',
        '2026-02-16 false holiday',
        '2026-02-17 false holiday',
        '2026-02-18 false holiday',
        '2026-02-19 false holiday',
        '2026-02-20 false holiday',
        '2026-04-27 false compensatory_day_off',
        '2026-04-30 false holiday',
        '2026-05-01 false holiday',
        '2026-08-22 true makeup_working_day',
        '2026-08-31 false swapped_day_off',
        '2026-09-01 false holiday',
        '2026-09-02 false holiday',
        '2026-11-24 false holiday',
      ]);
      expect(days[1]).toEqual({
        date: '2026-01-02',
        working: false,
        kind: 'swapped_day_off',
        name: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)',
        legalBasis: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ',
      });
      expect(days.every((d) => d.name.length > 0 && d.legalBasis.length > 0)).toBe(true);
    });

    it('follows the default rules in later years (2030: 3 September, compensatory 25 November)', async () => {
      const days = (await t.app.inject('/api/v1/calendar/days?year=2030')).json() as { date: string }[];
      expect(days.map((d) => d.date)).toEqual(expect.arrayContaining(['2030-09-02', '2030-09-03', '2030-11-25']));
      expect(days.map((d) => d.date)).not.toContain('2030-09-01');
    });
  });

  describe('bad input: 400 problem+json naming the parameter', () => {
    const cases: [string, string, string][] = [
      ['unparseable instant', q('yesterday', 1, 'working-days'), 'query.receivedAt'],
      ['impossible date', q('2026-02-30T10:00:00+07:00', 1, 'working-days'), 'query.receivedAt'],
      ['impossible time', q('2026-02-10T25:00:00+07:00', 1, 'working-days'), 'query.receivedAt'],
      ['date without time', q('2026-02-10', 1, 'working-days'), 'query.receivedAt'],
      ['empty instant', 'receivedAt=&amount=1&unit=working-days', 'query.receivedAt'],
      ['missing instant', 'amount=1&unit=working-days', 'query.receivedAt'],
      ['instant before 1900', q('1899-12-31T10:00:00+07:00', 1, 'working-days'), 'query.receivedAt'],
      ['due time after 2100', q('2100-12-30T10:00:00+07:00', 10, 'working-days'), 'query.receivedAt'],
      ['amount 0', q('2026-03-02T09:00:00+07:00', 0, 'working-days'), 'query.amount'],
      ['negative amount', q('2026-03-02T09:00:00+07:00', -1, 'working-days'), 'query.amount'],
      ['amount not a number', q('2026-03-02T09:00:00+07:00', 'abc', 'working-days'), 'query.amount'],
      ['amount NaN', q('2026-03-02T09:00:00+07:00', 'NaN', 'working-days'), 'query.amount'],
      ['amount Infinity', q('2026-03-02T09:00:00+07:00', 'Infinity', 'working-days'), 'query.amount'],
      ['amount over 1000', q('2026-03-02T09:00:00+07:00', 1001, 'working-days'), 'query.amount'],
      ['amount 1000.5', q('2026-03-02T09:00:00+07:00', '1000.5', 'working-days'), 'query.amount'],
      ['empty amount', q('2026-03-02T09:00:00+07:00', '', 'working-days'), 'query.amount'],
      ['hexadecimal amount', q('2026-03-02T09:00:00+07:00', '0x10', 'working-days'), 'query.amount'],
      ['missing amount', 'receivedAt=2026-03-02T09%3A00%3A00%2B07%3A00&unit=working-days', 'query.amount'],
      ['unknown unit', q('2026-03-02T09:00:00+07:00', 1, 'days'), 'query.unit'],
      ['missing unit', 'receivedAt=2026-03-02T09%3A00%3A00%2B07%3A00&amount=1', 'query.unit'],
      ['unknown agency', q('2026-03-02T09:00:00+07:00', 1, 'working-days', '&agency=000.00.00.X99'), 'query.agency'],
    ];
    it.each(cases)('due-time: %s', async (_case, query, field) => {
      const res = await dueTime(query);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it.each([
      ['year 1899', 'year=1899', 'query.year'],
      ['year 2101', 'year=2101', 'query.year'],
      ['year not a number', 'year=abcd', 'query.year'],
      ['year with five digits', 'year=20266', 'query.year'],
      ['missing year', '', 'query.year'],
      ['unknown agency', 'year=2026&agency=NOPE', 'query.agency'],
    ])('days: %s', async (_case, query, field) => {
      const res = await t.app.inject(`/api/v1/calendar/days?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('accepts the bounds 1900 and 2100', async () => {
      expect((await t.app.inject('/api/v1/calendar/days?year=1900')).statusCode).toBe(200);
      expect((await t.app.inject('/api/v1/calendar/days?year=2100')).statusCode).toBe(200);
    });

    it('words the message in English on request', async () => {
      const res = await t.app.inject({ url: `/api/v1/calendar/due-time?${q('x', 1, 'working-days')}`, headers: { 'accept-language': 'en' } });
      expect(res.json().errors[0].message).toContain('ISO 8601');
    });
  });

  describe('administration needs a system administrator', () => {
    it.each([
      ['GET', '/api/v1/calendar/decisions', undefined],
      ['POST', '/api/v1/calendar/decisions', { scope: 'national', name: 'x', legalReference: 'y', days: [{ date: '2027-02-10', kind: 'extra_day_off', name: 'z' }] }],
      ['POST', '/api/v1/calendar/decisions/0b1d0000-0000-4000-8000-000000002601/revoke', { reason: 'x' }],
      ['PUT', '/api/v1/calendar/working-periods', { agency: '000.00.00.H57', effectiveFrom: '2027-01-01', periods: [{ start: '07:00', end: '11:00' }] }],
    ] as const)('%s %s answers 401 to anonymous callers', async (method, url, payload) => {
      const res = await t.app.inject({ method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('lists the routes in the OpenAPI document', async () => {
      const doc = (await t.app.inject('/api/openapi.json')).json();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/calendar/due-time',
          '/api/v1/calendar/days',
          '/api/v1/calendar/working-periods',
          '/api/v1/calendar/decisions',
          '/api/v1/calendar/decisions/{id}/revoke',
        ]),
      );
    });
  });
});
