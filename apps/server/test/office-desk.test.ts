/**
 * The officer desk's API (issue 7, docs/office.md): countdowns in working time on the inbox and the dossier page,
 * computed by the server's legal clock at exact boundaries (Friday afternoon → Monday, Tết 2026); the officers a
 * head may assign a step to (scoped to the head's own agencies) and the assignment's check; consultations counted
 * per side in the inbox (asked by my unit: waiting for answers; addressed to my unit: to answer).
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
  type ProcedureRef,
} from '../../../test-support/dossier-api';

interface Countdown {
  dueAt: string;
  kind: string;
  state: string;
  workingMinutes: number;
  days: number;
  hours: number;
  minutes: number;
  asOf: string;
}
interface InboxRow {
  id: string;
  countdown: Countdown | null;
  dossierCountdown: Countdown | null;
}

describe('countdowns in working time', () => {
  let t: TestApp;
  let now = new Date('2026-02-13T09:00:00Z'); // Friday 13/2/2026 16:00 in Huế, the last working day before Tết
  const at = (local: string) => {
    now = new Date(`${local}+07:00`);
  };
  let desk: string;
  let reception: ApiUser;
  let birth: ProcedureRef;

  beforeAll(async () => {
    t = await createTestApp({ clock: { now: () => new Date(now) }, config: longSessions });
    await seedHue(t);
    desk = await agencyIdOf(t, PHU_XUAN_DESK);
    reception = await officerOf(t, [{ role: 'reception_officer', agencyCode: PHU_XUAN_DESK }], 'Lê Tiếp Nhận');
    birth = await procedureRef(t, '1.001193');
  });
  afterAll(() => t.close());

  async function get<T>(url: string): Promise<T> {
    const res = await t.app.inject({ url: `/api/v1${url}`, headers: await reception.headers() });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  }
  async function receive(): Promise<string> {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: await reception.headers(), payload: counterDossier(birth, desk) });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  }
  const inboxRow = async (id: string) => (await get<{ items: InboxRow[] }>('/dossiers?limit=200')).items.find((r) => r.id === id)!;
  const parts = (c: Countdown | null) => c && [c.state, c.workingMinutes, c.days, c.hours, c.minutes];

  it('across Tết: received Friday 13/2 at 16:00 after the cut-off, due Monday 23/2 at 17:00 — 1 day 1 hour of working time, not 10 days', async () => {
    at('2026-02-13T16:00:00');
    const id = await receive();
    const row = await inboxRow(id);
    expect(row.countdown).toMatchObject({ kind: 'dossier', dueAt: '2026-02-23T10:00:00.000Z', asOf: '2026-02-13T09:00:00.000Z' });
    expect(parts(row.countdown)).toEqual(['remaining', 540, 1, 1, 0]);
    expect(row.dossierCountdown).toEqual(row.countdown);
    // During Tết the countdown stands still: the whole working day of Monday 23/2 is still ahead.
    at('2026-02-18T10:00:00');
    expect(parts((await inboxRow(id)).countdown)).toEqual(['remaining', 480, 1, 0, 0]);
    // Monday 23/2 at 16:00: one working hour left; the dossier page says the same.
    at('2026-02-23T16:00:00');
    expect(parts((await inboxRow(id)).countdown)).toEqual(['remaining', 60, 0, 1, 0]);
    expect(parts((await get<{ countdown: Countdown }>(`/dossiers/${id}`)).countdown)).toEqual(['remaining', 60, 0, 1, 0]);
    // At 17:00 exactly it is due, not late.
    at('2026-02-23T17:00:00');
    expect((await inboxRow(id)).countdown?.state).toBe('due');
  });

  it('Friday afternoon → Monday: due Friday 17:00, seen Monday 08:30 it is 1 h 30 min of working time late (not 63 h)', async () => {
    at('2026-03-13T14:00:00');
    const id = await receive();
    expect((await inboxRow(id)).countdown).toMatchObject({ dueAt: '2026-03-13T10:00:00.000Z', state: 'remaining', workingMinutes: 180 });
    at('2026-03-14T11:00:00'); // Saturday: late, but no working time has elapsed since
    expect(parts((await inboxRow(id)).countdown)).toEqual(['overdue', 0, 0, 0, 0]);
    at('2026-03-16T08:30:00');
    expect(parts((await inboxRow(id)).countdown)).toEqual(['overdue', -90, 0, 1, 30]);
  });
});

describe('assigning steps and consultations in the inbox', () => {
  const KIM_LONG_COMMITTEE = '000.00.41.H57';
  let t: TestApp;
  const now = new Date('2026-03-02T02:00:00Z'); // Monday 2/3/2026 09:00
  let desk: string;
  let committee: string;
  let kimLong: string;
  let reception: ApiUser;
  let specialistA: ApiUser;
  let specialistB: ApiUser;
  let head: ApiUser;
  let otherHead: ApiUser;
  let dossierId: string;

  beforeAll(async () => {
    t = await createTestApp({ clock: { now: () => new Date(now) }, config: longSessions });
    await seedHue(t);
    [desk, committee, kimLong] = await Promise.all([agencyIdOf(t, PHU_XUAN_DESK), agencyIdOf(t, PHU_XUAN_COMMITTEE), agencyIdOf(t, KIM_LONG_COMMITTEE)]);
    [reception, specialistA, specialistB, head, otherHead] = await Promise.all([
      officerOf(t, [{ role: 'reception_officer', agencyCode: PHU_XUAN_DESK }], 'Lê Tiếp Nhận'),
      officerOf(t, [{ role: 'specialist', agencyCode: PHU_XUAN_COMMITTEE }], 'An Chuyên Viên'),
      officerOf(t, [{ role: 'specialist', agencyCode: PHU_XUAN_COMMITTEE }], 'Bình Chuyên Viên'),
      officerOf(t, [{ role: 'department_head', agencyCode: PHU_XUAN_COMMITTEE }], 'Võ Trưởng Phòng'),
      officerOf(t, [{ role: 'department_head', agencyCode: KIM_LONG_COMMITTEE }], 'Trưởng Phòng Kim Long'),
    ]);
    const birth = await procedureRef(t, '1.001193');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: await reception.headers(), payload: counterDossier(birth, desk) });
    expect(res.statusCode, res.body).toBe(201);
    dossierId = (res.json() as { id: string }).id;
    const transfer = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossierId}/transfer`, headers: await reception.headers(), payload: {} });
    expect(transfer.statusCode, transfer.body).toBe(200);
  });
  afterAll(() => t.close());

  const call = async (user: ApiUser, url: string, payload?: object) =>
    t.app.inject({ method: payload ? 'POST' : 'GET', url: `/api/v1${url}`, headers: await user.headers(), ...(payload ? { payload } : {}) });
  const activeStep = async () => {
    const d = (await call(head, `/dossiers/${dossierId}`)).json() as { steps: { id: string; role: string; agencyId: string; status: string; assigneeId: string | null; assigneeName: string | null }[] };
    return d.steps.find((s) => s.status === 'active')!;
  };
  const inbox = async (user: ApiUser) =>
    (
      (await call(user, '/dossiers?limit=200')).json() as {
        items: { id: string; openConsultations: number; consultationsToAnswer: number; countdown: Countdown | null }[];
      }
    ).items;

  it('lists the officers holding the step role at the step agency for its head only (names, no e-mails)', async () => {
    const step = await activeStep();
    expect(step).toMatchObject({ role: 'specialist', agencyId: committee });
    // The dossier page counts the active step's time in working time too (Monday 09:00, due the same day 17:00).
    const page = (await call(head, `/dossiers/${dossierId}`)).json() as { stepCountdown: { kind: string; state: string; workingMinutes: number } | null };
    expect(page.stepCountdown).toMatchObject({ kind: 'step', state: 'remaining' });
    expect(page.stepCountdown!.workingMinutes).toBeGreaterThan(0);
    const res = await call(head, `/step-officers?agencyId=${committee}&role=specialist`);
    expect(res.statusCode, res.body).toBe(200);
    const officers = (res.json() as { officers: { id: string; displayName: string }[] }).officers;
    expect(officers.map((o) => o.displayName)).toEqual(['An Chuyên Viên', 'Bình Chuyên Viên']);
    expect(officers.map((o) => o.id).sort()).toEqual([specialistA.userId, specialistB.userId].sort());
    expect(res.body).not.toContain('@');
    // The head of another commune does not see Phú Xuân's agency at all; a specialist is not a head.
    const other = await call(otherHead, `/step-officers?agencyId=${committee}&role=specialist`);
    expect(other.statusCode).toBe(404);
    expect(String(other.headers['content-type'])).toContain('application/problem+json');
    expect((await call(specialistA, `/step-officers?agencyId=${committee}&role=specialist`)).statusCode).toBe(403);
    expect((await call(head, `/step-officers?agencyId=${committee}&role=nobody`)).statusCode).toBe(400);
    expect((await call(otherHead, `/step-officers?agencyId=${kimLong}&role=specialist`)).json()).toEqual({ officers: [] });
  });

  it('assigns only to an eligible officer, records the account name, audits it; another commune gets 404', async () => {
    const step = await activeStep();
    const url = `/dossiers/${dossierId}/steps/${step.id}/assignment`;
    const stranger = await call(head, url, { assigneeId: otherHead.userId, assigneeName: 'X' });
    expect(stranger.statusCode, stranger.body).toBe(422);
    expect(stranger.json()).toMatchObject({ code: 'DOSSIER_ASSIGNEE_NOT_ELIGIBLE' });
    expect((await call(otherHead, url, { assigneeId: specialistB.userId, assigneeName: 'Bình' })).statusCode).toBe(404);
    expect((await call(specialistA, url, { assigneeId: specialistB.userId, assigneeName: 'Bình' })).statusCode).toBe(403);
    const done = await call(head, url, { assigneeId: specialistB.userId, assigneeName: 'tên gõ tay' });
    expect(done.statusCode, done.body).toBe(200);
    expect(await activeStep()).toMatchObject({ assigneeId: specialistB.userId, assigneeName: 'Bình Chuyên Viên' });
    const audit = await t.db.query<{ action: string; actor_id: string }>(
      "SELECT action, actor_id FROM audit_event WHERE target_id = $1 AND action = 'dossier.assign_step'",
      [dossierId],
    );
    expect(audit).toEqual([{ action: 'dossier.assign_step', actor_id: head.userId }]);
  });

  it('counts a consultation on the asking side as waiting and on the consulted side as to answer, until answered', async () => {
    const asked = await call(specialistB, `/dossiers/${dossierId}/consultations`, { toAgencyId: kimLong, question: 'Xác nhận nơi cư trú?', budgetHours: 8 });
    expect(asked.statusCode, asked.body).toBe(200);
    const consultation = (asked.json() as { consultations: { id: string }[] }).consultations[0]!;
    expect((await inbox(specialistB)).find((r) => r.id === dossierId)).toMatchObject({ openConsultations: 1, consultationsToAnswer: 0 });
    // Kim Long does not hold the dossier, but must answer: it is in its inbox, counted on the answering side.
    const consulted = (await inbox(otherHead)).find((r) => r.id === dossierId);
    expect(consulted).toMatchObject({ openConsultations: 0, consultationsToAnswer: 1 });
    // Its countdown is the answer's (8 working hours from Monday 09:00: Tuesday 09:00), not the holder's step.
    const dueAt = ((await call(head, `/dossiers/${dossierId}`)).json() as { consultations: { dueAt: string }[] }).consultations[0]!.dueAt;
    expect(dueAt).toBe('2026-03-03T02:00:00.000Z');
    expect(consulted!.countdown).toMatchObject({ kind: 'consultation', dueAt, state: 'remaining', workingMinutes: 480, days: 1 });
    const answered = await call(otherHead, `/dossiers/${dossierId}/consultations/${consultation.id}/answer`, { answer: 'Đúng, cư trú tại phường.' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect((await inbox(otherHead)).some((r) => r.id === dossierId)).toBe(false);
    expect((await inbox(specialistB)).find((r) => r.id === dossierId)).toMatchObject({ openConsultations: 0, consultationsToAnswer: 0 });
  });

  it('receives a dossier that came by post: the hand-over minutes set the reception time; the DTO shows them and the return address', async () => {
    const birth = await procedureRef(t, '1.001193');
    const postal = {
      handoverMinutesSignedAt: '2026-03-02T08:30:00+07:00',
      handoverMinutesNumber: 'BB-12/2026',
      submissionWaybills: ['EB123456789VN'],
      returnByPost: true,
      deliveryAddress: '12 Lê Lợi, phường Phú Xuân, Huế',
    };
    const res = await call(reception, '/dossiers', counterDossier(birth, desk, { channel: 'postal', returnMethod: 'postal', postal }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      channel: 'postal',
      nationalChannel: 3,
      entryPoint: 'postal',
      returnMethod: 'postal',
      receivedAt: '2026-03-02T01:30:00.000Z',
      postal: { ...postal, handoverMinutesSignedAt: '2026-03-02T01:30:00.000Z' },
    });
    // Without the minutes' time a postal reception is refused, naming the field; nothing is created.
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM dossier'))[0]!.n;
    const missing = await call(reception, '/dossiers', counterDossier(birth, desk, { channel: 'postal', postal: { ...postal, handoverMinutesSignedAt: null } }));
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('postal.handoverMinutesSignedAt');
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM dossier'))[0]!.n).toBe(before);
  });
});
