/** Server-side sessions, looked up by the SHA-256 of the cookie value. */
import type { SessionStage } from '@motcua/core/identity';
import type { Queryable } from '../kernel/database';

export interface Session {
  readonly idHash: string;
  readonly userId: string;
  readonly stage: SessionStage;
  readonly csrfToken: string;
  readonly pendingTotpSecret: string | null;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly idleExpiresAt: Date;
  readonly absoluteExpiresAt: Date;
  readonly revokedAt: Date | null;
}

interface SessionRow {
  id_hash: string;
  user_id: string;
  stage: SessionStage;
  csrf_token: string;
  pending_totp_secret: string | null;
  created_at: Date;
  last_seen_at: Date;
  idle_expires_at: Date;
  absolute_expires_at: Date;
  revoked_at: Date | null;
}

const COLUMNS = `id_hash, user_id, stage, csrf_token, pending_totp_secret, created_at, last_seen_at, idle_expires_at,
  absolute_expires_at, revoked_at`;

const map = (r: SessionRow): Session => ({
  idHash: r.id_hash,
  userId: r.user_id,
  stage: r.stage,
  csrfToken: r.csrf_token,
  pendingTotpSecret: r.pending_totp_secret,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  idleExpiresAt: r.idle_expires_at,
  absoluteExpiresAt: r.absolute_expires_at,
  revokedAt: r.revoked_at,
});

export type NewSession = Omit<Session, 'revokedAt' | 'lastSeenAt'>;

export async function insertSession(q: Queryable, s: NewSession): Promise<void> {
  await q.query(
    `INSERT INTO user_session (id_hash, user_id, stage, csrf_token, pending_totp_secret, created_at, last_seen_at,
                               idle_expires_at, absolute_expires_at)
     VALUES ($1, $2::uuid, $3, $4, $5, $6, $6, $7, $8)`,
    [s.idHash, s.userId, s.stage, s.csrfToken, s.pendingTotpSecret, s.createdAt, s.idleExpiresAt, s.absoluteExpiresAt],
  );
}

export async function findSession(q: Queryable, idHash: string): Promise<Session | null> {
  const rows = await q.query<SessionRow>(`SELECT ${COLUMNS} FROM user_session WHERE id_hash = $1`, [idHash]);
  return rows[0] ? map(rows[0]) : null;
}

/** Moves the idle expiry; writes at most once a minute per session. */
export async function touchSession(q: Queryable, idHash: string, now: Date, idleExpiresAt: Date): Promise<void> {
  await q.query(
    `UPDATE user_session SET last_seen_at = $2, idle_expires_at = $3
     WHERE id_hash = $1 AND last_seen_at < $2::timestamptz - interval '60 seconds'`,
    [idHash, now, idleExpiresAt],
  );
}

/** Revokes one session; false when it was not live. */
export async function revokeSession(q: Queryable, idHash: string, now: Date, reason: string): Promise<boolean> {
  const rows = await q.query(
    `UPDATE user_session SET revoked_at = $2, revoked_reason = $3 WHERE id_hash = $1 AND revoked_at IS NULL RETURNING 1`,
    [idHash, now, reason],
  );
  return rows.length > 0;
}

/** Revokes every live session of a user (password reset, 2FA reset, admin action); returns how many. */
export async function revokeUserSessions(q: Queryable, userId: string, now: Date, reason: string): Promise<number> {
  const rows = await q.query(
    `UPDATE user_session SET revoked_at = $2, revoked_reason = $3
     WHERE user_id = $1::uuid AND revoked_at IS NULL AND absolute_expires_at > $2 RETURNING 1`,
    [userId, now, reason],
  );
  return rows.length;
}
