/** The organisation tree in SQL: agencies, their succession events, and the scope expansions built on them. */
import {
  dayBefore,
  resolveSuccessors,
  type Agency,
  type AgencyDates,
  type AgencyEventKind,
  type AgencyKind,
  type AgencyLevel,
  type SuccessionLink,
} from '@motcua/core/organization';
import type { Queryable } from '../kernel/database';

const COLUMNS = `id, code, is_code_placeholder, name, short_name, name_en, kind, level, parent_id,
  administrative_unit_code, effective_from, effective_to`;

interface AgencyRow {
  id: string;
  code: string;
  is_code_placeholder: boolean;
  name: string;
  short_name: string | null;
  name_en: string | null;
  kind: AgencyKind;
  level: AgencyLevel;
  parent_id: string | null;
  administrative_unit_code: string | null;
  effective_from: string;
  effective_to: string | null;
}

export function mapAgency(row: AgencyRow): Agency {
  return {
    id: row.id,
    code: row.code,
    isCodePlaceholder: row.is_code_placeholder,
    name: row.name,
    shortName: row.short_name,
    nameEn: row.name_en,
    kind: row.kind,
    level: row.level,
    parentId: row.parent_id,
    administrativeUnitCode: row.administrative_unit_code,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
  };
}

export async function findAgencyByCode(q: Queryable, code: string): Promise<Agency | null> {
  const rows = await q.query<AgencyRow>(`SELECT ${COLUMNS} FROM agency WHERE code = $1`, [code]);
  return rows[0] ? mapAgency(rows[0]) : null;
}

export async function findAgencyById(q: Queryable, id: string): Promise<Agency | null> {
  const rows = await q.query<AgencyRow>(`SELECT ${COLUMNS} FROM agency WHERE id = $1::uuid`, [id]);
  return rows[0] ? mapAgency(rows[0]) : null;
}

/** The agency's parent, its parent's parent … up to the root (nearest first; at most 64 levels). */
export async function findAncestorIds(q: Queryable, agencyId: string): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `WITH RECURSIVE up (id, depth) AS (
       SELECT parent_id, 1 FROM agency WHERE id = $1::uuid AND parent_id IS NOT NULL
       UNION ALL
       SELECT a.parent_id, up.depth + 1 FROM agency a JOIN up ON a.id = up.id WHERE a.parent_id IS NOT NULL AND up.depth < 64
     )
     SELECT id FROM up ORDER BY depth`,
    [agencyId],
  );
  return rows.map((r) => r.id);
}

export async function findAgenciesByIds(q: Queryable, ids: readonly string[]): Promise<Agency[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<AgencyRow>(`SELECT ${COLUMNS} FROM agency WHERE id = ANY($1::uuid[])`, [ids]);
  return rows.map(mapAgency);
}

export interface AgencyFilter {
  readonly level?: AgencyLevel;
  readonly kind?: AgencyKind;
  /** Only agencies that exist on this date ('YYYY-MM-DD'); omitted: all agencies, past and present. */
  readonly asOf?: string;
  readonly parentId?: string;
}

/** Agencies ordered by code. Public data (names and codes of state agencies), so not scoped. */
export async function listAgencies(q: Queryable, filter: AgencyFilter = {}): Promise<Agency[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.level) where.push(`level = $${params.push(filter.level)}`);
  if (filter.kind) where.push(`kind = $${params.push(filter.kind)}`);
  if (filter.parentId) where.push(`parent_id = $${params.push(filter.parentId)}::uuid`);
  if (filter.asOf) {
    const p = params.push(filter.asOf);
    where.push(`effective_from <= $${p}::date AND (effective_to IS NULL OR effective_to >= $${p}::date)`);
  }
  const rows = await q.query<AgencyRow>(
    `SELECT ${COLUMNS} FROM agency ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY code`,
    params,
  );
  return rows.map(mapAgency);
}

export interface NewAgency {
  readonly code: string;
  readonly isCodePlaceholder?: boolean;
  readonly name: string;
  readonly shortName?: string | null;
  readonly nameEn?: string | null;
  readonly kind: AgencyKind;
  readonly level: AgencyLevel;
  readonly parentId: string | null;
  readonly administrativeUnitCode?: string | null;
  readonly effectiveFrom: string;
  readonly effectiveTo?: string | null;
}

/** Inserts an agency; null when the code is already taken. */
export async function insertAgency(q: Queryable, agency: NewAgency): Promise<Agency | null> {
  const rows = await q.query<AgencyRow>(
    `INSERT INTO agency (code, is_code_placeholder, name, short_name, name_en, kind, level, parent_id,
                         administrative_unit_code, effective_from, effective_to)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid, $9, $10::date, $11::date)
     ON CONFLICT (code) DO NOTHING
     RETURNING ${COLUMNS}`,
    [
      agency.code,
      agency.isCodePlaceholder ?? false,
      agency.name,
      agency.shortName ?? null,
      agency.nameEn ?? null,
      agency.kind,
      agency.level,
      agency.parentId,
      agency.administrativeUnitCode ?? null,
      agency.effectiveFrom,
      agency.effectiveTo ?? null,
    ],
  );
  return rows[0] ? mapAgency(rows[0]) : null;
}

export interface AgencyChanges {
  readonly name?: string;
  readonly shortName?: string | null;
  readonly nameEn?: string | null;
  readonly kind?: AgencyKind;
  readonly parentId?: string | null;
  readonly administrativeUnitCode?: string | null;
  readonly isCodePlaceholder?: boolean;
  readonly effectiveTo?: string | null;
}

const CHANGE_COLUMNS: Record<keyof AgencyChanges, string> = {
  name: 'name',
  shortName: 'short_name',
  nameEn: 'name_en',
  kind: 'kind',
  parentId: 'parent_id',
  administrativeUnitCode: 'administrative_unit_code',
  isCodePlaceholder: 'is_code_placeholder',
  effectiveTo: 'effective_to',
};

export async function updateAgency(q: Queryable, id: string, changes: AgencyChanges): Promise<Agency | null> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [key, column] of Object.entries(CHANGE_COLUMNS) as [keyof AgencyChanges, string][]) {
    if (changes[key] === undefined) continue;
    const cast = column === 'parent_id' ? '::uuid' : column === 'effective_to' ? '::date' : '';
    sets.push(`${column} = $${params.push(changes[key])}${cast}`);
  }
  if (sets.length === 0) return findAgencyById(q, id);
  const rows = await q.query<AgencyRow>(
    `UPDATE agency SET ${sets.join(', ')} WHERE id = $1::uuid RETURNING ${COLUMNS}`,
    params,
  );
  return rows[0] ? mapAgency(rows[0]) : null;
}

export interface NewSuccessionEvent {
  readonly kind: Extract<AgencyEventKind, 'merge' | 'split' | 'rename' | 'dissolve'>;
  readonly effectiveOn: string;
  readonly legalReference?: string | null;
  readonly note?: string | null;
  readonly predecessorIds: readonly string[];
  readonly successorIds: readonly string[];
  readonly recordedAt: Date;
}

/**
 * Records a merge, split, rename or dissolution: the event, one succession link per predecessor × successor,
 * and the end of every predecessor on the day before the event (unless it already ended earlier).
 */
export async function recordSuccessionEvent(q: Queryable, event: NewSuccessionEvent): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO agency_event (kind, effective_on, legal_reference, note, recorded_at)
     VALUES ($1, $2::date, $3, $4, $5) RETURNING id`,
    [event.kind, event.effectiveOn, event.legalReference ?? null, event.note ?? null, event.recordedAt],
  );
  const eventId = rows[0]!.id;
  for (const predecessorId of event.predecessorIds) {
    for (const successorId of event.successorIds) {
      await q.query(
        `INSERT INTO agency_succession (event_id, predecessor_id, successor_id) VALUES ($1::uuid, $2::uuid, $3::uuid)`,
        [eventId, predecessorId, successorId],
      );
    }
  }
  await q.query(
    `UPDATE agency SET effective_to = $2::date
     WHERE id = ANY($1::uuid[]) AND (effective_to IS NULL OR effective_to > $2::date)`,
    [event.predecessorIds, dayBefore(event.effectiveOn)],
  );
  return eventId;
}

export async function listSuccessionLinks(q: Queryable): Promise<SuccessionLink[]> {
  const rows = await q.query<{ predecessor_id: string; successor_id: string; effective_on: string }>(
    `SELECT s.predecessor_id, s.successor_id, e.effective_on
     FROM agency_succession s JOIN agency_event e ON e.id = s.event_id`,
  );
  return rows.map((r) => ({ predecessorId: r.predecessor_id, successorId: r.successor_id, effectiveOn: r.effective_on }));
}

export interface AgencyLineage {
  readonly predecessors: { agencyId: string; effectiveOn: string; eventKind: AgencyEventKind }[];
  readonly successors: { agencyId: string; effectiveOn: string; eventKind: AgencyEventKind }[];
}

/** The direct predecessors and successors of one agency. */
export async function findLineage(q: Queryable, agencyId: string): Promise<AgencyLineage> {
  const rows = await q.query<{ predecessor_id: string; successor_id: string; effective_on: string; kind: AgencyEventKind }>(
    `SELECT s.predecessor_id, s.successor_id, e.effective_on, e.kind
     FROM agency_succession s JOIN agency_event e ON e.id = s.event_id
     WHERE s.predecessor_id = $1::uuid OR s.successor_id = $1::uuid
     ORDER BY e.effective_on`,
    [agencyId],
  );
  return {
    predecessors: rows
      .filter((r) => r.successor_id === agencyId)
      .map((r) => ({ agencyId: r.predecessor_id, effectiveOn: r.effective_on, eventKind: r.kind })),
    successors: rows
      .filter((r) => r.predecessor_id === agencyId)
      .map((r) => ({ agencyId: r.successor_id, effectiveOn: r.effective_on, eventKind: r.kind })),
  };
}

/** The agencies answering today (on `date`) for an agency that may have been merged or split since. */
export async function resolveCurrentSuccessors(q: Queryable, agencyId: string, date: string): Promise<string[]> {
  const [links, dates] = await Promise.all([
    listSuccessionLinks(q),
    q.query<{ id: string; effective_from: string; effective_to: string | null }>(
      'SELECT id, effective_from, effective_to FROM agency',
    ),
  ]);
  const agencies = new Map<string, AgencyDates>(
    dates.map((d) => [d.id, { id: d.id, effectiveFrom: d.effective_from, effectiveTo: d.effective_to }]),
  );
  return resolveSuccessors(agencyId, date, agencies, links);
}
