/**
 * The certificate store in SQL. Reads that officers make are scoped to their agencies (an out-of-scope certificate
 * answers like an absent one); the signing job reads as the system. Sealed keys are returned only by
 * `findSealedKey`, never with the listing.
 */
import type { CertificatePurpose, StoredCertificate } from '@motcua/core/signatures';
import type { Queryable } from '../kernel/database';
import { agencyFilter, type RecordScope } from '../kernel/scope';

export interface SealedKeyRow {
  readonly ciphertext: Uint8Array;
  readonly iv: Uint8Array;
  readonly tag: Uint8Array;
}

export interface NewCertificate extends Omit<StoredCertificate, 'isActive'> {
  readonly certificateDer: Uint8Array;
  readonly chainDer: readonly Uint8Array[];
  readonly sealedKey: SealedKeyRow;
  readonly importedBy: string | null;
}

const COLUMNS = `id, agency_id AS "agencyId", purpose, holder_user_id AS "holderUserId", subject, common_name AS "commonName",
  organization, issuer, serial_number AS "serialNumber", fingerprint, not_before AS "notBefore", not_after AS "notAfter",
  transport, is_demo AS "isDemo", is_active AS "isActive", imported_at AS "importedAt"`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function insertCertificate(q: Queryable, c: NewCertificate): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO signing_certificate (id, agency_id, purpose, holder_user_id, subject, common_name, organization, issuer,
       serial_number, fingerprint, not_before, not_after, certificate_der, chain, transport, key_ciphertext, key_iv,
       key_tag, is_demo, imported_at, imported_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
     ON CONFLICT (fingerprint) DO NOTHING RETURNING id`,
    [
      c.id, c.agencyId, c.purpose, c.holderUserId, c.subject, c.commonName, c.organization, c.issuer, c.serialNumber,
      c.fingerprint, c.notBefore, c.notAfter, c.certificateDer,
      JSON.stringify(c.chainDer.map((der) => Buffer.from(der).toString('base64'))), c.transport, c.sealedKey.ciphertext,
      c.sealedKey.iv, c.sealedKey.tag, c.isDemo, c.importedAt, c.importedBy,
    ],
  );
  return rows.length === 1;
}

export async function listCertificates(
  q: Queryable,
  scope: RecordScope,
  filter: { agencyId?: string; includeInactive?: boolean } = {},
): Promise<StoredCertificate[]> {
  const params: unknown[] = [];
  const conditions = [agencyFilter(scope, 'agency_id', params)];
  if (filter.agencyId !== undefined) {
    if (!UUID.test(filter.agencyId)) return [];
    params.push(filter.agencyId);
    conditions.push(`agency_id = $${params.length}`);
  }
  if (!filter.includeInactive) conditions.push('is_active');
  return q.query<StoredCertificate>(
    `SELECT ${COLUMNS} FROM signing_certificate WHERE ${conditions.join(' AND ')} ORDER BY not_after, id`,
    params,
  );
}

export async function findCertificate(q: Queryable, scope: RecordScope, id: string): Promise<StoredCertificate | null> {
  if (!UUID.test(id)) return null;
  const params: unknown[] = [id];
  const rows = await q.query<StoredCertificate>(
    `SELECT ${COLUMNS} FROM signing_certificate WHERE id = $1 AND ${agencyFilter(scope, 'agency_id', params)}`,
    params,
  );
  return rows[0] ?? null;
}

/** Candidates to sign for an agency (system reads: the signing job). */
export async function listSigningCandidates(
  q: Queryable,
  agencyId: string,
  purpose: CertificatePurpose,
  holderUserId: string | null,
): Promise<StoredCertificate[]> {
  return q.query<StoredCertificate>(
    `SELECT ${COLUMNS} FROM signing_certificate
      WHERE agency_id = $1 AND purpose = $2 AND is_active AND ($3::uuid IS NULL OR holder_user_id = $3::uuid)`,
    [agencyId, purpose, holderUserId],
  );
}

export async function findSigningMaterial(
  q: Queryable,
  id: string,
): Promise<{ certificateDer: Uint8Array; chainDer: Uint8Array[]; sealedKey: SealedKeyRow | null; fingerprint: string } | null> {
  const rows = await q.query<{
    certificate_der: Uint8Array;
    chain: string[];
    key_ciphertext: Uint8Array | null;
    key_iv: Uint8Array | null;
    key_tag: Uint8Array | null;
    fingerprint: string;
  }>('SELECT certificate_der, chain, key_ciphertext, key_iv, key_tag, fingerprint FROM signing_certificate WHERE id = $1', [id]);
  const row = rows[0];
  if (!row) return null;
  return {
    certificateDer: row.certificate_der,
    chainDer: row.chain.map((text) => Uint8Array.from(Buffer.from(text, 'base64'))),
    fingerprint: row.fingerprint,
    sealedKey: row.key_ciphertext && row.key_iv && row.key_tag ? { ciphertext: row.key_ciphertext, iv: row.key_iv, tag: row.key_tag } : null,
  };
}

export async function deactivateCertificate(
  q: Queryable,
  id: string,
  input: { at: Date; by: string | null; reason: string },
): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `UPDATE signing_certificate SET is_active = false, deactivated_at = $2, deactivated_by = $3, deactivation_reason = $4
      WHERE id = $1 AND is_active RETURNING id`,
    [id, input.at, input.by, input.reason],
  );
  return rows.length === 1;
}

/** Active certificates of every agency ending before `before` (the expiry check runs as the system). */
export async function listCertificatesEndingBefore(q: Queryable, before: Date): Promise<StoredCertificate[]> {
  return q.query<StoredCertificate>(
    `SELECT ${COLUMNS} FROM signing_certificate WHERE is_active AND not_after < $1 ORDER BY not_after`,
    [before],
  );
}

// Trusted roots held by the store (added to the configured MOTCUA_PKI_TRUSTED_ROOTS).

export interface TrustedRootRow {
  readonly fingerprint: string;
  readonly subject: string;
  readonly notAfter: Date;
  readonly certificateDer: Uint8Array;
  readonly isDemo: boolean;
  readonly sealedKey: SealedKeyRow | null;
}

export async function upsertTrustedRoot(q: Queryable, root: TrustedRootRow & { addedAt: Date }): Promise<void> {
  await q.query(
    `INSERT INTO pki_trusted_root (fingerprint, subject, not_after, certificate_der, is_demo, key_ciphertext, key_iv, key_tag, added_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (fingerprint) DO NOTHING`,
    [
      root.fingerprint, root.subject, root.notAfter, root.certificateDer, root.isDemo, root.sealedKey?.ciphertext ?? null,
      root.sealedKey?.iv ?? null, root.sealedKey?.tag ?? null, root.addedAt,
    ],
  );
}

export async function listTrustedRoots(q: Queryable): Promise<TrustedRootRow[]> {
  const rows = await q.query<{
    fingerprint: string;
    subject: string;
    not_after: Date;
    certificate_der: Uint8Array;
    is_demo: boolean;
    key_ciphertext: Uint8Array | null;
    key_iv: Uint8Array | null;
    key_tag: Uint8Array | null;
  }>('SELECT fingerprint, subject, not_after, certificate_der, is_demo, key_ciphertext, key_iv, key_tag FROM pki_trusted_root ORDER BY added_at');
  return rows.map((row) => ({
    fingerprint: row.fingerprint,
    subject: row.subject,
    notAfter: row.not_after,
    certificateDer: row.certificate_der,
    isDemo: row.is_demo,
    sealedKey: row.key_ciphertext && row.key_iv && row.key_tag ? { ciphertext: row.key_ciphertext, iv: row.key_iv, tag: row.key_tag } : null,
  }));
}

/** Whether the officer holds an active grant at the agency (a personal certificate's holder must). */
export async function holdsGrantAt(q: Queryable, userId: string, agencyId: string): Promise<boolean> {
  if (!UUID.test(userId) || !UUID.test(agencyId)) return false;
  const rows = await q.query<{ one: number }>(
    `SELECT 1 AS one FROM role_grant g JOIN app_user u ON u.id = g.user_id
      WHERE g.user_id = $1 AND g.agency_id = $2 AND g.revoked_at IS NULL AND u.kind = 'officer' AND u.is_active LIMIT 1`,
    [userId, agencyId],
  );
  return rows.length === 1;
}
