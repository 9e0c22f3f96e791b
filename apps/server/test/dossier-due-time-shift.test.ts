/**
 * Issue 3's last piece: a calendar decision recorded after receipts lists the open dossiers and active steps whose
 * due time it moves; a desk supervisor applies the move, one audited event per dossier, the first due time kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app';
import {
  agencyIdOf,
  counterDossier,
  longSessions,
  officerOf,
  PHU_XUAN_COMMITTEE,
  PHU_XUAN_DESK,
  procedureRef,
  seedHue,
  type ApiUser,
} from '../../../test-support/dossier-api';

describe('calendar decisions after receipts move due times only when a desk supervisor applies them', () => {
  let t: TestApp;
  let now = new Date('2026-03-09T02:00:00Z'); // Monday 09:00
  let desk: string;
  let reception: ApiUser;
  let supervisor: ApiUser;
  let otherSupervisor: ApiUser;
  let specialist: ApiUser;
  let admin: ApiUser;
  let dossierId: string;
  let otherDossierId: string;
  let decisionId: string;

  beforeAll(async () => {
    t = await createTestApp({ clock: { now: () => new Date(now) }, config: longSessions });
    await seedHue(t);
    desk = await agencyIdOf(t, PHU_XUAN_DESK);
    const [other] = await t.db.query<{ code: string; id: string }>(
      "SELECT code, id FROM agency WHERE kind = 'service_centre' AND level = 'commune' AND code <> $1 ORDER BY code LIMIT 1",
      [PHU_XUAN_DESK],
    );
    [reception, supervisor, otherSupervisor, specialist, admin] = await Promise.all([
      officerOf(t, [{ role: 'reception_officer', agencyCode: PHU_XUAN_DESK }, { role: 'reception_officer', agencyCode: other!.code }]),
      officerOf(t, [{ role: 'desk_supervisor', agencyCode: PHU_XUAN_DESK }]),
      officerOf(t, [{ role: 'desk_supervisor', agencyCode: other!.code }]),
      officerOf(t, [{ role: 'specialist', agencyCode: PHU_XUAN_COMMITTEE }]),
      officerOf(t, [{ role: 'system_administrator', agencyCode: '000.00.00.H57', includeSubAgencies: true }]),
    ]);
    const certificate = await procedureRef(t, '1.004873'); // 3 working days
    const receive = async (at: string) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: await reception.headers(), payload: counterDossier(certificate, at) });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const mine = await receive(desk);
    expect(mine.dueAt).toBe('2026-03-12T02:00:00.000Z'); // Thursday 09:00
    dossierId = mine.id;
    otherDossierId = (await receive(other!.id)).id;
    const moved = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossierId}/transfer`, headers: await reception.headers(), payload: {} });
    expect(moved.statusCode, moved.body).toBe(200);

    // Tuesday: the city declares Wednesday 11/3 a day off
    now = new Date('2026-03-10T02:00:00Z');
    const decision = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/decisions',
      headers: await admin.headers(),
      payload: {
        scope: 'province',
        agency: '000.00.00.H57',
        name: 'Nghỉ bù (thử nghiệm)',
        legalReference: 'Quyết định giả định của UBND thành phố',
        days: [{ date: '2026-03-11', kind: 'extra_day_off', name: 'Ngày nghỉ thêm' }],
      },
    });
    expect(decision.statusCode, decision.body).toBe(201);
    decisionId = decision.json().id;
  });
  afterAll(() => t.close());

  const list = async (user: ApiUser) =>
    t.app.inject({ url: `/api/v1/calendar/decisions/${decisionId}/due-time-shifts`, headers: await user.headers() });
  const apply = async (user: ApiUser, id = dossierId, body: object = { decisionId, note: 'Theo quyết định nghỉ bù' }) =>
    t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/due-time-shift`, headers: await user.headers(), payload: body });

  it('lists the dossiers the decision moves, without touching them', async () => {
    const res = await list(supervisor);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.decision).toMatchObject({ id: decisionId, revoked: false });
    const mine = body.items.find((i: { dossierId: string }) => i.dossierId === dossierId);
    // Wednesday is no longer a working day: Thursday 09:00 becomes Friday 09:00
    expect(mine).toMatchObject({ dueAt: { before: '2026-03-12T02:00:00.000Z', after: '2026-03-13T02:00:00.000Z' }, extendedDueAt: null });
    expect(body.items.map((i: { dossierId: string }) => i.dossierId)).not.toContain(otherDossierId); // not theirs
    const d = (await t.app.inject({ url: `/api/v1/dossiers/${dossierId}`, headers: await supervisor.headers() })).json();
    expect(d.dueAt).toBe('2026-03-12T02:00:00.000Z');
    // the other desk's supervisor sees their own dossier, which moves too, and not this one
    const theirs = (await list(otherSupervisor)).json().items.map((i: { dossierId: string }) => i.dossierId);
    expect(theirs).toEqual([otherDossierId]);
  });

  it('lets only the desk supervisor apply it: one event, audited, the first due time kept; a second time is refused', async () => {
    const refused = await apply(specialist);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('DOSSIER_ACTOR_NOT_ALLOWED');
    expect((await apply(otherSupervisor)).statusCode).toBe(404); // out of scope answers like absent
    const unknown = await apply(supervisor, dossierId, { decisionId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);

    const res = await apply(supervisor);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dueAt: '2026-03-13T02:00:00.000Z', initialDueAt: '2026-03-12T02:00:00.000Z', state: 'processing' });
    const events = (await t.app.inject({ url: `/api/v1/dossiers/${dossierId}/events`, headers: await supervisor.headers() })).json().events;
    const shifts = events.filter((e: { kind: string }) => e.kind === 'shift_due_time');
    expect(shifts).toHaveLength(1);
    expect(shifts[0]).toMatchObject({
      note: 'Theo quyết định nghỉ bù',
      details: { decisionId, dueAtBefore: '2026-03-12T02:00:00.000Z', dueAtAfter: '2026-03-13T02:00:00.000Z', initialDueAt: '2026-03-12T02:00:00.000Z' },
    });
    const audit = await t.db.query<{ action: string }>("SELECT action FROM audit_event WHERE target_id = $1 AND action = 'dossier.shift_due_time'", [dossierId]);
    expect(audit).toHaveLength(1);

    const again = await apply(supervisor);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DOSSIER_DUE_TIME_UNCHANGED');
    expect((await list(supervisor)).json().items.map((i: { dossierId: string }) => i.dossierId)).not.toContain(dossierId);
  });
});
