/**
 * Storage of the legal clock: official decisions on the working calendar and agencies' working periods. Every
 * write runs in a unit of work, is audited there, and bumps `calendar_revision` so that built calendars are
 * rebuilt (calendar.loader.ts).
 */
import {
  validateDecision,
  validateWorkingPeriodSchedule,
  calendarError,
  type CalendarDecision,
  type DecisionDay,
  type DecisionDayKind,
  type DecisionScope,
  type WorkingPeriod,
  type WorkingPeriodSchedule,
} from '@motcua/core/calendar';
import { actorId, err, ok, type DomainError, type Result } from '@motcua/core/shared';
import type { Queryable } from '../kernel/database';
import type { UnitOfWork } from '../kernel/unit-of-work';

export interface AgencyRef {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

export interface StoredDecision extends CalendarDecision {
  readonly agency: AgencyRef | null;
  readonly note: string | null;
  readonly recordedBy: string | null;
  readonly revokedAt: Date | null;
  readonly revokedBy: string | null;
  readonly revocationReason: string | null;
}

export interface StoredWorkingPeriodSchedule extends WorkingPeriodSchedule {
  readonly agencyId: string;
  readonly recordedAt: Date;
  readonly recordedBy: string | null;
}

export interface RecordDecisionInput {
  readonly scope: DecisionScope;
  /** The province's or agency's id; null for national decisions. */
  readonly agencyId: string | null;
  readonly name: string;
  readonly legalReference: string;
  readonly note?: string | null;
  readonly days: readonly DecisionDay[];
}

// ------------------------------------------------------------------------------------------------ agencies

export async function findAgencyByCode(db: Queryable, code: string): Promise<AgencyRef | null> {
  const [row] = await db.query<AgencyRef>('SELECT id, code, name FROM agency WHERE code = $1', [code]);
  return row ?? null;
}

export async function findAgencyById(db: Queryable, id: string): Promise<AgencyRef | null> {
  if (!UUID.test(id)) return null;
  const [row] = await db.query<AgencyRef>('SELECT id, code, name FROM agency WHERE id = $1', [id]);
  return row ?? null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The agency and its ancestors, nearest first, plus the calendar revision — one round trip. */
export async function agencyLineageAndRevision(
  db: Queryable,
  agencyId: string | null,
): Promise<{ revision: number; lineage: string[] }> {
  const [row] = await db.query<{ revision: number; lineage: string[] | null }>(
    `WITH RECURSIVE lineage (id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM agency WHERE id = $1
       UNION ALL
       SELECT a.id, a.parent_id, l.depth + 1 FROM agency a JOIN lineage l ON a.id = l.parent_id WHERE l.depth < 32
     )
     SELECT (SELECT revision FROM calendar_revision WHERE id = 1) AS revision,
            (SELECT json_agg(id ORDER BY depth) FROM lineage) AS lineage`,
    [agencyId],
  );
  return { revision: row?.revision ?? 0, lineage: row?.lineage ?? [] };
}

// ------------------------------------------------------------------------------------------------ decisions

interface DecisionRow {
  id: string;
  scope: DecisionScope;
  agency_id: string | null;
  agency_code: string | null;
  agency_name: string | null;
  name: string;
  legal_reference: string;
  note: string | null;
  recorded_at: Date;
  recorded_by: string | null;
  revoked_at: Date | null;
  revoked_by: string | null;
  revocation_reason: string | null;
}

const DECISION_COLUMNS = `d.id, d.scope, d.agency_id, a.code AS agency_code, a.name AS agency_name, d.name,
  d.legal_reference, d.note, d.recorded_at, d.recorded_by, d.revoked_at, d.revoked_by, d.revocation_reason`;

async function withDays(db: Queryable, rows: DecisionRow[]): Promise<StoredDecision[]> {
  if (rows.length === 0) return [];
  const days = await db.query<{ decision_id: string; date: string; kind: DecisionDayKind; name: string }>(
    `SELECT decision_id, date, kind, name FROM calendar_decision_day
      WHERE decision_id IN (SELECT (jsonb_array_elements_text($1::jsonb))::uuid) ORDER BY date`,
    [JSON.stringify(rows.map((r) => r.id))],
  );
  const byDecision = new Map<string, DecisionDay[]>();
  for (const d of days) {
    const list = byDecision.get(d.decision_id) ?? [];
    list.push({ date: d.date, kind: d.kind, name: d.name });
    byDecision.set(d.decision_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    scope: r.scope,
    agencyId: r.agency_id,
    agency: r.agency_id ? { id: r.agency_id, code: r.agency_code ?? '', name: r.agency_name ?? '' } : null,
    name: r.name,
    legalReference: r.legal_reference,
    note: r.note,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
    revokedAt: r.revoked_at,
    revokedBy: r.revoked_by,
    revocationReason: r.revocation_reason,
    days: byDecision.get(r.id) ?? [],
  }));
}

export async function findDecision(db: Queryable, id: string): Promise<StoredDecision | null> {
  if (!UUID.test(id)) return null;
  const rows = await db.query<DecisionRow>(
    `SELECT ${DECISION_COLUMNS} FROM calendar_decision d LEFT JOIN agency a ON a.id = d.agency_id WHERE d.id = $1`,
    [id],
  );
  const [decision] = await withDays(db, rows);
  return decision ?? null;
}

export interface DecisionFilter {
  /** Only decisions with a day in this year. */
  readonly year?: number;
  /** Only decisions applying to these agencies (national ones always apply); absent: every decision. */
  readonly lineage?: readonly string[];
  /** Only national decisions and those of these agencies (an officer's scope). */
  readonly visibleAgencyIds?: readonly string[];
  readonly includeRevoked?: boolean;
}

/** Decisions in the order they were recorded (the order in which they override each other). */
export async function listDecisions(db: Queryable, filter: DecisionFilter = {}): Promise<StoredDecision[]> {
  const rows = await db.query<DecisionRow>(
    `SELECT ${DECISION_COLUMNS} FROM calendar_decision d LEFT JOIN agency a ON a.id = d.agency_id
      WHERE ($1::boolean OR d.revoked_at IS NULL)
        AND ($2::int IS NULL OR EXISTS (
              SELECT 1 FROM calendar_decision_day x
               WHERE x.decision_id = d.id AND x.date >= make_date($2::int, 1, 1) AND x.date <= make_date($2::int, 12, 31)))
        AND ($3::jsonb IS NULL OR d.scope = 'national'
             OR d.agency_id IN (SELECT (jsonb_array_elements_text($3::jsonb))::uuid))
        AND ($4::jsonb IS NULL OR d.scope = 'national'
             OR d.agency_id IN (SELECT (jsonb_array_elements_text($4::jsonb))::uuid))
      ORDER BY d.recorded_at, d.seq`,
    [
      filter.includeRevoked ?? false,
      filter.year ?? null,
      filter.lineage ? JSON.stringify(filter.lineage) : null,
      filter.visibleAgencyIds ? JSON.stringify(filter.visibleAgencyIds) : null,
    ],
  );
  return withDays(db, rows);
}

async function bumpRevision(tx: Queryable): Promise<void> {
  await tx.query('UPDATE calendar_revision SET revision = revision + 1 WHERE id = 1');
}

/** Records an official decision (validated, audited). */
export async function recordDecision(uow: UnitOfWork, input: RecordDecisionInput): Promise<Result<StoredDecision, DomainError>> {
  const valid = validateDecision({ ...input, agencyId: input.agencyId });
  if (!valid.ok) return valid;
  if (input.agencyId !== null && !(await findAgencyById(uow.tx, input.agencyId))) {
    return err(calendarError('CALENDAR_AGENCY_NOT_FOUND', 'No such agency', { agencyId: input.agencyId }));
  }
  const [row] = await uow.tx.query<{ id: string }>(
    `INSERT INTO calendar_decision (scope, agency_id, name, legal_reference, note, recorded_at, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [input.scope, input.agencyId, input.name.trim(), input.legalReference.trim(), input.note ?? null, uow.context.now, actorId(uow.context.actor)],
  );
  const id = row!.id;
  for (const day of input.days) {
    await uow.tx.query('INSERT INTO calendar_decision_day (decision_id, date, kind, name) VALUES ($1, $2, $3, $4)', [
      id,
      day.date,
      day.kind,
      day.name.trim(),
    ]);
  }
  await bumpRevision(uow.tx);
  const dates = input.days.map((d) => d.date).sort();
  uow.audit.record({
    action: 'calendar.decision.record',
    targetType: 'calendar_decision',
    targetId: id,
    agencyId: input.agencyId,
    summary: {
      scope: input.scope,
      name: input.name,
      legalReference: input.legalReference,
      days: input.days.map((d) => ({ date: d.date, kind: d.kind })),
      from: dates[0],
      to: dates.at(-1),
    },
  });
  return ok((await findDecision(uow.tx, id))!);
}

/** Revokes a decision: it stops applying from now on; the row and its days stay for history. */
export async function revokeDecision(uow: UnitOfWork, id: string, reason: string): Promise<Result<StoredDecision, DomainError>> {
  const current = await findDecision(uow.tx, id);
  if (!current) return err(calendarError('CALENDAR_DECISION_NOT_FOUND', 'No such calendar decision', { id }));
  if (current.revokedAt) return err(calendarError('CALENDAR_DECISION_ALREADY_REVOKED', 'The decision is already revoked', { id }));
  if (reason.trim() === '') return err(calendarError('CALENDAR_INVALID_DECISION', 'A revocation needs a reason'));
  await uow.tx.query(
    `UPDATE calendar_decision SET revoked_at = $2, revoked_by = $3, revocation_reason = $4 WHERE id = $1`,
    [id, uow.context.now, actorId(uow.context.actor), reason.trim()],
  );
  await bumpRevision(uow.tx);
  uow.audit.record({
    action: 'calendar.decision.revoke',
    targetType: 'calendar_decision',
    targetId: id,
    agencyId: current.agencyId,
    summary: { name: current.name, reason: reason.trim() },
  });
  return ok((await findDecision(uow.tx, id))!);
}

// ------------------------------------------------------------------------------------------------ working periods

interface ScheduleRow {
  agency_id: string;
  effective_from: string;
  periods: WorkingPeriod[];
  recorded_at: Date;
  recorded_by: string | null;
}

const toSchedule = (r: ScheduleRow): StoredWorkingPeriodSchedule => ({
  agencyId: r.agency_id,
  effectiveFrom: r.effective_from,
  periods: r.periods.map((p) => ({ start: p.start, end: p.end })),
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
});

/** Schedules of the given agencies, each agency's newest first. */
export async function listWorkingPeriodSchedules(db: Queryable, agencyIds: readonly string[]): Promise<StoredWorkingPeriodSchedule[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db.query<ScheduleRow>(
    `SELECT agency_id, effective_from, periods, recorded_at, recorded_by FROM working_period_schedule
      WHERE agency_id IN (SELECT (jsonb_array_elements_text($1::jsonb))::uuid)
      ORDER BY agency_id, effective_from DESC`,
    [JSON.stringify(agencyIds)],
  );
  return rows.map(toSchedule);
}

/** Sets an agency's working periods from a date on (replacing a schedule of the same date); audited. */
export async function setWorkingPeriods(
  uow: UnitOfWork,
  agencyId: string,
  schedule: WorkingPeriodSchedule,
): Promise<Result<StoredWorkingPeriodSchedule, DomainError>> {
  const valid = validateWorkingPeriodSchedule(schedule);
  if (!valid.ok) return valid;
  if (!(await findAgencyById(uow.tx, agencyId))) {
    return err(calendarError('CALENDAR_AGENCY_NOT_FOUND', 'No such agency', { agencyId }));
  }
  const periods = schedule.periods.map((p) => ({ start: p.start, end: p.end }));
  const [previous] = await uow.tx.query<{ periods: WorkingPeriod[] }>(
    'SELECT periods FROM working_period_schedule WHERE agency_id = $1 AND effective_from = $2',
    [agencyId, schedule.effectiveFrom],
  );
  const [row] = await uow.tx.query<ScheduleRow>(
    `INSERT INTO working_period_schedule (agency_id, effective_from, periods, recorded_at, recorded_by)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (agency_id, effective_from)
       DO UPDATE SET periods = EXCLUDED.periods, recorded_at = EXCLUDED.recorded_at, recorded_by = EXCLUDED.recorded_by
     RETURNING agency_id, effective_from, periods, recorded_at, recorded_by`,
    [agencyId, schedule.effectiveFrom, JSON.stringify(periods), uow.context.now, actorId(uow.context.actor)],
  );
  await bumpRevision(uow.tx);
  uow.audit.record({
    action: 'calendar.working-periods.set',
    targetType: 'agency',
    targetId: agencyId,
    agencyId,
    summary: { effectiveFrom: schedule.effectiveFrom, periods, previous: previous?.periods ?? null },
  });
  return ok(toSchedule(row!));
}
