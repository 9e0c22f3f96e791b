/**
 * What the figures are made of: child units of a unit, procedures' fields, and the dossier lists behind the
 * dashboard (overdue now, pending by category, the dossiers of a drill-down) — each list scoped to the actor like
 * every dossier read (out of scope is simply not listed).
 */
import type { Actor } from '@motcua/core/shared';
import type { CatalogueAgencyRef, CatalogueProcedureFacts } from '@motcua/core/monitoring';
import type { Queryable } from '../kernel/database';
import { dossierScope } from '../dossiers/dossier-load';
import { serialRead } from './report-queries';

export interface UnitRef {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly parentId: string | null;
}

export async function findUnit(q: Queryable, idOrCode: string): Promise<UnitRef | null> {
  const isId = /^[0-9a-f-]{36}$/i.test(idOrCode);
  const rows = await q.query<{ id: string; code: string; name: string; kind: string; parent_id: string | null }>(
    `SELECT id, code, name, kind, parent_id FROM agency WHERE ${isId ? 'id = $1::uuid' : 'code = $1'}`,
    [idOrCode],
  );
  const r = rows[0];
  return r ? { id: r.id, code: r.code, name: r.name, kind: r.kind, parentId: r.parent_id } : null;
}

/** The unit's direct sub-agencies active on `date`. */
export async function childUnits(q: Queryable, unitId: string, date: string): Promise<UnitRef[]> {
  const rows = await q.query<{ id: string; code: string; name: string; kind: string; parent_id: string }>(
    `SELECT id, code, name, kind, parent_id FROM agency
      WHERE parent_id = $1 AND effective_from <= $2::date AND (effective_to IS NULL OR effective_to >= $2::date)
      ORDER BY code`,
    [unitId, date],
  );
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, kind: r.kind, parentId: r.parent_id }));
}

/** Top-level agencies (the roots of the tree) active on `date`. */
export async function rootUnits(q: Queryable, date: string): Promise<UnitRef[]> {
  const rows = await q.query<{ id: string; code: string; name: string; kind: string }>(
    `SELECT id, code, name, kind FROM agency
      WHERE parent_id IS NULL AND effective_from <= $1::date AND (effective_to IS NULL OR effective_to >= $1::date) ORDER BY code`,
    [date],
  );
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, kind: r.kind, parentId: null }));
}

export interface ProcedureField {
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly fieldCode: string | null;
  readonly fieldName: string | null;
}

/** Names and fields (lĩnh vực) of procedures from their latest catalogue version; dossiers name the rest. */
export async function procedureFields(q: Queryable, codes: readonly string[]): Promise<Map<string, ProcedureField>> {
  const out = new Map<string, ProcedureField>();
  if (codes.length === 0) return out;
  const rows = await q.query<{ code: string; name: string; field_code: string; field_name: string }>(
    `SELECT DISTINCT ON (code) code, name, field_code, field_name FROM procedure_version
      WHERE code = ANY($1::text[]) ORDER BY code, version_no DESC`,
    [codes],
  );
  for (const r of rows) out.set(r.code, { procedureCode: r.code, procedureName: r.name, fieldCode: r.field_code, fieldName: r.field_name });
  const missing = codes.filter((c) => !out.has(c));
  if (missing.length > 0) {
    const named = await q.query<{ procedure_code: string; procedure_name: string }>(
      `SELECT c.code AS procedure_code, n.procedure_name FROM unnest($1::text[]) AS c (code)
         CROSS JOIN LATERAL (SELECT procedure_name FROM dossier WHERE procedure_code = c.code ORDER BY created_at DESC LIMIT 1) n`,
      [missing],
    );
    for (const r of named) out.set(r.procedure_code, { procedureCode: r.procedure_code, procedureName: r.procedure_name, fieldCode: null, fieldName: null });
    for (const c of missing) if (!out.has(c)) out.set(c, { procedureCode: c, procedureName: c, fieldCode: null, fieldName: null });
  }
  return out;
}

export interface MonitoredDossier {
  readonly id: string;
  readonly code: string | null;
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly state: string;
  readonly receivedAt: Date | null;
  readonly dueAt: Date | null;
  readonly extendedDueAt: Date | null;
  readonly resolvedAt: Date | null;
  readonly timeliness: string | null;
  readonly currentAgencyId: string;
  readonly currentAgencyName: string;
}

type Row = Record<string, unknown>;
const mapDossier = (r: Row): MonitoredDossier => ({
  id: String(r['id']),
  code: (r['code'] as string | null) ?? null,
  procedureCode: String(r['procedure_code']),
  procedureName: String(r['procedure_name']),
  state: String(r['state']),
  receivedAt: (r['received_at'] as Date | null) ?? null,
  dueAt: (r['due_at'] as Date | null) ?? null,
  extendedDueAt: (r['extended_due_at'] as Date | null) ?? null,
  resolvedAt: (r['resolved_at'] as Date | null) ?? null,
  timeliness: (r['timeliness'] as string | null) ?? null,
  currentAgencyId: String(r['current_agency_id']),
  currentAgencyName: String(r['current_agency_name']),
});

const listColumns = `d.id, d.code, d.procedure_code, d.procedure_name, d.state, f.received_at, f.due_at, f.extended_due_at,
  f.resolved_at, f.timeliness, d.current_agency_id, a.name AS current_agency_name`;

/** The agencies filter of the fact queries; null (a unit standing for every agency) filters nothing. */
function factScope(agencyIds: readonly string[] | null, params: unknown[]): string {
  if (!agencyIds) return 'true';
  params.push(agencyIds);
  return `(f.competent_agency_id = ANY($${params.length}::uuid[]) OR f.receiving_agency_id = ANY($${params.length}::uuid[]))`;
}

/** Pending dossiers overdue at `now` (not waiting for a supplement or payment), most overdue first. */
export async function overdueDossiers(q: Queryable, actor: Actor, agencyIds: readonly string[] | null, now: Date, limit: number): Promise<MonitoredDossier[]> {
  const params: unknown[] = [now, limit];
  const agencies = factScope(agencyIds, params);
  const scope = dossierScope(actor, params);
  const rows = await q.query<Row>(
    `SELECT ${listColumns} FROM monitoring_dossier_fact f JOIN dossier d ON d.id = f.dossier_id JOIN agency a ON a.id = d.current_agency_id
      WHERE f.received_at IS NOT NULL AND f.resolved_at IS NULL AND f.due_at < $1
        AND f.waiting IS NULL AND ${agencies} AND ${scope}
      ORDER BY f.due_at LIMIT $2`,
    params,
  );
  return rows.map(mapDossier);
}

/**
 * Live counts of pending dossiers: waiting, overdue, due by `soon`, not yet due; and by age — bucket i holds the
 * dossiers received less than `ageLimitsDays[i]` days before `now` (and not less than the previous limit), the last
 * bucket the older ones. Comparisons of instants only: this reads every pending dossier of a city.
 */
export async function pendingNow(
  q: Queryable,
  agencyIds: readonly string[] | null,
  now: Date,
  soon: Date,
  ageLimitsDays: readonly number[],
): Promise<{ counts: Record<string, number>; byAge: number[] }> {
  const params: unknown[] = [now, soon];
  const ages = ageLimitsDays.map((days, i) => {
    params.push(new Date(now.getTime() - days * 86_400_000));
    return `WHEN f.received_at > $${params.length} THEN ${i}`;
  });
  const agencies = factScope(agencyIds, params);
  const rows = await serialRead<{ category: string; age: number; n: number }>(
    q,
    `SELECT CASE WHEN f.waiting = 'supplement' THEN 'waiting_supplement'
                 WHEN f.waiting = 'payment' THEN 'waiting_payment'
                 WHEN f.due_at IS NULL THEN 'not_yet_due'
                 WHEN f.due_at < $1 THEN 'overdue'
                 WHEN f.due_at <= $2 THEN 'due_within_working_day'
                 ELSE 'not_yet_due' END AS category,
            CASE ${ages.join(' ')} ELSE ${ageLimitsDays.length} END AS age, count(*)::int8 AS n
       FROM monitoring_dossier_fact f
      WHERE f.received_at IS NOT NULL AND f.resolved_at IS NULL AND ${agencies}
      GROUP BY 1, 2`,
    params,
  );
  const counts: Record<string, number> = {};
  const byAge = Array.from({ length: ageLimitsDays.length + 1 }, () => 0);
  for (const r of rows) {
    counts[r.category] = (counts[r.category] ?? 0) + Number(r.n);
    byAge[Number(r.age)]! += Number(r.n);
  }
  return { counts, byAge };
}

/** The dossiers of a drill-down: received in the period or pending at its end, of a procedure, in scope. */
export async function drillDownDossiers(
  q: Queryable,
  actor: Actor,
  options: { agencyIds: readonly string[]; procedureCode: string; fromInstant: Date; toInstant: Date; limit: number },
): Promise<MonitoredDossier[]> {
  const params: unknown[] = [options.agencyIds, options.procedureCode, options.fromInstant, options.toInstant, options.limit];
  const scope = dossierScope(actor, params);
  const rows = await q.query<Row>(
    `SELECT ${listColumns} FROM monitoring_dossier_fact f JOIN dossier d ON d.id = f.dossier_id JOIN agency a ON a.id = d.current_agency_id
      WHERE f.procedure_code = $2 AND (f.competent_agency_id = ANY($1::uuid[]) OR f.receiving_agency_id = ANY($1::uuid[]))
        AND f.received_at IS NOT NULL AND f.received_at < $4
        AND (f.received_at >= $3 OR f.resolved_at IS NULL OR f.resolved_at >= $3) AND ${scope}
      ORDER BY f.received_at DESC LIMIT $5`,
    params,
  );
  return rows.map(mapDossier);
}

/** The whole tree (id, parent) — small: the province's agencies. */
export async function agencyNodes(q: Queryable): Promise<{ id: string; parentId: string | null }[]> {
  const rows = await q.query<{ id: string; parent_id: string | null }>('SELECT id, parent_id FROM agency');
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id }));
}

export interface OfficerFigures {
  readonly officerId: string;
  readonly officerName: string;
  /** Dossiers received (the `receive` event's actor). */
  readonly received: number;
  /** Workflow steps completed. */
  readonly stepsCompleted: number;
  /** Results and refusals after appraisal recorded, and of those late against the legal due time. */
  readonly decided: number;
  readonly decidedLate: number;
}

/**
 * Per officer, from the events of the period on the unit's dossiers (for supervisors): receptions, completed
 * steps, results recorded (and late ones, judged as the dossier's facts judge them).
 */
export async function officerFigures(
  q: Queryable,
  options: { agencyIds: readonly string[]; fromInstant: Date; toInstant: Date },
): Promise<OfficerFigures[]> {
  const rows = await q.query<{ actor_id: string; actor_name: string | null; received: number; steps: number; decided: number; late: number }>(
    `SELECT e.actor_id, max(e.actor_name) AS actor_name,
            count(*) FILTER (WHERE e.kind = 'receive')::int8 AS received,
            count(*) FILTER (WHERE e.kind = 'complete_step')::int8 AS steps,
            count(*) FILTER (WHERE e.kind IN ('record_result', 'refuse_after_appraisal'))::int8 AS decided,
            count(*) FILTER (WHERE e.kind IN ('record_result', 'refuse_after_appraisal') AND f.timeliness = 'late'
                               AND f.resolved_at = e.occurred_at)::int8 AS late
       FROM dossier_event e
       JOIN dossier d ON d.id = e.dossier_id
       LEFT JOIN monitoring_dossier_fact f ON f.dossier_id = e.dossier_id
      WHERE e.kind IN ('receive', 'complete_step', 'record_result', 'refuse_after_appraisal')
        AND e.occurred_at >= $2 AND e.occurred_at < $3 AND e.actor_kind = 'officer' AND e.actor_id IS NOT NULL
        AND (d.competent_agency_id = ANY($1::uuid[]) OR d.receiving_agency_id = ANY($1::uuid[]))
      GROUP BY e.actor_id ORDER BY 3 DESC, 5 DESC`,
    [options.agencyIds, options.fromInstant, options.toInstant],
  );
  return rows.map((r) => ({
    officerId: r.actor_id,
    officerName: r.actor_name ?? '—',
    received: Number(r.received),
    stepsCompleted: Number(r.steps),
    decided: Number(r.decided),
    decidedLate: Number(r.late),
  }));
}

/** The catalogue's procedures in effect on `date`, as Biểu II.07b counts them. */
export async function catalogueFacts(q: Queryable, date: string): Promise<CatalogueProcedureFacts[]> {
  const rows = await q.query<{ code: string; levels: string[]; competent: unknown; receiving: unknown; workflows: unknown }>(
    `SELECT DISTINCT ON (v.code) v.code, v.levels, v.content->'competentAgency' AS competent,
            coalesce(v.content->'receivingDesks', '[]'::jsonb) AS receiving,
            (SELECT coalesce(jsonb_agg(w->'agency'), '[]'::jsonb)
               FROM jsonb_array_elements(coalesce(v.content->'cases', '[]'::jsonb)) c,
                    jsonb_array_elements(coalesce(c->'workflows', '[]'::jsonb)) w) AS workflows
       FROM procedure_version v
      WHERE v.effective_from <= $1::date AND (v.effective_to IS NULL OR v.effective_to >= $1::date)
      ORDER BY v.code, v.version_no DESC`,
    [date],
  );
  return rows.map((r) => ({
    code: r.code,
    levels: r.levels,
    competentAgency: agencyRefOf(r.competent),
    receivingDesks: (Array.isArray(r.receiving) ? r.receiving : []).map(agencyRefOf).filter((x): x is CatalogueAgencyRef => x !== null),
    workflowAgencies: (Array.isArray(r.workflows) ? r.workflows : []).map((w) => agencyRefOf(w) ?? { kind: 'external' as const }),
  }));
}

/** A catalogue AgencyRef (JSON) reduced to what II.07b matches on. */
function agencyRefOf(value: unknown): CatalogueAgencyRef | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (v['kind'] === 'agency' && typeof v['agencyId'] === 'string') return { kind: 'agency', agencyId: v['agencyId'] };
  if (v['kind'] === 'rule') return { kind: 'rule', agencyKind: String(v['agencyKind']), agencyLevel: String(v['agencyLevel']) };
  return { kind: 'external' };
}

/** Kind and level of agencies (what catalogue rules name). */
export async function agencyKinds(q: Queryable, ids: readonly string[]): Promise<{ id: string; kind: string; level: string }[]> {
  return q.query<{ id: string; kind: string; level: string }>('SELECT id, kind, level FROM agency WHERE id = ANY($1::uuid[])', [ids]);
}
