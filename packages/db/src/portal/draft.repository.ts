/**
 * Server-side drafts of online submissions: one row per draft, owned by a citizen, under a row version so that
 * two devices editing the same draft cannot overwrite each other silently (optimistic concurrency).
 */
import type { Queryable } from '../kernel/database';
import { ownerFilter, type RecordScope } from '../kernel/scope';

export interface PortalDraft {
  readonly id: string;
  readonly userId: string;
  readonly procedureCode: string;
  readonly procedureName: string | null;
  readonly caseCode: string;
  readonly caseName: string | null;
  readonly step: number;
  readonly content: { step: number; values: Record<string, unknown> };
  readonly rowVersion: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** Set once submitted: the dossier it became (the content is then the declaration filed with it). */
  readonly dossierId: string | null;
  readonly submittedAt: Date | null;
}

interface DraftRow {
  id: string;
  user_id: string;
  procedure_code: string;
  procedure_name: string | null;
  case_code: string;
  case_name: string | null;
  step: number;
  content: PortalDraft['content'];
  row_version: number;
  created_at: Date;
  updated_at: Date;
  dossier_id: string | null;
  submitted_at: Date | null;
}

const mapDraft = (r: DraftRow): PortalDraft => ({
  id: r.id,
  userId: r.user_id,
  procedureCode: r.procedure_code,
  procedureName: r.procedure_name,
  caseCode: r.case_code,
  caseName: r.case_name,
  step: r.step,
  content: r.content,
  rowVersion: r.row_version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  dossierId: r.dossier_id,
  submittedAt: r.submitted_at,
});

export async function createDraft(
  tx: Queryable,
  draft: Pick<PortalDraft, 'userId' | 'procedureCode' | 'procedureName' | 'caseCode' | 'caseName' | 'content'>,
  now: Date,
): Promise<PortalDraft> {
  const [row] = await tx.query<DraftRow>(
    `INSERT INTO portal_draft (user_id, procedure_code, procedure_name, case_code, case_name, step, content, row_version,
                               created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $8) RETURNING *`,
    [draft.userId, draft.procedureCode, draft.procedureName, draft.caseCode, draft.caseName, draft.content.step, JSON.stringify(draft.content), now],
  );
  return mapDraft(row!);
}

export async function findDraft(db: Queryable, id: string, scope: RecordScope): Promise<PortalDraft | null> {
  const params: unknown[] = [id];
  const rows = await db.query<DraftRow>(`SELECT * FROM portal_draft WHERE id = $1 AND ${ownerFilter(scope, 'user_id', params)}`, params);
  return rows[0] ? mapDraft(rows[0]) : null;
}

export async function listDrafts(
  db: Queryable,
  scope: RecordScope,
  filter: { procedureCode?: string | undefined; caseCode?: string | undefined } = {},
): Promise<PortalDraft[]> {
  const params: unknown[] = [];
  const conditions = ['dossier_id IS NULL', ownerFilter(scope, 'user_id', params)];
  if (filter.procedureCode) conditions.push(`procedure_code = $${params.push(filter.procedureCode)}`);
  if (filter.caseCode) conditions.push(`case_code = $${params.push(filter.caseCode)}`);
  const rows = await db.query<DraftRow>(
    `SELECT * FROM portal_draft WHERE ${conditions.join(' AND ')} ORDER BY updated_at DESC, id LIMIT 200`,
    params,
  );
  return rows.map(mapDraft);
}

/**
 * Saves a draft's content when its stored version is `expectedVersion`. Answers the saved draft, null when the
 * draft is absent or not the caller's, or the stored version when it differs.
 */
export async function saveDraft(
  tx: Queryable,
  id: string,
  content: PortalDraft['content'],
  expectedVersion: number,
  scope: RecordScope,
  now: Date,
): Promise<{ saved: PortalDraft } | { currentVersion: number } | null> {
  const params: unknown[] = [id, JSON.stringify(content), content.step, now, expectedVersion];
  const owner = ownerFilter(scope, 'user_id', params);
  const rows = await tx.query<DraftRow>(
    `UPDATE portal_draft SET content = $2, step = $3, updated_at = $4, row_version = row_version + 1
     WHERE id = $1 AND row_version = $5 AND dossier_id IS NULL AND ${owner} RETURNING *`,
    params,
  );
  if (rows[0]) return { saved: mapDraft(rows[0]) };
  const current = await findDraft(tx, id, scope);
  return current ? { currentVersion: current.rowVersion } : null;
}

/** Deletes a draft of the caller (after submission, or on request); false when absent or not theirs. */
export async function deleteDraft(tx: Queryable, id: string, scope: RecordScope): Promise<boolean> {
  const params: unknown[] = [id];
  const rows = await tx.query(
    `DELETE FROM portal_draft WHERE id = $1 AND dossier_id IS NULL AND ${ownerFilter(scope, 'user_id', params)} RETURNING id`,
    params,
  );
  return rows.length > 0;
}

/** Records that a draft became a dossier; false when it already did (a retried submission). */
export async function markDraftSubmitted(tx: Queryable, id: string, dossierId: string, now: Date): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE portal_draft SET dossier_id = $2, submitted_at = $3 WHERE id = $1 AND dossier_id IS NULL RETURNING id`,
    [id, dossierId, now],
  );
  return rows.length > 0;
}

/** The declaration filed with a dossier (the submitted draft's content), for whoever may see the dossier. */
export async function findDeclarationOfDossier(db: Queryable, dossierId: string): Promise<PortalDraft | null> {
  const rows = await db.query<DraftRow>('SELECT * FROM portal_draft WHERE dossier_id = $1', [dossierId]);
  return rows[0] ? mapDraft(rows[0]) : null;
}
