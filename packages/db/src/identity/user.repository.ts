/** Accounts (officers and citizens) and officers' role grants. */
import type { Identifier } from '@motcua/core/identity';
import type { OfficerRole } from '@motcua/core/shared';
import type { Queryable } from '../kernel/database';
import { agencyFilter, ownerFilter, type RecordScope } from '../kernel/scope';

export type UserKind = 'officer' | 'citizen';

export interface User {
  readonly id: string;
  readonly kind: UserKind;
  readonly displayName: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly passwordHash: string | null;
  readonly totpSecret: string | null;
  readonly totpEnrolledAt: Date | null;
  readonly totpLastStep: number | null;
  readonly isDemo: boolean;
  readonly isActive: boolean;
  readonly createdAt: Date;
}

export interface GrantWithAgency {
  readonly id: string;
  readonly role: OfficerRole;
  readonly agencyId: string;
  readonly agencyCode: string;
  readonly agencyName: string;
  readonly includeSubAgencies: boolean;
  readonly grantedAt: Date;
}

const USER_COLUMNS = `id, kind, display_name, email, phone, password_hash, totp_secret, totp_enrolled_at, totp_last_step,
  is_demo, is_active, created_at`;

interface UserRow {
  id: string;
  kind: UserKind;
  display_name: string;
  email: string | null;
  phone: string | null;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enrolled_at: Date | null;
  totp_last_step: number | null;
  is_demo: boolean;
  is_active: boolean;
  created_at: Date;
}

function mapUser(r: UserRow): User {
  return {
    id: r.id,
    kind: r.kind,
    displayName: r.display_name,
    email: r.email,
    phone: r.phone,
    passwordHash: r.password_hash,
    totpSecret: r.totp_secret,
    totpEnrolledAt: r.totp_enrolled_at,
    totpLastStep: r.totp_last_step,
    isDemo: r.is_demo,
    isActive: r.is_active,
    createdAt: r.created_at,
  };
}

export interface NewUser {
  readonly kind: UserKind;
  readonly displayName: string;
  /** Normalised (see @motcua/core/identity parseIdentifier). */
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly passwordHash?: string | null;
  readonly totpSecret?: string | null;
  readonly totpEnrolledAt?: Date | null;
  readonly isDemo?: boolean;
  readonly createdAt: Date;
}

/** Inserts an account; null when the e-mail address or phone number is already registered. */
export async function insertUser(q: Queryable, user: NewUser): Promise<User | null> {
  const rows = await q.query<UserRow>(
    `INSERT INTO app_user (kind, display_name, email, phone, password_hash, totp_secret, totp_enrolled_at, is_demo, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT DO NOTHING
     RETURNING ${USER_COLUMNS}`,
    [
      user.kind,
      user.displayName,
      user.email ?? null,
      user.phone ?? null,
      user.passwordHash ?? null,
      user.totpSecret ?? null,
      user.totpEnrolledAt ?? null,
      user.isDemo ?? false,
      user.createdAt,
    ],
  );
  return rows[0] ? mapUser(rows[0]) : null;
}

export async function findUserById(q: Queryable, id: string): Promise<User | null> {
  const rows = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM app_user WHERE id = $1::uuid`, [id]);
  return rows[0] ? mapUser(rows[0]) : null;
}

export async function findUserByIdentifier(q: Queryable, identifier: Identifier): Promise<User | null> {
  const column = identifier.kind === 'email' ? 'email' : 'phone';
  const rows = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM app_user WHERE ${column} = $1`, [identifier.value]);
  return rows[0] ? mapUser(rows[0]) : null;
}

export async function setPasswordHash(q: Queryable, userId: string, passwordHash: string): Promise<void> {
  await q.query('UPDATE app_user SET password_hash = $2 WHERE id = $1::uuid', [userId, passwordHash]);
}

export async function setTotpSecret(q: Queryable, userId: string, secret: string | null, enrolledAt: Date | null): Promise<void> {
  await q.query(
    'UPDATE app_user SET totp_secret = $2, totp_enrolled_at = $3, totp_last_step = NULL WHERE id = $1::uuid',
    [userId, secret, enrolledAt],
  );
}

/**
 * Records that the TOTP code of `timeStep` was used. False when that step (or a later one) was used before:
 * a code is accepted once, even by two requests racing each other.
 */
export async function consumeTotpStep(q: Queryable, userId: string, timeStep: number): Promise<boolean> {
  const rows = await q.query(
    `UPDATE app_user SET totp_last_step = $2
     WHERE id = $1::uuid AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
    [userId, timeStep],
  );
  return rows.length === 1;
}

interface GrantRow {
  id: string;
  role: OfficerRole;
  agency_id: string;
  agency_code: string;
  agency_name: string;
  include_sub_agencies: boolean;
  granted_at: Date;
}

/** The officer's active grants with their agencies' codes and names, in a stable order. */
export async function listActiveGrants(q: Queryable, userId: string): Promise<GrantWithAgency[]> {
  const rows = await q.query<GrantRow>(
    `SELECT g.id, g.role, g.agency_id, a.code AS agency_code, a.name AS agency_name, g.include_sub_agencies, g.granted_at
     FROM role_grant g JOIN agency a ON a.id = g.agency_id
     WHERE g.user_id = $1::uuid AND g.revoked_at IS NULL
     ORDER BY a.code, g.role`,
    [userId],
  );
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    agencyId: r.agency_id,
    agencyCode: r.agency_code,
    agencyName: r.agency_name,
    includeSubAgencies: r.include_sub_agencies,
    grantedAt: r.granted_at,
  }));
}

/** Grants a role; returns the grant id, or null when the same active grant exists. */
export async function grantRole(
  q: Queryable,
  grant: { userId: string; role: OfficerRole; agencyId: string; includeSubAgencies: boolean; grantedAt: Date },
): Promise<string | null> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO role_grant (user_id, role, agency_id, include_sub_agencies, granted_at)
     VALUES ($1::uuid, $2, $3::uuid, $4, $5)
     ON CONFLICT (user_id, role, agency_id) WHERE revoked_at IS NULL DO NOTHING
     RETURNING id`,
    [grant.userId, grant.role, grant.agencyId, grant.includeSubAgencies, grant.grantedAt],
  );
  return rows[0]?.id ?? null;
}

/** Revokes one active grant of the user; null when the user has no active grant with that id. */
export async function revokeGrant(q: Queryable, userId: string, grantId: string, revokedAt: Date): Promise<GrantWithAgency | null> {
  const grants = await listActiveGrants(q, userId);
  const grant = grants.find((g) => g.id === grantId);
  if (!grant) return null;
  await q.query('UPDATE role_grant SET revoked_at = $2 WHERE id = $1::uuid', [grantId, revokedAt]);
  return grant;
}

/**
 * An officer as another officer may see it: only when one of the target's active grants is on an agency in
 * the caller's scope. Null for absent and out-of-scope alike.
 */
export async function findOfficerInScope(q: Queryable, id: string, scope: RecordScope): Promise<User | null> {
  const params: unknown[] = [id];
  const rows = await q.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM app_user u
     WHERE u.id = $1::uuid AND u.kind = 'officer'
       AND EXISTS (SELECT 1 FROM role_grant g
                   WHERE g.user_id = u.id AND g.revoked_at IS NULL AND ${agencyFilter(scope, 'g.agency_id', params)})`,
    params,
  );
  return rows[0] ? mapUser(rows[0]) : null;
}

/** Officers with an active grant on an agency in scope, by name. */
export async function listOfficersInScope(q: Queryable, scope: RecordScope, limit = 200): Promise<User[]> {
  const params: unknown[] = [limit];
  const rows = await q.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM app_user u
     WHERE u.kind = 'officer'
       AND EXISTS (SELECT 1 FROM role_grant g
                   WHERE g.user_id = u.id AND g.revoked_at IS NULL AND ${agencyFilter(scope, 'g.agency_id', params)})
     ORDER BY u.display_name, u.id LIMIT $1`,
    params,
  );
  return rows.map(mapUser);
}

/** A citizen account as the caller may see it: only their own. */
export async function findCitizenInScope(q: Queryable, id: string, scope: RecordScope): Promise<User | null> {
  const params: unknown[] = [id];
  const rows = await q.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM app_user WHERE id = $1::uuid AND kind = 'citizen' AND ${ownerFilter(scope, 'id', params)}`,
    params,
  );
  return rows[0] ? mapUser(rows[0]) : null;
}
