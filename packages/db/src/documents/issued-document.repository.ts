/**
 * Issued documents (migration 0400): the store the render use case writes through, and the scoped reads of the
 * API. A document is visible to whoever may see its dossier (the dossier reads' own scope rule, `dossierScope`);
 * out of scope answers like absent.
 */
import { issuedDocumentKinds, type FormSource, type IssuedDocument, type IssuedDocumentKind, type IssuedDocumentStore, type NewIssuedDocument } from '@motcua/core/documents';
import type { Queryable } from '../kernel/database';
import type { Actor } from '@motcua/core/shared';
import { dossierScope, isUuid } from '../dossiers/dossier-load';

type Row = Record<string, unknown>;

export function mapIssuedDocument(r: Row): IssuedDocument {
  return {
    id: String(r.id),
    dossierId: (r.dossier_id as string | null) ?? null,
    eventId: (r.event_id as string | null) ?? null,
    kind: r.kind as IssuedDocumentKind,
    formSet: (r.form_set as string | null) ?? null,
    formNumber: (r.form_number as string | null) ?? null,
    title: String(r.title),
    documentNumber: (r.document_number as string | null) ?? null,
    issuingAgencyId: String(r.issuing_agency_id),
    sha256: String(r.sha256),
    storageKey: String(r.storage_key),
    sizeBytes: Number(r.size_bytes),
    mediaType: String(r.media_type),
    origin: r.origin as 'rendered' | 'uploaded',
    approvedAt: (r.approved_at as Date | null) ?? null,
    approvedBy: (r.approved_by as string | null) ?? null,
    replacedBy: (r.replaced_by as string | null) ?? null,
    createdAt: r.created_at as Date,
    createdBy: String(r.created_by),
  };
}

export async function insertIssuedDocument(q: Queryable, d: NewIssuedDocument): Promise<IssuedDocument> {
  const rows = await q.query<Row>(
    `INSERT INTO issued_document (id, dossier_id, event_id, kind, form_set, form_number, title, document_number,
       issuing_agency_id, sha256, storage_key, size_bytes, media_type, origin, approved_at, approved_by, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
     RETURNING *`,
    [d.id, d.dossierId, d.eventId, d.kind, d.formSet, d.formNumber, d.title, d.documentNumber, d.issuingAgencyId, d.sha256,
      d.storageKey, d.sizeBytes, d.mediaType, d.origin, d.approvedAt, d.approvedBy, d.createdAt, d.createdBy],
  );
  return mapIssuedDocument(rows[0]!);
}

/** Unscoped: for jobs and the signing module (the caller has decided the document may be used). */
export async function findIssuedDocument(q: Queryable, id: string): Promise<IssuedDocument | null> {
  if (!isUuid(id)) return null;
  const rows = await q.query<Row>('SELECT * FROM issued_document WHERE id = $1', [id]);
  return rows[0] ? mapIssuedDocument(rows[0]) : null;
}

export async function findIssuedDocumentByEvent(q: Queryable, eventId: string, kind: IssuedDocumentKind): Promise<IssuedDocument | null> {
  const rows = await q.query<Row>('SELECT * FROM issued_document WHERE event_id = $1 AND kind = $2', [eventId, kind]);
  return rows[0] ? mapIssuedDocument(rows[0]) : null;
}

/** Documents whose bytes hash to `sha256` (public verification: "is this file what MotCua issued?"). */
export async function findIssuedDocumentsBySha256(q: Queryable, sha256: string): Promise<IssuedDocument[]> {
  const rows = await q.query<Row>('SELECT * FROM issued_document WHERE sha256 = $1 ORDER BY created_at', [sha256.toLowerCase()]);
  return rows.map(mapIssuedDocument);
}

/** A dossier's documents, oldest first, or null when the dossier is absent or out of scope. */
export async function listDossierDocuments(q: Queryable, actor: Actor, dossierId: string): Promise<IssuedDocument[] | null> {
  if (!isUuid(dossierId)) return null;
  const params: unknown[] = [dossierId];
  const visible = await q.query<Row>(`SELECT d.id FROM dossier d WHERE d.id = $1 AND ${dossierScope(actor, params)}`, params);
  if (visible.length === 0) return null;
  const rows = await q.query<Row>(
    `SELECT i.* FROM issued_document i LEFT JOIN dossier_event e ON e.id = i.event_id
      WHERE i.dossier_id = $1 ORDER BY i.created_at, e.seq NULLS LAST, array_position($2::text[], i.kind), i.id`,
    [dossierId, issuedDocumentKinds],
  );
  return rows.map(mapIssuedDocument);
}

export type PendingFormState = 'queued' | 'rendering' | 'retrying' | 'failed';
export interface PendingForm {
  readonly eventId: string;
  readonly kind: IssuedDocumentKind;
  readonly state: PendingFormState;
  readonly attempts: number;
}

/**
 * The forms a dossier's events issued whose PDF is not stored yet, from their `document.render` outbox messages
 * (dedupe key `render:<event id>`), oldest first. Unscoped: call it after a scoped read of the dossier.
 */
export async function listPendingForms(q: Queryable, dossierId: string): Promise<PendingForm[]> {
  const rows = await q.query<{ eventId: string; kind: IssuedDocumentKind; status: string; attempts: number; lastError: string | null }>(
    `SELECT e.id AS "eventId", e.form_kind AS kind, m.status, m.attempts, m.last_error AS "lastError"
       FROM dossier_event e JOIN outbox_message m ON m.dedupe_key = 'render:' || e.id::text
      WHERE e.dossier_id = $1 AND e.form_kind IS NOT NULL AND m.status <> 'done'
        AND NOT EXISTS (SELECT 1 FROM issued_document i WHERE i.event_id = e.id AND i.kind = e.form_kind)
      ORDER BY e.seq`,
    [dossierId],
  );
  return rows.map((r) => ({
    eventId: r.eventId,
    kind: r.kind,
    attempts: Number(r.attempts),
    state: r.status === 'failed' ? 'failed' : r.status === 'processing' ? 'rendering' : r.lastError ? 'retrying' : 'queued',
  }));
}

/** One document of a dossier, when the actor may see the dossier. */
export async function findDossierDocument(q: Queryable, actor: Actor, dossierId: string, documentId: string): Promise<IssuedDocument | null> {
  if (!isUuid(dossierId) || !isUuid(documentId)) return null;
  const params: unknown[] = [dossierId, documentId];
  const rows = await q.query<Row>(
    `SELECT i.* FROM issued_document i JOIN dossier d ON d.id = i.dossier_id
      WHERE d.id = $1 AND i.id = $2 AND ${dossierScope(actor, params)}`,
    params,
  );
  return rows[0] ? mapIssuedDocument(rows[0]) : null;
}

async function loadFormSource(q: Queryable, eventId: string): Promise<FormSource | null> {
  if (!isUuid(eventId)) return null;
  const rows = await q.query<Row>(
    `SELECT e.id, e.dossier_id, e.occurred_at, e.actor_name, e.form_kind, e.form_set, e.form_number, e.form_title, e.form_data,
            coalesce(e.agency_id, d.receiving_agency_id) AS issuing_agency_id,
            ia.name AS issuing_name, ip.name AS issuing_parent_name, ca.name AS competent_name
       FROM dossier_event e
       JOIN dossier d ON d.id = e.dossier_id
       JOIN agency ia ON ia.id = coalesce(e.agency_id, d.receiving_agency_id)
       LEFT JOIN agency ip ON ip.id = ia.parent_id
       JOIN agency ca ON ca.id = d.competent_agency_id
      WHERE e.id = $1`,
    [eventId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    dossierId: String(r.dossier_id),
    eventId: String(r.id),
    occurredAt: r.occurred_at as Date,
    actorName: (r.actor_name as string | null) ?? null,
    form: r.form_kind
      ? {
          kind: String(r.form_kind),
          set: String(r.form_set),
          number: (r.form_number as string | null) ?? null,
          title: (r.form_title as string | null) ?? null,
        }
      : null,
    formData: (r.form_data as Record<string, unknown> | null) ?? null,
    issuingAgencyId: String(r.issuing_agency_id),
    issuingAgencyName: String(r.issuing_name),
    issuingParentName: (r.issuing_parent_name as string | null) ?? null,
    competentAgencyName: (r.competent_name as string | null) ?? null,
  };
}

export function createIssuedDocumentStore(q: Queryable): IssuedDocumentStore {
  return {
    findByEvent: (eventId, kind) => findIssuedDocumentByEvent(q, eventId, kind),
    loadFormSource: (eventId) => loadFormSource(q, eventId),
    async lockNextNumber(agencyId, year, kind) {
      await q.query(
        `INSERT INTO issued_document_sequence (issuing_agency_id, year, kind, last_number) VALUES ($1, $2, $3, 0)
         ON CONFLICT DO NOTHING`,
        [agencyId, year, kind],
      );
      const rows = await q.query<{ last_number: number }>(
        'SELECT last_number FROM issued_document_sequence WHERE issuing_agency_id = $1 AND year = $2 AND kind = $3 FOR UPDATE',
        [agencyId, year, kind],
      );
      return Number(rows[0]!.last_number) + 1;
    },
    async consumeNumber(agencyId, year, kind, number) {
      await q.query(
        'UPDATE issued_document_sequence SET last_number = $4 WHERE issuing_agency_id = $1 AND year = $2 AND kind = $3',
        [agencyId, year, kind, number],
      );
    },
    insert: (document) => insertIssuedDocument(q, document),
    async findForUpdate(dossierId, documentId) {
      if (!isUuid(dossierId) || !isUuid(documentId)) return null;
      const rows = await q.query<Row>('SELECT * FROM issued_document WHERE id = $1 AND dossier_id = $2 FOR UPDATE', [documentId, dossierId]);
      return rows[0] ? mapIssuedDocument(rows[0]) : null;
    },
    async approve(documentId, at, by) {
      const rows = await q.query<Row>('UPDATE issued_document SET approved_at = $2, approved_by = $3 WHERE id = $1 RETURNING *', [documentId, at, by]);
      return mapIssuedDocument(rows[0]!);
    },
    async markReplaced(documentId, replacedBy) {
      await q.query('UPDATE issued_document SET replaced_by = $2 WHERE id = $1', [documentId, replacedBy]);
    },
  };
}
