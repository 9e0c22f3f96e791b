/** Revocations recorded by the DEMO certificate authority, published as its CRL. */
import type { Queryable } from '../kernel/database';

export interface RevocationRow {
  readonly rootFingerprint: string;
  readonly serialNumber: string;
  readonly certificateId: string | null;
  readonly revokedAt: Date;
  readonly reason: string | null;
}

/** Records a revocation; false when that serial number was already revoked by that root. */
export async function insertRevocation(
  q: Queryable,
  row: RevocationRow & { recordedAt: Date; recordedBy: string | null },
): Promise<boolean> {
  const rows = await q.query<{ serial_number: string }>(
    `INSERT INTO pki_revoked_certificate (root_fingerprint, serial_number, certificate_id, revoked_at, reason, recorded_at, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (root_fingerprint, serial_number) DO NOTHING RETURNING serial_number`,
    [row.rootFingerprint, row.serialNumber, row.certificateId, row.revokedAt, row.reason, row.recordedAt, row.recordedBy],
  );
  return rows.length === 1;
}

export async function listRevocations(q: Queryable, rootFingerprint: string): Promise<RevocationRow[]> {
  return q.query<RevocationRow>(
    `SELECT root_fingerprint AS "rootFingerprint", serial_number AS "serialNumber", certificate_id AS "certificateId",
            revoked_at AS "revokedAt", reason
       FROM pki_revoked_certificate WHERE root_fingerprint = $1 ORDER BY revoked_at, serial_number`,
    [rootFingerprint],
  );
}

/** Certificates whose validity ends before `before`, with their agency's code (for the daily expiry log line). */
export async function listExpiringCertificates(
  q: Queryable,
  before: Date,
): Promise<{ id: string; agencyCode: string; purpose: string; notAfter: Date }[]> {
  return q.query(
    `SELECT c.id, a.code AS "agencyCode", c.purpose, c.not_after AS "notAfter"
       FROM signing_certificate c JOIN agency a ON a.id = c.agency_id
      WHERE c.is_active AND c.not_after < $1 ORDER BY c.not_after, c.id`,
    [before],
  );
}
