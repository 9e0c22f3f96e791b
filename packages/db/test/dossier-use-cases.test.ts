/**
 * The dossier use cases on real databases with the calendar module's clocks: every transition writes its state,
 * event, audit row and outbox jobs in one transaction; refusals leave nothing behind; optimistic concurrency; the
 * deadline sweep; the gapless codes under concurrent receptions (PostgreSQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actOnDossier, sweepDossierDeadlines, type Dossier, type DossierAction } from '@motcua/core/dossiers';
import { findDossier, listDossierEvents, runDossierUseCase } from '@motcua/db/dossiers';
import { createTestDatabase, testBackends, type TestDatabase } from '../../../test-support/databases';
import {
  dossierTestServices,
  insertTestOrganisation,
  receiveTestDossier,
  testOfficer,
  testProcedureCase,
  type TestOrganisation,
} from '../../../test-support/dossiers';

const local = (value: string) => new Date(`${value.replace(' ', 'T')}:00+07:00`);

function must<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return result.value;
}

describe.each(testBackends())('dossier use cases on %s', (backend) => {
  let db: TestDatabase;
  let org: TestOrganisation;
  let services: ReturnType<typeof dossierTestServices>;
  const officers = {} as Record<'reception' | 'specialist' | 'head' | 'leader' | 'supervisor', ReturnType<typeof testOfficer>>;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    org = await insertTestOrganisation(db);
    services = dossierTestServices(db);
    officers.reception = testOfficer([{ role: 'reception_officer', agencyId: org.desk }], 'Lê Thị Tiếp Nhận');
    officers.specialist = testOfficer([{ role: 'specialist', agencyId: org.department }], 'Trần Văn Chuyên Viên');
    officers.head = testOfficer([{ role: 'department_head', agencyId: org.department }], 'Phạm Trưởng Phòng');
    officers.leader = testOfficer([{ role: 'agency_leader', agencyId: org.agency }], 'Hoàng Chủ Tịch');
    officers.supervisor = testOfficer([{ role: 'desk_supervisor', agencyId: org.desk }], 'Giám Đốc Trung Tâm');
  });
  afterAll(() => db.dispose());

  const act = (actor: (typeof officers)[keyof typeof officers], at: string, id: string, action: DossierAction, version: number | null = null) =>
    runDossierUseCase(db, { actor, now: local(at) }, services, (d) => actOnDossier(d, id, action, version));

  it('receives at the counter with a code of the day, Form 01, the audit row and the applicant’s notices', async () => {
    const received = must(
      await receiveTestDossier(db, { officer: officers.reception, now: local('2026-03-02 09:00'), procedure: testProcedureCase(org), receivingAgencyId: org.desk }),
    );
    expect(received.code).toBe(`${org.codes.desk}-260302-0001`);
    expect(received.dueAt).toEqual(local('2026-03-05 09:00'));
    expect(received.version).toBe(1);
    const audit = await db.query<{ action: string; summary: { code: string } }>(
      "SELECT action, summary FROM audit_event WHERE target_type = 'dossier' AND target_id = $1",
      [received.id],
    );
    expect(audit).toEqual([{ action: 'dossier.receive', summary: expect.objectContaining({ code: received.code }) }]);
    expect(JSON.stringify(audit)).not.toContain('0912345678');
    const outbox = await db.query<{ topic: string; dedupe_key: string }>(
      'SELECT topic, dedupe_key FROM outbox_message WHERE payload::text LIKE $1 ORDER BY topic, dedupe_key',
      [`%${received.id}%`],
    );
    const [event] = await listDossierEvents(db, received.id);
    expect(outbox.map((m) => m.topic)).toEqual(['document.render', 'national-portal.sync']);
    const notices = await db.query<{ channel: string; status: string }>(
      'SELECT channel, status FROM notification_delivery WHERE event_id = $1 ORDER BY channel',
      [event!.id],
    );
    expect(notices).toEqual([
      { channel: 'email', status: 'pending' },
      { channel: 'sms', status: 'pending' },
    ]);
  });

  it('runs the workflow: every action one event, one audit row, a new version; a stale version is refused', async () => {
    const d = must(
      await receiveTestDossier(db, { officer: officers.reception, now: local('2026-03-02 09:10'), procedure: testProcedureCase(org), receivingAgencyId: org.desk }),
    );
    let dossier: Dossier = must(await act(officers.reception, '2026-03-02 09:30', d.id, { type: 'transfer', note: null }, 1));
    expect(dossier).toMatchObject({ state: 'processing', version: 2, currentAgencyId: org.department });
    const stale = await act(officers.specialist, '2026-03-02 09:40', d.id, { type: 'claim_step', stepId: dossier.steps[0]!.id }, 1);
    expect(stale.ok ? 'ok' : stale.error.code).toBe('STALE_VERSION');
    dossier = must(await act(officers.specialist, '2026-03-02 09:40', d.id, { type: 'claim_step', stepId: dossier.steps[0]!.id }, 2));
    dossier = must(await act(officers.specialist, '2026-03-02 15:00', d.id, { type: 'complete_step', stepId: dossier.steps[0]!.id, note: 'Đủ điều kiện' }));
    dossier = must(await act(officers.head, '2026-03-03 08:00', d.id, { type: 'complete_step', stepId: dossier.steps[1]!.id, note: null }));
    dossier = must(await act(officers.leader, '2026-03-03 09:00', d.id, { type: 'complete_step', stepId: dossier.steps[2]!.id, note: null }));
    dossier = must(
      await act(officers.leader, '2026-03-03 09:05', d.id, {
        type: 'record_result',
        kind: 'granted',
        documentNumber: '21/GKS',
        summary: 'Cấp Giấy khai sinh',
        attachmentIds: [],
        signerName: 'Hoàng Chủ Tịch',
      }),
    );
    dossier = must(
      await act(officers.reception, '2026-03-04 10:00', d.id, {
        type: 'return_result',
        method: 'counter',
        receiverName: 'Nguyễn Văn An',
        receiverRole: 'applicant',
        waybillNumber: null,
      }),
    );
    expect(dossier).toMatchObject({ state: 'returned', timeliness: 'early', version: 8 });
    const events = await listDossierEvents(db, d.id);
    expect(events.map((e) => e.kind)).toEqual([
      'receive',
      'transfer',
      'claim_step',
      'complete_step',
      'complete_step',
      'complete_step',
      'record_result',
      'return_result',
    ]);
    const audit = await db.query<{ n: number }>("SELECT count(*)::int8 AS n FROM audit_event WHERE target_type = 'dossier' AND target_id = $1", [d.id]);
    expect(audit[0]!.n).toBe(8);
    // one notice per channel per national status change: received, processing, result, returned
    const notices = await db.query<{ n: number }>("SELECT count(*)::int8 AS n FROM notification_delivery WHERE dossier_id = $1 AND channel = 'email'", [d.id]);
    expect(notices[0]!.n).toBe(4);
    const reloaded = (await findDossier(db, { kind: 'system', name: 't' }, d.id))!;
    expect(reloaded.handovers.map((h) => h.kind)).toEqual(['reception', 'transfer', 'step', 'step', 'result', 'return']);
  });

  it('leaves nothing behind when a transition is refused, not even a code number', async () => {
    const stranger = testOfficer([{ role: 'reception_officer', agencyId: org.otherDesk }]);
    const refused = await receiveTestDossier(db, { officer: stranger, now: local('2026-03-06 09:00'), procedure: testProcedureCase(org), receivingAgencyId: org.desk });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('DOSSIER_ACTOR_NOT_ALLOWED');
    const next = must(
      await receiveTestDossier(db, { officer: officers.reception, now: local('2026-03-06 09:01'), procedure: testProcedureCase(org), receivingAgencyId: org.desk }),
    );
    expect(next.code).toBe(`${org.codes.desk}-260306-0001`);
  });

  it('enforces supplement once and restarts the clock from the complete supplement', async () => {
    const d = must(
      await receiveTestDossier(db, { officer: officers.reception, now: local('2026-03-09 09:00'), procedure: testProcedureCase(org), receivingAgencyId: org.desk }),
    );
    must(await act(officers.reception, '2026-03-09 09:30', d.id, { type: 'transfer', note: null }));
    must(await act(officers.specialist, '2026-03-10 09:00', d.id, { type: 'request_supplement', items: ['Giấy chứng sinh'], reason: 'Thiếu' }));
    const again = await act(officers.reception, '2026-03-10 10:00', d.id, { type: 'request_supplement', items: ['x'], reason: 'y' });
    expect(again.ok ? 'ok' : again.error.code).toBe('DOSSIER_INVALID_STATE');
    const supplied = must(await act(officers.reception, '2026-03-11 14:00', d.id, { type: 'provide_supplement', documents: [], note: null }));
    expect(supplied.dueAt).toEqual(local('2026-03-16 14:00'));
    expect(supplied.initialDueAt).toEqual(local('2026-03-12 09:00'));
    const twice = await act(officers.specialist, '2026-03-11 15:00', d.id, { type: 'request_supplement', items: ['x'], reason: 'y' });
    expect(twice.ok ? 'ok' : twice.error.code).toBe('DOSSIER_SUPPLEMENT_ALREADY_REQUESTED');
  });

  it('sweeps deadlines: warns once per due time, drafts one apology for the leader, flags overdue steps', async () => {
    const d = must(
      await receiveTestDossier(db, { officer: officers.reception, now: local('2026-03-16 09:00'), procedure: testProcedureCase(org), receivingAgencyId: org.desk }),
    );
    must(await act(officers.reception, '2026-03-16 09:00', d.id, { type: 'transfer', note: null }));
    const sweep = (at: string) =>
      runDossierUseCase(db, { actor: { kind: 'system', name: 'deadline-sweep' }, now: local(at) }, services, (deps) => sweepDossierDeadlines(deps, d.id));
    // Tue 17/03 16:00: the first step (12 h from Mon 09:00) is overdue since 16:00? it is due Tue 16:00 — due soon
    const first = must(await sweep('2026-03-17 15:00'));
    expect(first.apologyDrafted).toBe(true);
    expect(first.alerts).toBeGreaterThan(0);
    const repeat = must(await sweep('2026-03-17 15:00'));
    expect(repeat).toEqual({ alerts: 0, apologyDrafted: false });
    const alerts = await db.query<{ kind: string; subject: string; recipient_role: string | null }>(
      'SELECT kind, subject, recipient_role FROM dossier_alert WHERE dossier_id = $1 ORDER BY kind, subject, recipient_role',
      [d.id],
    );
    expect(alerts).toEqual(
      expect.arrayContaining([
        { kind: 'apology_drafted', subject: 'dossier', recipient_role: 'agency_leader' },
        { kind: 'due_soon', subject: 'step', recipient_role: 'specialist' },
      ]),
    );
    const overdue = must(await sweep('2026-03-18 08:00'));
    expect(overdue.alerts).toBeGreaterThan(0);
    const kinds = await db.query<{ kind: string }>("SELECT DISTINCT kind FROM dossier_alert WHERE dossier_id = $1 AND subject = 'step'", [d.id]);
    expect(kinds.map((k) => k.kind).sort()).toEqual(['due_soon', 'overdue']);
    const drafts = (await listDossierEvents(db, d.id)).filter((e) => e.kind === 'draft_apology');
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.formData).toMatchObject({ isDraft: true, originalDueAt: local('2026-03-19 09:00').toISOString() });
    // the leader issues the apology once; a second one is refused
    const extension = { type: 'extend' as const, newDueAt: local('2026-03-24 17:00'), reason: 'Chờ xác minh', draftEventId: drafts[0]!.id };
    must(await act(officers.leader, '2026-03-18 08:30', d.id, extension));
    const second = await act(officers.leader, '2026-03-18 08:40', d.id, { ...extension, newDueAt: local('2026-03-26 17:00') });
    expect(second.ok ? 'ok' : second.error.code).toBe('DOSSIER_EXTENSION_ALREADY_GRANTED');
    // the draft is for review, not issued: no Form 04 is rendered (numbered, sealed) for it; the issued one is
    const renders = await db.query<{ event_id: string }>(
      "SELECT payload->>'eventId' AS event_id FROM outbox_message WHERE topic = 'document.render' AND payload->>'formKind' = 'apology_extension'",
    );
    const extendEvent = (await listDossierEvents(db, d.id)).find((e) => e.kind === 'extend');
    expect(renders.map((r) => r.event_id)).toEqual([extendEvent!.id]);
  });
});

describe.skipIf(!testBackends().includes('postgres'))('dossier concurrency on PostgreSQL', () => {
  let db: TestDatabase;
  let org: TestOrganisation;
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    org = await insertTestOrganisation(db);
  });
  afterAll(() => db.dispose());

  it('gives 50 concurrent receptions at one desk the codes 0001–0050: no gap, no duplicate', async () => {
    const officer = testOfficer([{ role: 'reception_officer', agencyId: org.desk }]);
    const now = new Date('2026-03-02T02:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 50 }, () => receiveTestDossier(db, { officer, now, procedure: testProcedureCase(org), receivingAgencyId: org.desk })),
    );
    const codes = results.map((r) => must(r).code!).sort();
    expect(codes).toEqual(Array.from({ length: 50 }, (_, i) => `${org.codes.desk}-260302-${String(i + 1).padStart(4, '0')}`));
    const ledger = results.map((r) => must(r).ledgerEntry!.number).sort((a, b) => a - b);
    expect(ledger).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('lets exactly one of two officers acting on one dossier at once succeed', async () => {
    const reception = testOfficer([{ role: 'reception_officer', agencyId: org.desk }]);
    const services = dossierTestServices(db);
    const d = must(await receiveTestDossier(db, { officer: reception, now: new Date('2026-03-02T02:00:00Z'), procedure: testProcedureCase(org), receivingAgencyId: org.desk }));
    const transferred = must(
      await runDossierUseCase(db, { actor: reception, now: new Date('2026-03-02T02:30:00Z') }, services, (deps) =>
        actOnDossier(deps, d.id, { type: 'transfer', note: null }, null),
      ),
    );
    const stepId = transferred.steps[0]!.id;
    const a = testOfficer([{ role: 'specialist', agencyId: org.department }], 'A');
    const b = testOfficer([{ role: 'specialist', agencyId: org.department }], 'B');
    const claim = (officer: typeof a, version: number | null) =>
      runDossierUseCase(db, { actor: officer, now: new Date('2026-03-02T03:00:00Z') }, services, (deps) =>
        actOnDossier(deps, d.id, { type: 'claim_step', stepId }, version),
      );
    const [first, second] = await Promise.all([claim(a, null), claim(b, null)]);
    const outcomes = [first, second].map((r) => (r.ok ? 'ok' : r.error.code)).sort();
    expect(outcomes).toEqual(['DOSSIER_STEP_ALREADY_ASSIGNED', 'ok']);
    const [third, fourth] = await Promise.all([
      runDossierUseCase(db, { actor: a, now: new Date('2026-03-02T04:00:00Z') }, services, (deps) =>
        actOnDossier(deps, d.id, { type: 'request_consultation', toAgencyId: org.consulted, question: 'Ý kiến?', budgetHours: 4 }, 3),
      ),
      runDossierUseCase(db, { actor: a, now: new Date('2026-03-02T04:00:00Z') }, services, (deps) =>
        actOnDossier(deps, d.id, { type: 'request_consultation', toAgencyId: org.consulted, question: 'Ý kiến khác?', budgetHours: 4 }, 3),
      ),
    ]);
    expect([third, fourth].map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['STALE_VERSION', 'ok']);
  });
});
