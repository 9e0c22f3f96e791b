/** Uploaded form templates (migration 0201): the row that names stored bytes and makes them publicly downloadable. */
import type { Queryable } from '../kernel/database';
import { UUID_PATTERN } from './catalog-rows';

export interface FormTemplateFile {
  readonly id: string;
  readonly contentKey: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly uploadedAt: Date;
  readonly uploadedBy: string | null;
}

interface Row {
  id: string;
  content_key: string;
  file_name: string;
  media_type: string;
  size_bytes: string | number;
  uploaded_at: Date;
  uploaded_by: string | null;
}

const COLUMNS = 'id, content_key, file_name, media_type, size_bytes, uploaded_at, uploaded_by';
const toFile = (r: Row): FormTemplateFile => ({
  id: r.id,
  contentKey: r.content_key,
  fileName: r.file_name,
  mediaType: r.media_type,
  sizeBytes: Number(r.size_bytes),
  uploadedAt: new Date(r.uploaded_at),
  uploadedBy: r.uploaded_by,
});

export async function insertFormTemplate(q: Queryable, file: Omit<FormTemplateFile, 'id'>): Promise<FormTemplateFile> {
  const rows = await q.query<Row>(
    `INSERT INTO procedure_form_template (content_key, file_name, media_type, size_bytes, uploaded_at, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
    [file.contentKey, file.fileName, file.mediaType, file.sizeBytes, file.uploadedAt, file.uploadedBy],
  );
  return toFile(rows[0]!);
}

/** The templates with these ids (ids that are not UUIDs are simply not found). */
export async function findFormTemplates(q: Queryable, ids: readonly string[]): Promise<FormTemplateFile[]> {
  const valid = ids.filter((id) => UUID_PATTERN.test(id));
  if (valid.length === 0) return [];
  const rows = await q.query<Row>(`SELECT ${COLUMNS} FROM procedure_form_template WHERE id = ANY($1::uuid[])`, [valid]);
  return rows.map(toFile);
}
