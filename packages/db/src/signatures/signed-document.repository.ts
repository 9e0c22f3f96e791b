/** The record of every signed document MotCua issued: public lookups by hash or id for the verification page. */
import type { IssuedRecord } from '@motcua/core/signatures';
import type { Queryable } from '../kernel/database';

export interface SignerEntry {
  readonly certificateId: string;
  readonly purpose: 'seal' | 'personal';
  readonly commonName: string | null;
  readonly fingerprint: string;
}

export interface SignedDocumentRow {
  readonly id: string;
  readonly sourceKind: 'result_attachment' | 'issued_document';
  readonly sourceId: string;
  readonly dossierId: string | null;
  readonly agencyId: string;
  readonly eventId: string | null;
  readonly title: string | null;
  readonly unsignedSha256: string;
  readonly signedSha256: string;
  readonly signedSizeBytes: number;
  readonly signers: readonly SignerEntry[];
  readonly signedAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Inserts unless the source was already signed; answers the row that holds (new or existing). */
export async function insertSignedDocument(q: Queryable, row: SignedDocumentRow): Promise<{ id: string; created: boolean }> {
  const inserted = await q.query<{ id: string }>(
    `INSERT INTO signed_document (id, source_kind, source_id, dossier_id, agency_id, event_id, title, unsigned_sha256,
       signed_sha256, signed_size_bytes, signers, signed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (source_kind, source_id) DO NOTHING RETURNING id`,
    [
      row.id, row.sourceKind, row.sourceId, row.dossierId, row.agencyId, row.eventId, row.title, row.unsignedSha256,
      row.signedSha256, row.signedSizeBytes, JSON.stringify(row.signers), row.signedAt,
    ],
  );
  if (inserted[0]) return { id: inserted[0].id, created: true };
  const existing = await findSignedSource(q, row.sourceKind, row.sourceId);
  return { id: existing!.id, created: false };
}

export async function findSignedSource(
  q: Queryable,
  sourceKind: SignedDocumentRow['sourceKind'],
  sourceId: string,
): Promise<{ id: string; signedSha256: string } | null> {
  const rows = await q.query<{ id: string; signedSha256: string }>(
    'SELECT id, signed_sha256 AS "signedSha256" FROM signed_document WHERE source_kind = $1 AND source_id = $2',
    [sourceKind, sourceId],
  );
  return rows[0] ?? null;
}

/** Marks the dossier's earlier signed results of that kind as replaced by `byId`. */
export async function markReplaced(
  q: Queryable,
  input: { dossierId: string; sourceKind: SignedDocumentRow['sourceKind']; exceptEventId: string | null; byId: string; at: Date },
): Promise<number> {
  const rows = await q.query<{ id: string }>(
    `UPDATE signed_document SET replaced_by_id = $4, replaced_at = $5
      WHERE dossier_id = $1 AND source_kind = $2 AND event_id IS DISTINCT FROM $3 AND replaced_by_id IS NULL AND id <> $4
      RETURNING id`,
    [input.dossierId, input.sourceKind, input.exceptEventId, input.byId, input.at],
  );
  return rows.length;
}

const SIGNED_RECORD = `SELECT CASE WHEN s.source_kind = 'issued_document' THEN s.source_id ELSE s.id END AS "documentId",
    s.agency_id AS "agencyId", a.name AS "agencyName", COALESCE(i.title, s.title) AS title, d.code AS "dossierCode",
    s.signed_at AS "signedAt", (s.replaced_by_id IS NOT NULL OR i.replaced_by IS NOT NULL) AS "isReplaced",
    s.replaced_at AS "replacedAt", s.signed_sha256 AS "sha256"
  FROM signed_document s JOIN agency a ON a.id = s.agency_id LEFT JOIN dossier d ON d.id = s.dossier_id
  LEFT JOIN issued_document i ON s.source_kind = 'issued_document' AND i.id = s.source_id`;

const UNSIGNED_RECORD = `SELECT i.id AS "documentId", i.issuing_agency_id AS "agencyId", a.name AS "agencyName", i.title,
    d.code AS "dossierCode", NULL::timestamptz AS "signedAt", (i.replaced_by IS NOT NULL) AS "isReplaced",
    NULL::timestamptz AS "replacedAt", i.sha256
  FROM issued_document i JOIN agency a ON a.id = i.issuing_agency_id LEFT JOIN dossier d ON d.id = i.dossier_id`;

export type IssuedRecordWithHash = IssuedRecord & { sha256: string };

/**
 * Public: what MotCua issued with exactly these bytes — a signed file, else an issued document's unsigned original
 * (or a signed result's unsigned draft), else null.
 */
export async function findIssuedBySha256(q: Queryable, sha256: string): Promise<IssuedRecordWithHash | null> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const signed = await q.query<IssuedRecordWithHash>(`${SIGNED_RECORD} WHERE s.signed_sha256 = $1 ORDER BY s.signed_at DESC LIMIT 1`, [sha256]);
  if (signed[0]) return signed[0];
  const original = await q.query<IssuedRecordWithHash>(`${UNSIGNED_RECORD} WHERE i.sha256 = $1 ORDER BY i.created_at DESC LIMIT 1`, [sha256]);
  if (original[0]) return original[0];
  const draft = await q.query<IssuedRecordWithHash>(
    `${SIGNED_RECORD} WHERE s.unsigned_sha256 = $1 ORDER BY s.signed_at DESC LIMIT 1`,
    [sha256],
  );
  return draft[0] ? { ...draft[0], signedAt: null, sha256 } : null;
}

/** Public: the record behind a QR code — an issued document id (signed or not yet) or a signed result's id. */
export async function findIssuedById(q: Queryable, id: string): Promise<IssuedRecordWithHash | null> {
  if (!UUID.test(id)) return null;
  const signed = await q.query<IssuedRecordWithHash>(
    `${SIGNED_RECORD} WHERE s.id = $1 OR (s.source_kind = 'issued_document' AND s.source_id = $1) LIMIT 1`,
    [id],
  );
  if (signed[0]) return signed[0];
  const original = await q.query<IssuedRecordWithHash>(`${UNSIGNED_RECORD} WHERE i.id = $1`, [id]);
  return original[0] ?? null;
}

/** The agency and its ancestors, nearest first (a desk signs with its committee's seal when it has none). */
export async function agencyLineage(q: Queryable, agencyId: string): Promise<string[]> {
  if (!UUID.test(agencyId)) return [];
  const rows = await q.query<{ id: string }>(
    `WITH RECURSIVE lineage (id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM agency WHERE id = $1
       UNION ALL
       SELECT a.id, a.parent_id, l.depth + 1 FROM agency a JOIN lineage l ON a.id = l.parent_id WHERE l.depth < 32
     )
     SELECT id FROM lineage ORDER BY depth`,
    [agencyId],
  );
  return rows.map((row) => row.id);
}

/** Issued documents waiting for their signatures: forms as issued, results once approved; not replaced. */
export async function listUnsignedIssuedDocuments(q: Queryable, limit: number): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `SELECT d.id FROM issued_document d
      WHERE d.replaced_by IS NULL AND d.media_type = 'application/pdf' AND (d.kind <> 'result' OR d.approved_at IS NOT NULL)
        AND NOT EXISTS (SELECT 1 FROM signed_document s WHERE s.source_kind = 'issued_document' AND s.source_id = d.id)
      ORDER BY d.created_at LIMIT $1`,
    [limit],
  );
  return rows.map((row) => row.id);
}

/** Which of these sources have a signed version (a dossier's document list links the signed file of those). */
export async function signedSourceIds(q: Queryable, sourceKind: SignedDocumentRow['sourceKind'], sourceIds: readonly string[]): Promise<Set<string>> {
  const ids = sourceIds.filter((id) => UUID.test(id));
  if (ids.length === 0) return new Set();
  const rows = await q.query<{ sourceId: string }>(
    'SELECT source_id AS "sourceId" FROM signed_document WHERE source_kind = $1 AND source_id = ANY($2::uuid[])',
    [sourceKind, ids],
  );
  return new Set(rows.map((r) => r.sourceId));
}

/** The signed file of a source (its content key is the SHA-256), for downloads and the verification page. */
export async function findSignedVersion(
  q: Queryable,
  sourceKind: SignedDocumentRow['sourceKind'],
  sourceId: string,
): Promise<{ id: string; signedSha256: string; signedSizeBytes: number; signedAt: Date; signers: SignerEntry[] } | null> {
  if (!UUID.test(sourceId)) return null;
  const rows = await q.query<{ id: string; signedSha256: string; signedSizeBytes: number; signedAt: Date; signers: SignerEntry[] }>(
    `SELECT id, signed_sha256 AS "signedSha256", signed_size_bytes AS "signedSizeBytes", signed_at AS "signedAt", signers
       FROM signed_document WHERE source_kind = $1 AND source_id = $2`,
    [sourceKind, sourceId],
  );
  return rows[0] ?? null;
}
