/** Attachment rows (the bytes live in the content store under their SHA-256). */
import type { Queryable } from '../kernel/database';
import { isUuid } from './dossier-load';

export interface AttachmentRow {
  id: string;
  dossierId: string;
  purpose: 'document' | 'supplement' | 'result';
  requiredDocumentCode: string | null;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  ownerUserId: string | null;
  reusedFromId: string | null;
  uploadedAt: Date;
  uploadedBy: string;
}

const columnsOf = (a: string) => `${a}.id, ${a}.dossier_id AS "dossierId", ${a}.purpose,
  ${a}.required_document_code AS "requiredDocumentCode", ${a}.file_name AS "fileName", ${a}.media_type AS "mediaType",
  ${a}.size_bytes AS "sizeBytes", ${a}.sha256, ${a}.storage_key AS "storageKey", ${a}.owner_user_id AS "ownerUserId",
  ${a}.reused_from_id AS "reusedFromId", ${a}.uploaded_at AS "uploadedAt", ${a}.uploaded_by AS "uploadedBy"`;
const columns = columnsOf('dossier_attachment');

export async function insertAttachment(q: Queryable, a: AttachmentRow): Promise<void> {
  await q.query(
    `INSERT INTO dossier_attachment (id, dossier_id, purpose, required_document_code, file_name, media_type, size_bytes,
                                     sha256, storage_key, owner_user_id, reused_from_id, uploaded_at, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      a.id,
      a.dossierId,
      a.purpose,
      a.requiredDocumentCode,
      a.fileName,
      a.mediaType,
      a.sizeBytes,
      a.sha256,
      a.storageKey,
      a.ownerUserId,
      a.reusedFromId,
      a.uploadedAt,
      a.uploadedBy,
    ],
  );
}

export async function listAttachments(q: Queryable, dossierId: string): Promise<AttachmentRow[]> {
  return q.query<AttachmentRow>(`SELECT ${columns} FROM dossier_attachment WHERE dossier_id = $1 ORDER BY uploaded_at, id`, [dossierId]);
}

export async function findAttachment(q: Queryable, dossierId: string, id: string): Promise<AttachmentRow | null> {
  if (!isUuid(id)) return null;
  const rows = await q.query<AttachmentRow>(`SELECT ${columns} FROM dossier_attachment WHERE dossier_id = $1 AND id = $2`, [dossierId, id]);
  return rows[0] ?? null;
}

export async function totalAttachmentBytes(q: Queryable, dossierId: string): Promise<number> {
  const [row] = await q.query<{ total: number }>(
    'SELECT coalesce(sum(size_bytes), 0)::int8 AS total FROM dossier_attachment WHERE dossier_id = $1',
    [dossierId],
  );
  return row?.total ?? 0;
}

/** A file the applicant gave in one of their own dossiers (the reuse source), or null. */
export async function findOwnAttachment(q: Queryable, ownerUserId: string, id: string): Promise<AttachmentRow | null> {
  if (!isUuid(id) || !isUuid(ownerUserId)) return null;
  const rows = await q.query<AttachmentRow>(
    `SELECT ${columnsOf('a')} FROM dossier_attachment a JOIN dossier d ON d.id = a.dossier_id
      WHERE a.id = $1 AND d.owner_user_id = $2 AND a.purpose IN ('document', 'supplement', 'result')`,
    [id, ownerUserId],
  );
  return rows[0] ?? null;
}

/** The files an applicant gave or received in their own dossiers, one per content, newest first (reuse offers). */
export async function listOwnAttachments(
  q: Queryable,
  ownerUserId: string,
  options: { limit: number },
): Promise<(AttachmentRow & { dossierCode: string | null })[]> {
  if (!isUuid(ownerUserId)) return [];
  return q.query<AttachmentRow & { dossierCode: string | null }>(
    `SELECT * FROM (
       SELECT DISTINCT ON (a.sha256, a.purpose) ${columnsOf('a')}, d.code AS "dossierCode"
         FROM dossier_attachment a JOIN dossier d ON d.id = a.dossier_id
        WHERE d.owner_user_id = $1
        ORDER BY a.sha256, a.purpose, a.uploaded_at DESC) x
      ORDER BY "uploadedAt" DESC, id LIMIT $2`,
    [ownerUserId, options.limit],
  );
}
