/** Stable error codes of identity and access; statuses and titles are in the server's problem table. */
export const identityErrorCodes = [
  /** Unknown account or wrong password: one answer for both (never reveals whether the account exists). */
  'AUTH_INVALID_CREDENTIALS',
  /** Too many failures for this account or address; details.retryAfterSeconds. */
  'AUTH_LOCKED',
  'AUTH_INVALID_TOTP',
  /** A TOTP step without the password step before it (or after it expired). */
  'AUTH_NO_PENDING_SIGN_IN',
  /** The session cookie names a session that expired or was revoked. */
  'AUTH_SESSION_EXPIRED',
  'AUTH_ALREADY_REGISTERED',
  'AUTH_PROVIDER_NOT_CONFIGURED',
  'AUTH_OIDC_FAILED',
  'USER_NOT_FOUND',
  'ROLE_GRANT_NOT_FOUND',
] as const;
export type IdentityErrorCode = (typeof identityErrorCodes)[number];
