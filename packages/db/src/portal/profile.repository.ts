/**
 * The applicant's profile (one row per citizen account, under a row version) and the organisations they act for.
 * Reads are scoped to the caller (ownerFilter): a citizen reads only their own rows.
 */
import type { Queryable } from '../kernel/database';
import { ownerFilter, type RecordScope } from '../kernel/scope';

export interface CitizenProfile {
  readonly userId: string;
  readonly fullName: string;
  readonly identityNumber: string | null;
  readonly dateOfBirth: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly address: string | null;
  readonly rowVersion: number;
  readonly updatedAt: Date;
}

export type ProfileFields = Omit<CitizenProfile, 'userId' | 'rowVersion' | 'updatedAt'>;

interface ProfileRow {
  user_id: string;
  full_name: string;
  identity_number: string | null;
  date_of_birth: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  row_version: number;
  updated_at: Date;
}

const mapProfile = (r: ProfileRow): CitizenProfile => ({
  userId: r.user_id,
  fullName: r.full_name,
  identityNumber: r.identity_number,
  dateOfBirth: r.date_of_birth,
  phone: r.phone,
  email: r.email,
  address: r.address,
  rowVersion: r.row_version,
  updatedAt: r.updated_at,
});

export async function findProfile(db: Queryable, userId: string, scope: RecordScope): Promise<CitizenProfile | null> {
  const params: unknown[] = [userId];
  const rows = await db.query<ProfileRow>(
    `SELECT * FROM citizen_profile WHERE user_id = $1 AND ${ownerFilter(scope, 'user_id', params)}`,
    params,
  );
  return rows[0] ? mapProfile(rows[0]) : null;
}

/**
 * Writes the profile when the stored version is `expectedVersion` (0: none stored yet). Answers the new profile,
 * or the stored version when it differs (the caller answers 409 STALE_VERSION).
 */
export async function saveProfile(
  tx: Queryable,
  userId: string,
  fields: ProfileFields,
  expectedVersion: number,
  now: Date,
): Promise<{ saved: CitizenProfile } | { currentVersion: number }> {
  const values = [fields.fullName, fields.identityNumber, fields.dateOfBirth, fields.phone, fields.email, fields.address, now];
  const rows =
    expectedVersion === 0
      ? await tx.query<ProfileRow>(
          `INSERT INTO citizen_profile (user_id, full_name, identity_number, date_of_birth, phone, email, address, updated_at, row_version)
           VALUES ($8, $1, $2, $3, $4, $5, $6, $7, 1)
           ON CONFLICT (user_id) DO NOTHING RETURNING *`,
          [...values, userId],
        )
      : await tx.query<ProfileRow>(
          `UPDATE citizen_profile SET full_name = $1, identity_number = $2, date_of_birth = $3, phone = $4, email = $5,
                  address = $6, updated_at = $7, row_version = row_version + 1
           WHERE user_id = $8 AND row_version = $9 RETURNING *`,
          [...values, userId, expectedVersion],
        );
  if (rows[0]) return { saved: mapProfile(rows[0]) };
  const [current] = await tx.query<{ row_version: number }>('SELECT row_version FROM citizen_profile WHERE user_id = $1', [userId]);
  return { currentVersion: current?.row_version ?? 0 };
}

export interface CitizenOrganisation {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly taxCode: string;
  readonly address: string | null;
  readonly representative: string | null;
  readonly createdAt: Date;
}

interface OrganisationRow {
  id: string;
  user_id: string;
  name: string;
  tax_code: string;
  address: string | null;
  representative: string | null;
  created_at: Date;
}

const mapOrganisation = (r: OrganisationRow): CitizenOrganisation => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  taxCode: r.tax_code,
  address: r.address,
  representative: r.representative,
  createdAt: r.created_at,
});

export async function listOrganisations(db: Queryable, scope: RecordScope): Promise<CitizenOrganisation[]> {
  const params: unknown[] = [];
  const rows = await db.query<OrganisationRow>(
    `SELECT * FROM citizen_organisation WHERE removed_at IS NULL AND ${ownerFilter(scope, 'user_id', params)}
     ORDER BY name, tax_code`,
    params,
  );
  return rows.map(mapOrganisation);
}

/** One organisation of the caller (not removed); null when absent, removed or someone else's. */
export async function findOrganisation(db: Queryable, id: string, scope: RecordScope): Promise<CitizenOrganisation | null> {
  const params: unknown[] = [id];
  const rows = await db.query<OrganisationRow>(
    `SELECT * FROM citizen_organisation WHERE id = $1 AND removed_at IS NULL AND ${ownerFilter(scope, 'user_id', params)}`,
    params,
  );
  return rows[0] ? mapOrganisation(rows[0]) : null;
}

export type OrganisationFields = Pick<CitizenOrganisation, 'name' | 'taxCode' | 'address' | 'representative'>;

/** Adds an organisation; null when the citizen already holds one with this tax code. */
export async function addOrganisation(
  tx: Queryable,
  userId: string,
  fields: OrganisationFields,
  now: Date,
): Promise<CitizenOrganisation | null> {
  const rows = await tx.query<OrganisationRow>(
    `INSERT INTO citizen_organisation (user_id, name, tax_code, address, representative, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (user_id, tax_code) WHERE removed_at IS NULL DO NOTHING RETURNING *`,
    [userId, fields.name, fields.taxCode, fields.address, fields.representative, now],
  );
  return rows[0] ? mapOrganisation(rows[0]) : null;
}

/** Changes an organisation of the caller; null when it is absent or not theirs; 'taken' when the tax code is. */
export async function reviseOrganisation(
  tx: Queryable,
  id: string,
  fields: OrganisationFields,
  scope: RecordScope,
): Promise<CitizenOrganisation | null | 'taken'> {
  const params: unknown[] = [id, fields.name, fields.taxCode, fields.address, fields.representative];
  const owner = ownerFilter(scope, 'user_id', params);
  const [clash] = await tx.query<{ id: string }>(
    `SELECT o.id FROM citizen_organisation o JOIN citizen_organisation self ON self.id = $1 AND self.user_id = o.user_id
     WHERE o.id <> $1 AND o.tax_code = $2 AND o.removed_at IS NULL`,
    [id, fields.taxCode],
  );
  if (clash) return 'taken';
  const rows = await tx.query<OrganisationRow>(
    `UPDATE citizen_organisation SET name = $2, tax_code = $3, address = $4, representative = $5
     WHERE id = $1 AND removed_at IS NULL AND ${owner} RETURNING *`,
    params,
  );
  return rows[0] ? mapOrganisation(rows[0]) : null;
}

/** Removes an organisation of the caller (kept for the audit trail); false when absent or not theirs. */
export async function removeOrganisation(tx: Queryable, id: string, scope: RecordScope, now: Date): Promise<boolean> {
  const params: unknown[] = [id, now];
  const rows = await tx.query(
    `UPDATE citizen_organisation SET removed_at = $2
     WHERE id = $1 AND removed_at IS NULL AND ${ownerFilter(scope, 'user_id', params)} RETURNING id`,
    params,
  );
  return rows.length > 0;
}
