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

const ISSUED_COLUMNS = `s.id AS "documentId", s.agency_id AS "agencyId", a.name AS "agencyName", s.title,
  d.code AS "dossierCode", s.signed_at AS "signedAt", s.replaced_at AS "replacedAt"`;

/** Public: what MotCua issued with exactly these bytes (the latest such record). */
export async function findIssuedBySha256(q: Queryable, sha256: string): Promise<IssuedRecord | null> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const rows = await q.query<IssuedRecord>(
    `SELECT ${ISSUED_COLUMNS} FROM signed_document s JOIN agency a ON a.id = s.agency_id LEFT JOIN dossier d ON d.id = s.dossier_id
      WHERE s.signed_sha256 = $1 ORDER BY s.signed_at DESC LIMIT 1`,
    [sha256],
  );
  return rows[0] ?? null;
}

/** Public: a signed document by its id (the QR link), with the hash of its signed file. */
export async function findIssuedById(q: Queryable, id: string): Promise<(IssuedRecord & { signedSha256: string }) | null> {
  if (!UUID.test(id)) return null;
  const rows = await q.query<IssuedRecord & { signedSha256: string }>(
    `SELECT ${ISSUED_COLUMNS}, s.signed_sha256 AS "signedSha256" FROM signed_document s JOIN agency a ON a.id = s.agency_id
       LEFT JOIN dossier d ON d.id = s.dossier_id WHERE s.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}
