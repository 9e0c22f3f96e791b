import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInstant, nationalDecisions2026, parseDate, parseInstant } from '@motcua/core/calendar';
import type { Actor } from '@motcua/core/shared';
import { withUnitOfWork, type Queryable } from '@motcua/db';
import { listAuditEventsForTarget } from '@motcua/db/audit';
import {
  CalendarLoader,
  calendarLoaderFor,
  findDecision,
  listDecisions,
  listWorkingPeriodSchedules,
  loadCalendarSnapshot,
  recordDecision,
  revokeDecision,
  setWorkingPeriods,
  type RecordDecisionInput,
} from '@motcua/db/calendar';
import { createTestDatabase, testBackends, type TestDatabase } from '../../../test-support/databases';

const admin: Actor = {
  kind: 'officer',
  userId: 'admin-1',
  displayName: 'Quản trị',
  grants: [{ role: 'system_administrator', agencyId: 'x', includeSubAgencies: true }],
  visibleAgencyIds: [],
};

async function insertAgency(db: Queryable, code: string, parentId: string | null = null): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO agency (code, name, kind, level, parent_id, effective_from)
     VALUES ($1, $2, 'people_committee', 'province', $3, DATE '2025-07-01') RETURNING id`,
    [code, `Cơ quan ${code}`, parentId],
  );
  return row!.id;
}

const due = async (loader: CalendarLoader, agencyId: string | null, receivedAt: string, amount: number) => {
  const clock = await loader.clockFor(agencyId);
  const result = clock.dueTime({ receivedAt: new Date(parseInstant(receivedAt)!), limit: { amount, unit: 'working-days' } });
  if (!result.ok) throw new Error(result.error.message);
  return formatInstant(result.value.dueAt.getTime());
};

describe.each(testBackends())('calendar storage on %s', (backend) => {
  let db: TestDatabase;
  let hue: string;
  let ward: string;
  let otherProvince: string;
  const now = new Date('2026-11-28T03:00:00Z');
  const record = (input: RecordDecisionInput, at = now) =>
    withUnitOfWork(db, { actor: admin, now: at, requestId: 'req-cal' }, (uow) => recordDecision(uow, input));

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    hue = await insertAgency(db, '000.00.00.H57');
    ward = await insertAgency(db, '000.00.01.H57', hue);
    otherProvince = await insertAgency(db, '000.00.00.H26');
  });
  afterAll(() => db.dispose());

  it('has the 2026 national decisions seeded exactly as the core constant', async () => {
    const seeded = await listDecisions(db, { year: 2026 });
    expect(seeded.map(({ id, scope, agencyId, name, legalReference, recordedAt, days }) => ({ id, scope, agencyId, name, legalReference, recordedAt, days })))
      .toEqual([...nationalDecisions2026].sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime()));
  });

  it('gives the national calendar the worked examples of 2026', async () => {
    const loader = new CalendarLoader(db);
    expect(await due(loader, null, '2026-01-09T16:00:00+07:00', 2)).toBe('2026-01-12T16:00:00+07:00');
    expect(await due(loader, null, '2026-08-21T16:00:00+07:00', 1)).toBe('2026-08-22T16:00:00+07:00');
  });

  it('records a province decision, audited, applying to the province and the agencies under it only', async () => {
    const loader = calendarLoaderFor(db);
    expect(await due(loader, ward, '2026-12-10T09:00:00+07:00', 1)).toBe('2026-12-11T09:00:00+07:00');
    const result = await record({
      scope: 'province',
      agencyId: hue,
      name: 'Nghỉ lễ Festival Huế',
      legalReference: 'Quyết định 99/QĐ-UBND',
      days: [{ date: '2026-12-11', kind: 'extra_day_off', name: 'Ngày nghỉ Festival Huế' }],
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ scope: 'province', agency: { code: '000.00.00.H57' }, recordedBy: 'admin-1', revokedAt: null });
    // The same loader sees the change at once: the revision moved.
    expect(await due(loader, ward, '2026-12-10T09:00:00+07:00', 1)).toBe('2026-12-14T09:00:00+07:00');
    expect(await due(loader, hue, '2026-12-10T09:00:00+07:00', 1)).toBe('2026-12-14T09:00:00+07:00');
    expect(await due(loader, otherProvince, '2026-12-10T09:00:00+07:00', 1)).toBe('2026-12-11T09:00:00+07:00');
    expect(await due(loader, null, '2026-12-10T09:00:00+07:00', 1)).toBe('2026-12-11T09:00:00+07:00');

    const audit = await listAuditEventsForTarget(db, 'calendar_decision', result.value.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'calendar.decision.record', actorId: 'admin-1', agencyId: hue, requestId: 'req-cal' });
    expect(audit[0]!.summary).toMatchObject({ scope: 'province', days: [{ date: '2026-12-11', kind: 'extra_day_off' }] });
  });

  it('lets an agency decision win over the province on a shared date', async () => {
    const result = await record({
      scope: 'agency',
      agencyId: ward,
      name: 'Phường làm việc bình thường',
      legalReference: 'Quyết định 5/QĐ-UBND phường',
      days: [{ date: '2026-12-11', kind: 'working_day', name: 'Làm việc bình thường' }],
    }, new Date(now.getTime() + 60_000));
    expect(result.ok).toBe(true);
    const loader = calendarLoaderFor(db);
    expect(await due(loader, ward, '2026-12-10T09:00:00+07:00', 1)).toBe('2026-12-11T09:00:00+07:00');
    expect(await due(loader, hue, '2026-12-10T09:00:00+07:00', 1)).toBe('2026-12-14T09:00:00+07:00');
    const forWard = await listDecisions(db, { lineage: [ward, hue], year: 2026 });
    expect(forWard.map((d) => d.scope)).toEqual(['national', 'national', 'province', 'agency']);
  });

  it('revokes a decision (audited) and stops applying it; refuses a second revocation and unknown ids', async () => {
    const [provinceDecision] = await listDecisions(db, { lineage: [hue], year: 2026 }).then((all) => all.filter((d) => d.scope === 'province'));
    const revoked = await withUnitOfWork(db, { actor: admin, now }, (uow) => revokeDecision(uow, provinceDecision!.id, 'Ban hành nhầm'));
    expect(revoked.ok && revoked.value.revocationReason).toBe('Ban hành nhầm');
    expect(await due(calendarLoaderFor(db), hue, '2026-12-10T09:00:00+07:00', 1)).toBe('2026-12-11T09:00:00+07:00');
    const again = await withUnitOfWork(db, { actor: admin, now }, (uow) => revokeDecision(uow, provinceDecision!.id, 'Lần hai'));
    expect(again.ok ? 'ok' : again.error.code).toBe('CALENDAR_DECISION_ALREADY_REVOKED');
    const unknown = await withUnitOfWork(db, { actor: admin, now }, (uow) => revokeDecision(uow, '00000000-0000-4000-8000-000000000000', 'x'));
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('CALENDAR_DECISION_NOT_FOUND');
    expect((await listDecisions(db, { lineage: [hue] })).some((d) => d.id === provinceDecision!.id)).toBe(false);
    expect((await listDecisions(db, { lineage: [hue], includeRevoked: true })).some((d) => d.id === provinceDecision!.id)).toBe(true);
    const audit = await listAuditEventsForTarget(db, 'calendar_decision', provinceDecision!.id);
    expect(audit.map((a) => a.action)).toEqual(['calendar.decision.record', 'calendar.decision.revoke']);
  });

  it('refuses invalid decisions and writes nothing', async () => {
    const before = (await listDecisions(db, { includeRevoked: true })).length;
    const cases: [RecordDecisionInput, string][] = [
      [{ scope: 'national', agencyId: null, name: 'x', legalReference: 'y', days: [] }, 'CALENDAR_INVALID_DECISION'],
      [{ scope: 'national', agencyId: hue, name: 'x', legalReference: 'y', days: [{ date: '2027-01-04', kind: 'extra_day_off', name: 'z' }] }, 'CALENDAR_INVALID_DECISION'],
      [{ scope: 'national', agencyId: null, name: 'x', legalReference: 'y', days: [{ date: '2027-02-30', kind: 'extra_day_off', name: 'z' }] }, 'CALENDAR_INVALID_DECISION'],
      [{ scope: 'agency', agencyId: '00000000-0000-4000-8000-000000000000', name: 'x', legalReference: 'y', days: [{ date: '2027-01-04', kind: 'extra_day_off', name: 'z' }] }, 'CALENDAR_AGENCY_NOT_FOUND'],
    ];
    for (const [input, code] of cases) {
      const result = await record(input);
      expect(result.ok ? 'ok' : result.error.code).toBe(code);
    }
    expect((await listDecisions(db, { includeRevoked: true })).length).toBe(before);
  });

  it('sets effective-dated working periods (audited), inherited by the agencies below', async () => {
    const set = (agencyId: string, effectiveFrom: string, periods: { start: string; end: string }[]) =>
      withUnitOfWork(db, { actor: admin, now }, (uow) => setWorkingPeriods(uow, agencyId, { effectiveFrom, periods }));
    const first = await set(hue, '2026-12-01', [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:30' }]);
    expect(first.ok).toBe(true);
    const loader = calendarLoaderFor(db);
    const clock = await loader.clockFor(ward);
    const start = clock.clockStart(new Date(parseInstant('2026-12-02T07:00:00+07:00')!));
    expect(start.ok && formatInstant(start.value.getTime())).toBe('2026-12-02T07:30:00+07:00');
    const before = clock.clockStart(new Date(parseInstant('2026-11-30T07:00:00+07:00')!));
    expect(before.ok && formatInstant(before.value.getTime())).toBe('2026-11-30T07:00:00+07:00');
    // The ward's own schedule wins over the province's.
    expect((await set(ward, '2026-12-01', [{ start: '08:00', end: '12:00' }])).ok).toBe(true);
    const wardClock = await loader.clockFor(ward);
    const wardStart = wardClock.clockStart(new Date(parseInstant('2026-12-02T07:00:00+07:00')!));
    expect(wardStart.ok && formatInstant(wardStart.value.getTime())).toBe('2026-12-02T08:00:00+07:00');
    // Same date again replaces; the audit keeps the previous periods.
    expect((await set(ward, '2026-12-01', [{ start: '08:00', end: '11:00' }])).ok).toBe(true);
    const schedules = await listWorkingPeriodSchedules(db, [ward]);
    expect(schedules.map((s) => s.periods)).toEqual([[{ start: '08:00', end: '11:00' }]]);
    const audit = await listAuditEventsForTarget(db, 'agency', ward);
    expect(audit.at(-1)!.summary).toMatchObject({ previous: [{ start: '08:00', end: '12:00' }] });
    const bad = await set(ward, '2026-12-01', [{ start: '12:00', end: '08:00' }]);
    expect(bad.ok ? 'ok' : bad.error.code).toBe('CALENDAR_INVALID_WORKING_PERIODS');
  });

  it('gives a snapshot of what a calendar is made of, for rebuilding it without a decision', async () => {
    const snapshot = await loadCalendarSnapshot(db, ward);
    expect(snapshot.lineage).toEqual([ward, hue]);
    expect(snapshot.definition.decisions!.map((d) => d.scope)).toEqual(['national', 'national', 'agency']);
    expect(snapshot.definition.workingPeriodLayers).toHaveLength(2);
    expect(snapshot.revision).toBeGreaterThan(1);
    const found = await findDecision(db, snapshot.definition.decisions![2]!.id);
    expect(found?.days).toEqual([{ date: '2026-12-11', kind: 'working_day', name: 'Làm việc bình thường' }]);
    expect(parseDate(found!.days[0]!.date)).not.toBeNull();
  });
});
