/**
 * Reads of published versions for the dossier engine and the public pages. Versions are immutable: a dossier
 * keeps (version id, case id) and `getProcedureVersion` returns that same content for ever (one primary-key read).
 */
import { err, ok, type Result } from '@motcua/core';
import {
  catalogErrors,
  findCase,
  type CatalogError,
  type DraftStatus,
  type InterAgencyGroup,
  type ProcedureCase,
  type ProcedureDraft,
  type ProcedureVersion,
} from '@motcua/core/catalog';
import type { Queryable } from '../kernel/database';
import {
  DRAFT_COLUMNS,
  GROUP_COLUMNS,
  toDraft,
  toGroup,
  toVersion,
  UUID_PATTERN,
  VERSION_COLUMNS,
  type DraftRow,
  type GroupRow,
  type VersionRow,
} from './catalog-rows';

export async function getProcedureVersion(db: Queryable, versionId: string): Promise<Result<ProcedureVersion, CatalogError>> {
  if (!UUID_PATTERN.test(versionId)) return err(catalogErrors.versionNotFound(versionId));
  const rows = await db.query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM procedure_version v WHERE v.id = $1`, [versionId]);
  return rows[0] ? ok(toVersion(rows[0])) : err(catalogErrors.versionNotFound(versionId));
}

/** The version and case a dossier refers to. */
export async function getProcedureCase(
  db: Queryable,
  versionId: string,
  caseId: string,
): Promise<Result<{ version: ProcedureVersion; case: ProcedureCase }, CatalogError>> {
  const version = await getProcedureVersion(db, versionId);
  if (!version.ok) return version;
  const found = findCase(version.value.content, caseId);
  return found ? ok({ version: version.value, case: found }) : err(catalogErrors.caseNotFound(versionId, caseId));
}

/** The version in effect on a legal date (YYYY-MM-DD), e.g. the one a dossier received today is processed under. */
export async function findEffectiveVersion(db: Queryable, code: string, onDate: string): Promise<ProcedureVersion | null> {
  const rows = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM procedure_version v
      WHERE v.code = $1 AND v.effective_from <= $2 AND (v.effective_to IS NULL OR v.effective_to >= $2)
      ORDER BY v.version_no DESC LIMIT 1`,
    [code, onDate],
  );
  return rows[0] ? toVersion(rows[0]) : null;
}

export async function findVersionByNumber(db: Queryable, code: string, versionNo: number): Promise<ProcedureVersion | null> {
  const rows = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM procedure_version v WHERE v.code = $1 AND v.version_no = $2`,
    [code, versionNo],
  );
  return rows[0] ? toVersion(rows[0]) : null;
}

export interface VersionSummary {
  readonly id: string;
  readonly versionNo: number;
  readonly name: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly publishedAt: Date;
  readonly publishedBy: string | null;
  readonly changeNote: string | null;
  readonly publicationDecision: { number: string; date: string | null } | null;
}

export async function listVersions(db: Queryable, code: string): Promise<VersionSummary[]> {
  return db.query<VersionSummary>(
    `SELECT id, version_no AS "versionNo", name, effective_from AS "effectiveFrom", effective_to AS "effectiveTo",
            published_at AS "publishedAt", published_by AS "publishedBy", change_note AS "changeNote",
            content->'publicationDecision' AS "publicationDecision"
       FROM procedure_version WHERE code = $1 ORDER BY version_no DESC`,
    [code],
  );
}

export interface FieldSummary {
  readonly code: string;
  readonly name: string;
  readonly isCodePlaceholder: boolean;
  /** Procedures of the field in effect on the date asked. */
  readonly procedureCount: number;
}

export async function listFields(db: Queryable, onDate: string): Promise<FieldSummary[]> {
  return db.query<FieldSummary>(
    `SELECT f.code, f.name, f.is_code_placeholder AS "isCodePlaceholder",
            (SELECT count(*)::int8 FROM procedure_version v
              WHERE v.field_code = f.code AND v.effective_from <= $1 AND (v.effective_to IS NULL OR v.effective_to >= $1))
              AS "procedureCount"
       FROM procedure_field f ORDER BY f.name, f.code`,
    [onDate],
  );
}

export async function listDrafts(
  db: Queryable,
  filter: { statuses: readonly DraftStatus[]; code?: string | null },
): Promise<ProcedureDraft[]> {
  const rows = await db.query<DraftRow>(
    `SELECT ${DRAFT_COLUMNS} FROM procedure_draft d
      WHERE d.status = ANY($1::text[]) AND ($2::text IS NULL OR d.code = $2)
      ORDER BY d.updated_at DESC, d.id LIMIT 500`,
    [filter.statuses, filter.code ?? null],
  );
  return rows.map(toDraft);
}

export async function listInterAgencyGroups(db: Queryable, procedureCode?: string | null): Promise<InterAgencyGroup[]> {
  const rows = await db.query<GroupRow>(
    `SELECT ${GROUP_COLUMNS} FROM inter_agency_group g
      WHERE $1::text IS NULL OR EXISTS (SELECT 1 FROM inter_agency_group_procedure p WHERE p.group_id = g.id AND p.procedure_code = $1)
      ORDER BY g.name, g.id`,
    [procedureCode ?? null],
  );
  return rows.map(toGroup);
}

/**
 * An agency named by id or by code, as the listing's agency filter needs it. A desk stands for the service centre
 * it belongs to: it receives that centre's procedures (the printed listing of a desk, niêm yết).
 */
export async function findAgencyForFilter(
  db: Queryable,
  idOrCode: string,
): Promise<{ id: string; kind: string; level: string; deskId: string | null } | null> {
  const column = UUID_PATTERN.test(idOrCode) ? 'a.id' : 'a.code';
  // A desk stands for its service centre (rules name centres), and for itself (a procedure may name the desk).
  const rows = await db.query<{ id: string; kind: string; level: string; deskId: string | null }>(
    `SELECT coalesce(p.id, a.id) AS id, coalesce(p.kind, a.kind) AS kind, coalesce(p.level, a.level) AS level,
            CASE WHEN p.id IS NULL THEN NULL ELSE a.id END AS "deskId"
       FROM agency a LEFT JOIN agency p ON a.kind = 'desk' AND p.id = a.parent_id
      WHERE ${column} = $1`,
    [idOrCode],
  );
  return rows[0] ?? null;
}

/** Every version in effect on a date, by code (for exports). */
export async function listEffectiveVersions(db: Queryable, onDate: string): Promise<ProcedureVersion[]> {
  const rows = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM procedure_version v
      WHERE v.effective_from <= $1 AND (v.effective_to IS NULL OR v.effective_to >= $1) ORDER BY v.code`,
    [onDate],
  );
  return rows.map(toVersion);
}

/** Agency codes and ids, both ways (for the Excel template's @code notation). */
export async function loadAgencyCodes(db: Queryable): Promise<{ idByCode: Map<string, string>; codeById: Map<string, string> }> {
  const rows = await db.query<{ id: string; code: string }>('SELECT id, code FROM agency');
  return { idByCode: new Map(rows.map((r) => [r.code, r.id])), codeById: new Map(rows.map((r) => [r.id, r.code])) };
}
