/** OpenID Connect: identities linked to citizen accounts by (issuer, sub), and pending authorization states. */
import type { Queryable } from '../kernel/database';

export interface OidcLoginState {
  readonly state: string;
  readonly codeVerifier: string;
  readonly nonce: string;
  readonly returnTo: string;
  readonly expiresAt: Date;
}

export async function saveOidcLoginState(q: Queryable, s: OidcLoginState): Promise<void> {
  await q.query(
    'INSERT INTO oidc_login_state (state, code_verifier, nonce, return_to, expires_at) VALUES ($1, $2, $3, $4, $5)',
    [s.state, s.codeVerifier, s.nonce, s.returnTo, s.expiresAt],
  );
}

/** Takes (and deletes) a state: each one is usable once. Null when unknown or expired. */
export async function takeOidcLoginState(q: Queryable, state: string, now: Date): Promise<OidcLoginState | null> {
  const rows = await q.query<{ state: string; code_verifier: string; nonce: string; return_to: string; expires_at: Date }>(
    'DELETE FROM oidc_login_state WHERE state = $1 RETURNING state, code_verifier, nonce, return_to, expires_at',
    [state],
  );
  await q.query('DELETE FROM oidc_login_state WHERE expires_at < $1', [now]);
  const r = rows[0];
  if (!r || r.expires_at <= now) return null;
  return { state: r.state, codeVerifier: r.code_verifier, nonce: r.nonce, returnTo: r.return_to, expiresAt: r.expires_at };
}

export async function findOidcIdentityUser(q: Queryable, issuer: string, subject: string): Promise<string | null> {
  const rows = await q.query<{ user_id: string }>(
    'SELECT user_id FROM oidc_identity WHERE issuer = $1 AND subject = $2',
    [issuer, subject],
  );
  return rows[0]?.user_id ?? null;
}

export async function linkOidcIdentity(q: Queryable, issuer: string, subject: string, userId: string, now: Date): Promise<void> {
  await q.query(
    'INSERT INTO oidc_identity (issuer, subject, user_id, linked_at) VALUES ($1, $2, $3::uuid, $4) ON CONFLICT DO NOTHING',
    [issuer, subject, userId, now],
  );
}
