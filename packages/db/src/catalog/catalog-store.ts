/**
 * The catalogue's storage port (core CatalogStore) over one transaction: versions, drafts, inter-agency groups.
 * Use it inside withUnitOfWork: `createCatalogStore(uow.tx)`.
 */
import {
  addDays,
  normalizeForSearch,
  type AgencyRef,
  type AgencySummary,
  type CatalogStore,
  type InterAgencyGroup,
  type InterAgencyGroupContent,
  type NewProcedureVersion,
  type ProcedureContent,
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

/** Fields whose code we minted (official code unknown) start with Z, a letter no ministry code uses. */
export const isPlaceholderFieldCode = (code: string) => code.startsWith('Z');

/** Agency ids and `kind:level` rules a version is listed under (competent agency and receiving desks). */
export function agencyKeys(content: ProcedureContent): { ids: string[]; rules: string[] } {
  const ids = new Set<string>();
  const rules = new Set<string>();
  const add = (ref: AgencyRef) => {
    if (ref.kind === 'agency') ids.add(ref.agencyId);
    if (ref.kind === 'rule') rules.add(`${ref.agencyKind}:${ref.agencyLevel}`);
  };
  add(content.competentAgency);
  content.receivingDesks.forEach(add);
  return { ids: [...ids], rules: [...rules] };
}

export function createCatalogStore(tx: Queryable): CatalogStore {
  return {
    async findLatestVersion(code) {
      // Locks the procedure row: two publications of one procedure run one after the other.
      await tx.query('SELECT id FROM procedure WHERE code = $1 FOR UPDATE', [code]);
      const rows = await tx.query<VersionRow>(
        `SELECT ${VERSION_COLUMNS} FROM procedure_version v WHERE v.code = $1 ORDER BY v.version_no DESC LIMIT 1`,
        [code],
      );
      return rows[0] ? toVersion(rows[0]) : null;
    },

    async insertVersion(version: NewProcedureVersion, previous: ProcedureVersion | null) {
      const { content } = version;
      await tx.query(
        `INSERT INTO procedure_field (code, name, is_code_placeholder) VALUES ($1, $2, $3)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`,
        [content.field.code, content.field.name, isPlaceholderFieldCode(content.field.code)],
      );
      await tx.query('INSERT INTO procedure (code) VALUES ($1) ON CONFLICT (code) DO NOTHING', [version.code]);
      if (previous && previous.effectiveTo === null) {
        await tx.query('UPDATE procedure_version SET effective_to = $2 WHERE id = $1 AND effective_to IS NULL', [
          previous.id,
          addDays(version.effectiveFrom, -1),
        ]);
      }
      const keys = agencyKeys(content);
      const nameSearch = normalizeForSearch(content.name);
      const times = content.cases.flatMap((c) =>
        c.processingTimes.map((t) => ({ amount: t.amount, unit: t.unit, channels: t.channels })),
      );
      const rows = await tx.query<VersionRow>(
        `INSERT INTO procedure_version AS v (procedure_id, version_no, content, effective_from, published_at, published_by,
            change_note, code, name, name_search, field_code, field_name, levels, online_level, competent_agency_name,
            time_summary, is_verified, agency_ids, agency_rules)
         SELECT p.id, $2, $3::jsonb, $4, $5, $6, $7, p.code, $8, $9, $10, $11, $12::text[], $13, $14, $15::jsonb, $16,
                $17::uuid[], $18::text[]
           FROM procedure p WHERE p.code = $1
         RETURNING ${VERSION_COLUMNS}`,
        [
          version.code,
          (previous?.versionNo ?? 0) + 1,
          JSON.stringify(content),
          version.effectiveFrom,
          version.publishedAt,
          version.publishedBy,
          version.changeNote,
          content.name,
          nameSearch,
          content.field.code,
          content.field.name,
          content.levels,
          content.onlineLevel,
          content.competentAgency.name,
          JSON.stringify(times),
          content.isVerified,
          keys.ids,
          keys.rules,
        ],
      );
      await tx.query(
        'INSERT INTO procedure_search_word (word) SELECT DISTINCT unnest($1::text[]) ON CONFLICT (word) DO NOTHING',
        [nameSearch.split(' ').filter(Boolean)],
      );
      return toVersion(rows[0]!);
    },

    async findDraft(id) {
      if (!UUID_PATTERN.test(id)) return null;
      const rows = await tx.query<DraftRow>(`SELECT ${DRAFT_COLUMNS} FROM procedure_draft d WHERE d.id = $1`, [id]);
      return rows[0] ? toDraft(rows[0]) : null;
    },

    async findOpenDraft(code) {
      const rows = await tx.query<DraftRow>(
        `SELECT ${DRAFT_COLUMNS} FROM procedure_draft d WHERE d.code = $1 AND d.status IN ('editing', 'in_review')`,
        [code],
      );
      return rows[0] ? toDraft(rows[0]) : null;
    },

    async insertDraft(draft) {
      const rows = await tx.query<{ id: string }>(
        `INSERT INTO procedure_draft (code, base_version_id, content, status, created_by, created_at, updated_by, updated_at)
         VALUES ($1, $2, $3::jsonb, 'editing', $4, $5, $4, $5) RETURNING id`,
        [draft.code, draft.baseVersion?.id ?? null, JSON.stringify(draft.content), draft.createdBy, draft.createdAt],
      );
      return (await this.findDraft(rows[0]!.id)) as ProcedureDraft;
    },

    async updateDraft(id, expectedRowVersion, changes) {
      const rows = await tx.query<{ id: string }>(
        `UPDATE procedure_draft SET
           content = coalesce($3::jsonb, content),
           status = coalesce($4, status),
           review_note = CASE WHEN $5::boolean THEN $6 ELSE review_note END,
           published_version_id = coalesce($7::uuid, published_version_id),
           row_version = row_version + 1, updated_at = $8, updated_by = $9
         WHERE id = $1 AND row_version = $2 RETURNING id`,
        [
          id,
          expectedRowVersion,
          changes.content ? JSON.stringify(changes.content) : null,
          changes.status ?? null,
          changes.reviewNote !== undefined,
          changes.reviewNote ?? null,
          changes.publishedVersionId ?? null,
          changes.updatedAt,
          changes.actorId,
        ],
      );
      return rows[0] ? this.findDraft(id) : null;
    },

    async findAgencies(ids) {
      const valid = ids.filter((id) => UUID_PATTERN.test(id));
      if (valid.length === 0) return [];
      return tx.query<AgencySummary>('SELECT id, name, kind, level FROM agency WHERE id = ANY($1::uuid[])', [valid]);
    },

    async existingProcedureCodes(codes) {
      if (codes.length === 0) return [];
      const rows = await tx.query<{ code: string }>(
        'SELECT code FROM procedure WHERE code = ANY($1::text[]) AND EXISTS (SELECT 1 FROM procedure_version v WHERE v.procedure_id = procedure.id)',
        [codes],
      );
      return rows.map((r) => r.code);
    },

    findInterAgencyGroup: (id) => findInterAgencyGroup(tx, id),

    async insertInterAgencyGroup(group, at) {
      const rows = await tx.query<{ id: string }>(
        `INSERT INTO inter_agency_group (name, mode, time_limit, participants, legal_basis, created_at, updated_at)
         VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $6) RETURNING id`,
        [group.name, group.mode, JSON.stringify(group.timeLimit), JSON.stringify(group.participants), group.legalBasis, at],
      );
      const id = rows[0]!.id;
      await writeGroupProcedures(tx, id, group);
      return (await findInterAgencyGroup(tx, id)) as InterAgencyGroup;
    },

    async updateInterAgencyGroup(id, expectedRowVersion, group, at) {
      const rows = await tx.query<{ id: string }>(
        `UPDATE inter_agency_group SET name = $3, mode = $4, time_limit = $5::jsonb, participants = $6::jsonb,
           legal_basis = $7, row_version = row_version + 1, updated_at = $8
         WHERE id = $1 AND row_version = $2 RETURNING id`,
        [
          id,
          expectedRowVersion,
          group.name,
          group.mode,
          JSON.stringify(group.timeLimit),
          JSON.stringify(group.participants),
          group.legalBasis,
          at,
        ],
      );
      if (!rows[0]) return null;
      await tx.query('DELETE FROM inter_agency_group_procedure WHERE group_id = $1', [id]);
      await writeGroupProcedures(tx, id, group);
      return findInterAgencyGroup(tx, id);
    },
  };
}

async function writeGroupProcedures(tx: Queryable, id: string, group: InterAgencyGroupContent): Promise<void> {
  for (const [position, code] of group.procedureCodes.entries()) {
    await tx.query('INSERT INTO inter_agency_group_procedure (group_id, procedure_code, position) VALUES ($1, $2, $3)', [
      id,
      code,
      position,
    ]);
  }
}

export async function findInterAgencyGroup(db: Queryable, id: string): Promise<InterAgencyGroup | null> {
  if (!UUID_PATTERN.test(id)) return null;
  const rows = await db.query<GroupRow>(`SELECT ${GROUP_COLUMNS} FROM inter_agency_group g WHERE g.id = $1`, [id]);
  return rows[0] ? toGroup(rows[0]) : null;
}
