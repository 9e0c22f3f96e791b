/**
 * Maintaining the monitoring rollups in the transaction of a dossier transition: fold the dossier's events into
 * its facts (core), diff its contribution against the one stored with its last facts, add the difference to the
 * day rollups, keep the new facts. Rows are touched in key order (no deadlock between concurrent transitions).
 */
import type { Dossier, LegalClockProvider, DossierEventKind, DossierState } from '@motcua/core/dossiers';
import {
  contributionDelta,
  contributionOf,
  foldDossierFacts,
  processingBucketHours,
  rollupCounters,
  weekStartOf,
  type DossierDimensions,
  type DossierFacts,
  type MonitoringEvent,
  type RollupCell,
} from '@motcua/core/monitoring';
import type { Queryable } from '../kernel/database';

interface EventRow {
  kind: DossierEventKind;
  occurred_at: Date;
  to_state: DossierState;
  details: Record<string, unknown> | string | null;
}

function toEvent(r: EventRow): MonitoringEvent {
  const details = typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, unknown>) : (r.details ?? {});
  return { kind: r.kind, at: r.occurred_at, toState: r.to_state, details };
}

export async function loadMonitoringEvents(q: Queryable, dossierId: string): Promise<MonitoringEvent[]> {
  const rows = await q.query<EventRow>(
    'SELECT kind, occurred_at, to_state, details FROM dossier_event WHERE dossier_id = $1 ORDER BY seq',
    [dossierId],
  );
  return rows.map(toEvent);
}

/** Folds with the competent agency's clock only when a processing time is needed (a resolved dossier). */
export async function foldWithClock(events: readonly MonitoringEvent[], clocks: LegalClockProvider, competentAgencyId: string): Promise<DossierFacts> {
  const facts = foldDossierFacts(events);
  if (!facts.resolvedAt) return facts;
  return foldDossierFacts(events, await clocks.clockFor(competentAgencyId));
}

export function dimensionsOf(d: Pick<Dossier, 'competentAgencyId' | 'receivingAgencyId' | 'procedure' | 'channel'>): DossierDimensions {
  return {
    competentAgencyId: d.competentAgencyId,
    receivingAgencyId: d.receivingAgencyId,
    procedureCode: d.procedure.procedureCode,
    channel: d.channel,
  };
}

const reviveCells = (value: unknown): RollupCell[] => (typeof value === 'string' ? JSON.parse(value) : (value as RollupCell[] | null)) ?? [];

/** Brings the rollups and the dossier's facts up to date with its events (call after the events are appended). */
export async function recordMonitoringFacts(q: Queryable, clocks: LegalClockProvider, dossier: Dossier, now: Date): Promise<void> {
  const dims = dimensionsOf(dossier);
  const facts = await foldWithClock(await loadMonitoringEvents(q, dossier.id), clocks, dims.competentAgencyId);
  const after = contributionOf(dims, facts);
  const old = await q.query<{ contribution: unknown }>('SELECT contribution FROM monitoring_dossier_fact WHERE dossier_id = $1', [dossier.id]);
  const before = reviveCells(old[0]?.contribution);
  await applyCells(q, contributionDelta(before, after));
  await q.query(
    `INSERT INTO monitoring_dossier_fact (dossier_id, competent_agency_id, receiving_agency_id, procedure_code, channel, received_by,
       received_at, resolved_at, resolution, timeliness, timeliness_extended, due_at, extended_due_at, processing_minutes,
       contribution, updated_at, waiting)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     ON CONFLICT (dossier_id) DO UPDATE SET competent_agency_id = EXCLUDED.competent_agency_id,
       receiving_agency_id = EXCLUDED.receiving_agency_id, procedure_code = EXCLUDED.procedure_code, channel = EXCLUDED.channel,
       received_by = EXCLUDED.received_by, received_at = EXCLUDED.received_at, resolved_at = EXCLUDED.resolved_at,
       resolution = EXCLUDED.resolution, timeliness = EXCLUDED.timeliness, timeliness_extended = EXCLUDED.timeliness_extended,
       due_at = EXCLUDED.due_at, extended_due_at = EXCLUDED.extended_due_at, processing_minutes = EXCLUDED.processing_minutes,
       contribution = EXCLUDED.contribution, updated_at = EXCLUDED.updated_at, waiting = EXCLUDED.waiting`,
    [
      dossier.id,
      dims.competentAgencyId,
      dims.receivingAgencyId,
      dims.procedureCode,
      dims.channel,
      dossier.receivedById,
      facts.receivedAt,
      facts.resolvedAt,
      facts.resolution,
      facts.timeliness,
      facts.timelinessExtended,
      facts.dueAt,
      facts.extendedDueAt,
      facts.processingWorkingMinutes,
      JSON.stringify(after),
      now,
      facts.waitingSupplement.some((i) => i.to === null) ? 'supplement' : facts.waitingPayment.some((i) => i.to === null) ? 'payment' : null,
    ],
  );
}

/** The histogram columns h00 … h17 (bucket i of core processingBucketHours). */
export const histogramColumns = processingBucketHours.map((_, i) => `h${String(i).padStart(2, '0')}`);
const columns = [...rollupCounters, ...histogramColumns];

/** The three grains of the rollups: each row keyed by its period's first day (local date). */
const monthStartOf = (day: string) => `${day.slice(0, 8)}01`;

/** Every procedure together in the unit tables: their procedure_code is this. */
export const ALL_PROCEDURES = '*';

export const rollupGrains = [
  { table: 'monitoring_rollup', start: (day: string) => day, allProcedures: false },
  { table: 'monitoring_rollup_week', start: weekStartOf, allProcedures: false },
  { table: 'monitoring_rollup_month', start: monthStartOf, allProcedures: false },
  { table: 'monitoring_unit_rollup_week', start: weekStartOf, allProcedures: true },
  { table: 'monitoring_unit_rollup_month', start: monthStartOf, allProcedures: true },
] as const;

/** Adds cells to the rollups at every grain (counters and histogram buckets), in key order. */
export async function applyCells(q: Queryable, cells: readonly RollupCell[]): Promise<void> {
  for (const grain of rollupGrains) {
    for (const cell of cells) {
      const key = [grain.start(cell.day), cell.competentAgencyId, cell.receivingAgencyId, grain.allProcedures ? ALL_PROCEDURES : cell.procedureCode];
      const values = [...rollupCounters.map((c) => cell.counters[c] ?? 0), ...histogramColumns.map((_, i) => cell.buckets[i] ?? 0)];
      await q.query(
        `INSERT INTO ${grain.table} (day, competent_agency_id, receiving_agency_id, procedure_code, ${columns.join(', ')})
         VALUES ($1, $2, $3, $4, ${columns.map((_, i) => `$${i + 5}`).join(', ')})
         ON CONFLICT (day, competent_agency_id, receiving_agency_id, procedure_code) DO UPDATE SET
           ${columns.map((c) => `${c} = ${grain.table}.${c} + EXCLUDED.${c}`).join(', ')}`,
        [...key, ...values],
      );
    }
  }
}

/** The whole content of a grain's table as cells (tests and audits compare it with a recomputation). */
export async function readRollupCells(q: Queryable, table: (typeof rollupGrains)[number]['table'] = 'monitoring_rollup'): Promise<RollupCell[]> {
  const rows = await q.query<Record<string, unknown>>(`SELECT * FROM ${table}`);
  return rows.map((r) => ({
    day: String(r['day']),
    competentAgencyId: String(r['competent_agency_id']),
    receivingAgencyId: String(r['receiving_agency_id']),
    procedureCode: String(r['procedure_code']),
    counters: Object.fromEntries(rollupCounters.map((c) => [c, Number(r[c])])),
    buckets: Object.fromEntries(histogramColumns.map((h, i) => [i, Number(r[h])])),
  }));
}

/**
 * A full recomputation from the raw events of every received dossier (the reference the incremental rollups must
 * equal; also the repair tool after a bug). Reads dossiers in pages.
 */
export async function recomputeCells(q: Queryable, clocks: LegalClockProvider): Promise<RollupCell[]> {
  const out: RollupCell[] = [];
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const dossiers = await q.query<{ id: string; competent_agency_id: string; receiving_agency_id: string; procedure_code: string; channel: DossierDimensions['channel'] }>(
      `SELECT id, competent_agency_id, receiving_agency_id, procedure_code, channel FROM dossier WHERE id > $1 ORDER BY id LIMIT 500`,
      [after],
    );
    if (dossiers.length === 0) return out;
    const events = await q.query<EventRow & { dossier_id: string }>(
      `SELECT dossier_id, kind, occurred_at, to_state, details FROM dossier_event WHERE dossier_id = ANY($1::uuid[]) ORDER BY dossier_id, seq`,
      [dossiers.map((d) => d.id)],
    );
    const byDossier = new Map<string, MonitoringEvent[]>();
    for (const e of events) {
      const list = byDossier.get(e.dossier_id) ?? [];
      list.push(toEvent(e));
      byDossier.set(e.dossier_id, list);
    }
    for (const d of dossiers) {
      const dims: DossierDimensions = {
        competentAgencyId: d.competent_agency_id,
        receivingAgencyId: d.receiving_agency_id,
        procedureCode: d.procedure_code,
        channel: d.channel,
      };
      out.push(...contributionOf(dims, await foldWithClock(byDossier.get(d.id) ?? [], clocks, dims.competentAgencyId)));
    }
    after = dossiers[dossiers.length - 1]!.id;
  }
}
