/**
 * Issue 5's "done means", through the API alone on the demo data of Huế (seeded organisation and catalogue), with
 * a real SMTP server as the applicant's mailbox and the server's own job runner delivering the notices:
 *   1. a counter dossier goes reception → specialist → head → leader → result → return, with its code, due times,
 *      control sheet and ledger;
 *   2. an online dossier gets a supplement request, a second request is refused, the supplement restarts the clock;
 *   3. an at-risk dossier gets one apology (drafted by the deadline sweep, issued by the leader), a second is refused;
 *   4. the applicant's mailbox holds one message per status change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildJobHandlers, buildPeriodicTasks } from '../src/jobs/handlers';
import { createJobRunner } from '../src/jobs/job-runner';
import { createTestApp, type TestApp } from '../../../test-support/app';
import {
  agencyIdOf,
  citizenOf,
  counterDossier,
  longSessions,
  officerOf,
  onlineDossier,
  PHU_XUAN_COMMITTEE,
  PHU_XUAN_DESK,
  procedureRef,
  seedHue,
  type ApiUser,
} from '../../../test-support/dossier-api';
import { multipart, pdfBytes } from '../../../test-support/files';
import { startSmtpSink, type SmtpSink } from '../../../test-support/smtp-sink';

interface Step {
  id: string;
  order: number;
  role: string;
  status: string;
  dueAt: string | null;
  activatedAt: string | null;
}

describe('the dossier lifecycle through the API', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let now = new Date('2026-03-02T02:00:00Z'); // Monday 2/3/2026 09:00 in Huế
  const at = (iso: string) => {
    now = new Date(iso);
  };
  let desk: string;
  let committee: string;
  let reception: ApiUser;
  let specialist: ApiUser;
  let head: ApiUser;
  let leader: ApiUser;
  let jobs: ReturnType<typeof createJobRunner>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await createTestApp({ clock: { now: () => new Date(now) }, config: { ...longSessions, MOTCUA_SMTP_URL: smtp.url } });
    await seedHue(t);
    [desk, committee] = await Promise.all([agencyIdOf(t, PHU_XUAN_DESK), agencyIdOf(t, PHU_XUAN_COMMITTEE)]);
    [reception, specialist, head, leader] = await Promise.all([
      officerOf(t, [{ role: 'reception_officer', agencyCode: PHU_XUAN_DESK }], 'Lê Tiếp Nhận'),
      officerOf(t, [{ role: 'specialist', agencyCode: PHU_XUAN_COMMITTEE }], 'Phan Chuyên Viên'),
      officerOf(t, [{ role: 'department_head', agencyCode: PHU_XUAN_COMMITTEE }], 'Võ Trưởng Phòng'),
      officerOf(t, [{ role: 'agency_leader', agencyCode: PHU_XUAN_COMMITTEE }], 'Hồ Lãnh Đạo'),
    ]);
    const deps = { config: t.config, db: t.db, clock: t.clock };
    jobs = createJobRunner({ db: t.db, clock: t.clock, handlers: buildJobHandlers(deps), periodic: buildPeriodicTasks(deps), onlyRegisteredTopics: true });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  async function post(user: ApiUser, url: string, payload: object = {}, headers: Record<string, string> = {}) {
    return t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { ...(await user.headers()), ...headers }, payload });
  }
  async function ok(user: ApiUser, url: string, payload: object = {}) {
    const res = await post(user, url, payload);
    expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  }
  async function get(user: ApiUser, url: string) {
    const res = await t.app.inject({ url: `/api/v1${url}`, headers: await user.headers() });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json();
  }
  /** The active step: claimed and completed by the officer holding its role. */
  async function workStep(id: string, officer: ApiUser, role: string) {
    const d = await get(officer, `/dossiers/${id}`);
    const step = (d.steps as Step[]).find((s) => s.status === 'active');
    expect(step?.role).toBe(role);
    await ok(officer, `/dossiers/${id}/steps/${step!.id}/claim`);
    return ok(officer, `/dossiers/${id}/steps/${step!.id}/completion`, { note: `${role} xong` });
  }
  async function deliverNotices() {
    await jobs.runOnce();
  }

  const party = (email: string, fullName = 'Trần Thị Bình') => [{ role: 'applicant', fullName, phone: '0905123456', email }];
  const subjects = (email: string) => smtp.mailbox(email).map((m) => m.subject).sort();
  function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): { code: string } }, status: number, code: string) {
    expect(res.statusCode).toBe(status);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    expect(res.json().code).toBe(code);
  }

  it('1. a counter dossier goes from reception to return with code, due times, control sheet and ledger', async () => {
    const birth = await procedureRef(t, '1.001193');
    const received = await ok(reception, '/dossiers', counterDossier(birth, desk, { parties: party('binh@example.vn') }));
    // Monday 09:00, a same-day procedure (cut-off 15:00): due at the end of the day, 17:00; transfer by then too
    expect(received).toMatchObject({
      code: '000.01.40.H57-260302-0001',
      state: 'received',
      nationalStatus: 2,
      receivedAt: '2026-03-02T02:00:00.000Z',
      dueAt: '2026-03-02T10:00:00.000Z',
      initialDueAt: '2026-03-02T10:00:00.000Z',
      transferDueAt: '2026-03-02T10:00:00.000Z',
      competentAgencyId: committee,
      ledger: { year: 2026, number: 1 },
    });

    at('2026-03-02T02:15:00Z'); // 09:15
    const transferred = await ok(reception, `/dossiers/${received.id}/transfer`, {});
    expect(transferred).toMatchObject({ state: 'processing', nationalStatus: 4, transferredAt: '2026-03-02T02:15:00.000Z' });
    // the specialist's 5.5 working hours from 09:15 over the 11:30–13:30 break: 16:45
    expect(transferred.steps.map((s: Step) => [s.role, s.status, s.dueAt])).toEqual([
      ['specialist', 'active', '2026-03-02T09:45:00.000Z'],
      ['department_head', 'pending', null],
      ['agency_leader', 'pending', null],
    ]);

    at('2026-03-02T03:00:00Z'); // 10:00
    await workStep(received.id, specialist, 'specialist');
    at('2026-03-02T04:00:00Z'); // 11:00: the head's 1 hour from 10:00 ends now
    await workStep(received.id, head, 'department_head');
    at('2026-03-02T06:30:00Z'); // 13:30: the leader's half hour ended at 11:30
    const afterLeader = await workStep(received.id, leader, 'agency_leader');
    expect(afterLeader.steps.map((s: Step) => [s.role, s.status, s.activatedAt, s.dueAt])).toEqual([
      ['specialist', 'completed', '2026-03-02T02:15:00.000Z', '2026-03-02T09:45:00.000Z'],
      ['department_head', 'completed', '2026-03-02T03:00:00.000Z', '2026-03-02T04:00:00.000Z'],
      ['agency_leader', 'completed', '2026-03-02T04:00:00.000Z', '2026-03-02T04:30:00.000Z'],
    ]);

    // the result file, then the result (status 9)
    const file = multipart({ purpose: 'result' }, { name: 'giấy khai sinh.pdf', bytes: pdfBytes('Giấy khai sinh') });
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${received.id}/attachments`,
      headers: { ...(await leader.headers()), ...file.headers },
      payload: file.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expectProblem(
      await post(leader, `/dossiers/${received.id}/result`, { summary: 'x', attachmentIds: ['00000000-0000-4000-8000-000000000000'] }),
      422,
      'DOSSIER_ATTACHMENT_UNKNOWN',
    );
    const result = await ok(leader, `/dossiers/${received.id}/result`, {
      summary: 'Cấp Giấy khai sinh',
      documentNumber: '123/2026',
      attachmentIds: [uploaded.json().id],
    });
    expect(result).toMatchObject({ state: 'result_ready', nationalStatus: 9, timeliness: 'on_time', result: { attachmentIds: [uploaded.json().id] } });

    at('2026-03-02T08:00:00Z'); // 15:00, returned at the desk
    const returned = await ok(reception, `/dossiers/${received.id}/return`, {
      method: 'counter',
      receiverName: 'Trần Thị Bình',
      receiverRole: 'applicant',
    });
    expect(returned).toMatchObject({ state: 'returned', nationalStatus: 10, timeliness: 'on_time' });

    const sheet = await get(reception, `/dossiers/${received.id}/control-sheet`);
    expect(sheet).toMatchObject({
      dossierCode: '000.01.40.H57-260302-0001',
      form: { set: 'tt03-2025', number: '06' },
      dueAt: '2026-03-02T10:00:00.000Z',
      timeliness: 'on_time',
    });
    expect(sheet.rows.map((r: Record<string, unknown>) => [r.kind, r.toRole, r.handedOverAt, r.dueAt, r.completedAt, r.timeliness])).toEqual([
      ['reception', 'reception_officer', '2026-03-02T02:00:00.000Z', '2026-03-02T10:00:00.000Z', '2026-03-02T02:15:00.000Z', 'on_time'],
      ['transfer', 'specialist', '2026-03-02T02:15:00.000Z', '2026-03-02T09:45:00.000Z', '2026-03-02T03:00:00.000Z', 'on_time'],
      ['step', 'department_head', '2026-03-02T03:00:00.000Z', '2026-03-02T04:00:00.000Z', '2026-03-02T04:00:00.000Z', 'on_time'],
      ['step', 'agency_leader', '2026-03-02T04:00:00.000Z', '2026-03-02T04:30:00.000Z', '2026-03-02T06:30:00.000Z', 'late'],
      ['result', 'reception_officer', '2026-03-02T06:30:00.000Z', '2026-03-02T10:00:00.000Z', '2026-03-02T08:00:00.000Z', 'on_time'],
      ['return', 'applicant', '2026-03-02T08:00:00.000Z', null, null, null],
    ]);
    const ledger = await get(reception, `/desks/${desk}/ledger?year=2026`);
    expect(ledger.form).toMatchObject({ set: 'tt03-2025', number: '07' });
    expect(ledger.rows.find((r: { code: string }) => r.code === received.code)).toMatchObject({
      number: 1,
      procedureName: 'Thủ tục đăng ký khai sinh',
      applicantName: 'Trần Thị Bình',
      receivedAt: '2026-03-02T02:00:00.000Z',
      dueAt: '2026-03-02T10:00:00.000Z',
      transferredAt: '2026-03-02T02:15:00.000Z',
      resultAt: '2026-03-02T06:30:00.000Z',
      returnedAt: '2026-03-02T08:00:00.000Z',
      returnMethod: 'counter',
      receiverName: 'Trần Thị Bình',
    });

    await deliverNotices();
    await deliverNotices();
    const code = received.code;
    expect(subjects('binh@example.vn')).toEqual(
      [`[MotCua] ${code}: Được tiếp nhận`, `[MotCua] ${code}: Đang xử lý`, `[MotCua] ${code}: Đã xử lý xong`, `[MotCua] ${code}: Đã trả kết quả`].sort(),
    );
  });

  it('2. an online dossier: one supplement request, a second refused, the supplement restarts the clock', async () => {
    const applicant = await citizenOf(t, { email: 'an.online@example.vn' });
    const certificate = await procedureRef(t, '1.004873'); // 3 working days
    at('2026-03-03T01:30:00Z'); // Tuesday 08:30
    const submitted = await ok(applicant, '/dossiers', onlineDossier(certificate, desk, { parties: party('an.online@example.vn', 'Nguyễn Văn An'), summary: 'Xác nhận tình trạng hôn nhân' }));
    expect(submitted).toMatchObject({ state: 'submitted', nationalStatus: 1, code: null, dueAt: null });
    expect(submitted.receptionCheckDueAt).toBeTruthy();

    at('2026-03-03T02:00:00Z'); // 09:00: received; due 3 working days later, Friday 09:00
    const received = await ok(reception, `/dossiers/${submitted.id}/reception`);
    expect(received).toMatchObject({ state: 'received', code: '000.01.40.H57-260303-0001', dueAt: '2026-03-06T02:00:00.000Z' });
    await ok(reception, `/dossiers/${submitted.id}/transfer`, {});

    at('2026-03-04T03:00:00Z'); // Wednesday 10:00: the specialist asks for a supplement
    const step = (await get(specialist, `/dossiers/${submitted.id}`)).steps.find((s: Step) => s.status === 'active');
    await ok(specialist, `/dossiers/${submitted.id}/steps/${step.id}/claim`);
    const asked = await ok(specialist, `/dossiers/${submitted.id}/supplement-requests`, {
      items: ['Bản sao trích lục ly hôn'],
      reason: 'Thiếu giấy tờ chứng minh tình trạng hôn nhân trước đây',
    });
    expect(asked).toMatchObject({ state: 'supplement_requested', nationalStatus: 5 });
    expect(asked.supplementRequests).toHaveLength(1);
    expect(asked.supplementRequests[0]).toMatchObject({ stage: 'appraisal', isLate: false, providedAt: null });

    at('2026-03-05T07:00:00Z'); // Thursday 14:00: the applicant uploads the document and sends the supplement
    const file = multipart({ purpose: 'supplement' }, { name: 'trích lục ly hôn.pdf', bytes: pdfBytes('Trích lục') });
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${submitted.id}/attachments`,
      headers: { ...(await applicant.headers()), ...file.headers },
      payload: file.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const supplemented = await ok(applicant, `/dossiers/${submitted.id}/supplements`, {
      documents: [{ name: 'Bản sao trích lục ly hôn', certifiedCopies: 1 }],
    });
    // the full 3 working days run again from Thursday 14:00: Tuesday 14:00; the first due time is kept
    expect(supplemented).toMatchObject({
      state: 'processing',
      nationalStatus: 4,
      code: '000.01.40.H57-260303-0001',
      dueAt: '2026-03-10T07:00:00.000Z',
      initialDueAt: '2026-03-06T02:00:00.000Z',
      clockStartedAt: '2026-03-05T07:00:00.000Z',
    });
    expect(supplemented.supplementRequests[0]).toMatchObject({
      providedAt: '2026-03-05T07:00:00.000Z',
      dueAtBefore: '2026-03-06T02:00:00.000Z',
      dueAtAfter: '2026-03-10T07:00:00.000Z',
    });

    at('2026-03-05T08:00:00Z');
    const again = await post(specialist, `/dossiers/${submitted.id}/supplement-requests`, { items: ['Giấy tờ khác'], reason: 'Lần hai' });
    expectProblem(again, 409, 'DOSSIER_SUPPLEMENT_ALREADY_REQUESTED');
    expect((await get(specialist, `/dossiers/${submitted.id}`)).supplementRequests).toHaveLength(1);

    await deliverNotices();
    await deliverNotices();
    const code = received.code;
    const mails = smtp.mailbox('an.online@example.vn');
    expect(mails).toHaveLength(5); // 1 submitted, 2 received, 4 processing, 5 supplement requested, 4 again
    expect(mails.filter((m) => m.subject === `[MotCua] ${code}: Đang xử lý`)).toHaveLength(2);
    expect(mails.some((m) => m.subject === `[MotCua] ${code}: Yêu cầu bổ sung giấy tờ`)).toBe(true);
    expect(mails.some((m) => m.subject === `[MotCua] ${code}: Được tiếp nhận`)).toBe(true);
  });

  it('3. an at-risk dossier gets one drafted apology and one extension; a second is refused', async () => {
    const certificate = await procedureRef(t, '1.004873');
    at('2026-03-09T02:00:00Z'); // Monday 09:00: due Thursday 09:00
    const received = await ok(reception, '/dossiers', counterDossier(certificate, desk, { parties: party('cuong@example.vn', 'Lê Văn Cường'), summary: 'Xác nhận tình trạng hôn nhân' }));
    expect(received.dueAt).toBe('2026-03-12T02:00:00.000Z');
    await ok(reception, `/dossiers/${received.id}/transfer`, {});

    at('2026-03-10T04:00:00Z'); // Tuesday 11:00: 14 working hours left — at risk, an extension still possible
    await jobs.runOnce();
    await jobs.runOnce();
    const events = (await get(leader, `/dossiers/${received.id}/events`)).events as { id: string; kind: string; details: { proposedDueAt?: string } }[];
    const drafts = events.filter((e) => e.kind === 'draft_apology');
    expect(drafts).toHaveLength(1);
    const proposed = drafts[0]!.details.proposedDueAt!;
    expect(new Date(proposed).getTime()).toBeGreaterThan(new Date('2026-03-12T02:00:00Z').getTime());

    const extended = await ok(leader, `/dossiers/${received.id}/extensions`, {
      newDueAt: proposed,
      reason: 'Cần xác minh thông tin tại nơi cư trú trước đây',
      draftEventId: drafts[0]!.id,
    });
    expect(extended).toMatchObject({ dueAt: '2026-03-12T02:00:00.000Z', extendedDueAt: proposed });
    expect(extended.extensions).toHaveLength(1);

    const second = await post(leader, `/dossiers/${received.id}/extensions`, {
      newDueAt: '2026-03-20T02:00:00.000Z',
      reason: 'Lần hai',
    });
    expectProblem(second, 409, 'DOSSIER_EXTENSION_ALREADY_GRANTED');
    await jobs.runOnce();
    const after = (await get(leader, `/dossiers/${received.id}/events`)).events as { kind: string }[];
    expect(after.filter((e) => e.kind === 'draft_apology')).toHaveLength(1);
    expect(after.filter((e) => e.kind === 'extend')).toHaveLength(1);

    await deliverNotices();
    const code = received.code;
    const mails = smtp.mailbox('cuong@example.vn');
    expect(mails).toHaveLength(3); // received, processing, the apology (Form 04)
    expect(mails.map((m) => m.subject)).toEqual(expect.arrayContaining([`[MotCua] ${code}: Được tiếp nhận`, `[MotCua] ${code}: Đang xử lý`]));
    expect(mails.some((m) => (m.text ?? '').includes('xin lỗi'))).toBe(true);
  });
});
