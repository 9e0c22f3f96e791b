/** Row mapping for the catalogue tables. */
import type {
  InterAgencyGroup,
  ProcedureContent,
  ProcedureDraft,
  ProcedureVersion,
} from '@motcua/core/catalog';

export const VERSION_COLUMNS = `v.id, v.procedure_id, v.code, v.version_no, v.effective_from, v.effective_to,
  v.published_at, v.published_by, v.change_note, v.content`;

export interface VersionRow {
  id: string;
  procedure_id: string;
  code: string;
  version_no: number;
  effective_from: string;
  effective_to: string | null;
  published_at: Date;
  published_by: string | null;
  change_note: string | null;
  content: ProcedureContent;
}

export function toVersion(row: VersionRow): ProcedureVersion {
  return {
    id: row.id,
    procedureId: row.procedure_id,
    code: row.code,
    versionNo: row.version_no,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    changeNote: row.change_note,
    content: row.content,
  };
}

export const DRAFT_COLUMNS = `d.id, d.code, d.base_version_id, d.content, d.status, d.row_version, d.review_note,
  d.published_version_id, d.created_by, d.created_at, d.updated_at,
  (SELECT procedure_id FROM procedure_version WHERE id = d.base_version_id) AS procedure_id`;

export interface DraftRow {
  id: string;
  code: string;
  base_version_id: string | null;
  procedure_id: string | null;
  content: ProcedureContent;
  status: ProcedureDraft['status'];
  row_version: number;
  review_note: string | null;
  published_version_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export function toDraft(row: DraftRow): ProcedureDraft {
  return {
    id: row.id,
    code: row.code,
    procedureId: row.procedure_id,
    baseVersionId: row.base_version_id,
    status: row.status,
    content: row.content,
    rowVersion: row.row_version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    reviewNote: row.review_note,
    publishedVersionId: row.published_version_id,
  };
}

export const GROUP_COLUMNS = `g.id, g.name, g.mode, g.time_limit, g.participants, g.legal_basis, g.row_version, g.updated_at,
  coalesce((SELECT array_agg(p.procedure_code ORDER BY p.position) FROM inter_agency_group_procedure p
             WHERE p.group_id = g.id), '{}') AS procedure_codes`;

export interface GroupRow {
  id: string;
  name: string;
  mode: InterAgencyGroup['mode'];
  time_limit: InterAgencyGroup['timeLimit'];
  participants: InterAgencyGroup['participants'];
  legal_basis: string | null;
  row_version: number;
  updated_at: Date;
  procedure_codes: string[];
}

export function toGroup(row: GroupRow): InterAgencyGroup {
  return {
    id: row.id,
    name: row.name,
    mode: row.mode,
    timeLimit: row.time_limit,
    participants: row.participants,
    legalBasis: row.legal_basis,
    procedureCodes: row.procedure_codes,
    rowVersion: row.row_version,
    updatedAt: row.updated_at,
  };
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
