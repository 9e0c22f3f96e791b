/**
 * The dossier engine reads its procedure cases from the catalogue: the seeded reference procedures of Huế are
 * received at a commune desk through the API, with the competent agency resolved from the catalogue's rules, the
 * workflow's steps, and the due time from the case's time limit on the legal clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app';
import {
  agencyIdOf,
  counterDossier,
  officerOf,
  type ApiUser,
  PHU_XUAN_COMMITTEE,
  PHU_XUAN_DESK,
  longSessions,
  procedureRef,
  seedHue,
} from '../../../test-support/dossier-api';

describe('receiving the catalogue’s procedures at a Huế commune desk', () => {
  let t: TestApp;
  let now = new Date('2026-03-02T02:00:00Z'); // Monday 09:00 in Huế
  let desk: string;
  let committee: string;
  let officer: ApiUser;

  beforeAll(async () => {
    t = await createTestApp({ clock: { now: () => new Date(now) }, config: longSessions });
    await seedHue(t);
    [desk, committee] = await Promise.all([agencyIdOf(t, PHU_XUAN_DESK), agencyIdOf(t, PHU_XUAN_COMMITTEE)]);
    officer = await officerOf(t, [{ role: 'reception_officer', agencyCode: PHU_XUAN_DESK }]);
  });
  afterAll(() => t.close());

  const receive = async (payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: await officer.headers(), payload });

  it('receives a birth registration (1.001193) with code, the competent committee and a same-day due time', async () => {
    const birth = await procedureRef(t, '1.001193');
    const res = await receive(counterDossier(birth, desk));
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({
      code: `${PHU_XUAN_DESK}-260302-0001`,
      state: 'received',
      nationalStatus: 2,
      procedure: { code: '1.001193', name: 'Thủ tục đăng ký khai sinh', caseCode: birth.caseCode },
      receivingAgencyId: desk,
      competentAgencyId: committee,
      isBoundaryFree: false,
    });
    // "giải quyết trong ngày; tiếp nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo"
    expect(d.dueAt).toBe('2026-03-02T10:00:00.000Z');
    // at the transfer the committee's workflow from the catalogue starts; a member procedure is no inter-agency chain
    const moved = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/transfer`, headers: await officer.headers(), payload: {} });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().state).toBe('processing');
    expect(moved.json().interAgencyLegs).toEqual([]);
    const steps = moved.json().steps as { role: string; agencyId: string; status: string }[];
    // the catalogue's desk steps (reception, return) are the engine's own transitions; the committee's remain
    expect(steps.map((s) => s.role)).toEqual(['specialist', 'department_head', 'agency_leader']);
    expect(steps.every((s) => s.agencyId === committee)).toBe(true);
  });

  it('after 15:00 the same procedure is due the next working day', async () => {
    now = new Date('2026-03-02T08:30:00Z'); // Monday 15:30
    const res = await receive(counterDossier(await procedureRef(t, '1.001193'), desk));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().code).toBe(`${PHU_XUAN_DESK}-260302-0002`);
    expect(res.json().dueAt).toBe('2026-03-03T10:00:00.000Z');
  });

  it('a procedure with a limit in working days counts them on the commune’s calendar', async () => {
    now = new Date('2026-03-06T03:00:00Z'); // Friday 10:00
    const marriage = await procedureRef(t, '1.000894');
    const res = await receive(counterDossier(marriage, desk, { summary: 'Đăng ký kết hôn' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: `${PHU_XUAN_DESK}-260306-0001`, competentAgencyId: committee });
    // 1 working day from Friday 10:00: Monday 10:00 (the weekend does not count)
    expect(res.json().dueAt).toBe('2026-03-09T03:00:00.000Z');
  });

  it('only the inter-agency procedure (2.000986) runs as an inter-agency chain', async () => {
    const chain = await procedureRef(t, '2.000986');
    const res = await receive(counterDossier(chain, desk, { summary: 'Liên thông khai sinh, thường trú, thẻ BHYT' }));
    expect(res.statusCode, res.body).toBe(201);
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${res.json().id}/transfer`,
      headers: await officer.headers(),
      payload: {},
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().interAgencyLegs.length).toBeGreaterThan(0);
  });

  it('an unknown case answers problem+json, not a 500', async () => {
    const birth = await procedureRef(t, '1.001193');
    const res = await receive(counterDossier({ ...birth, caseCode: 'khong-co' }, desk));
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
