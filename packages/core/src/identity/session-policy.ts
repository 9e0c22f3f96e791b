/**
 * Server-side session lifetimes. A session dies at whichever comes first: `idleSeconds` without a request, or
 * `absoluteSeconds` after sign-in. A half-session (password accepted, TOTP code awaited) lives `pendingSeconds`.
 */
export type SessionStage = 'active' | 'totp-pending' | 'totp-enrolment';

export interface SessionPolicy {
  readonly idleSeconds: number;
  readonly absoluteSeconds: number;
  readonly pendingSeconds: number;
}

export interface SessionTimes {
  readonly idleExpiresAt: Date;
  readonly absoluteExpiresAt: Date;
}

const plus = (instant: Date, seconds: number) => new Date(instant.getTime() + seconds * 1000);

export function newSessionTimes(now: Date, stage: SessionStage, policy: SessionPolicy): SessionTimes {
  if (stage !== 'active') {
    const end = plus(now, policy.pendingSeconds);
    return { idleExpiresAt: end, absoluteExpiresAt: end };
  }
  const absoluteExpiresAt = plus(now, policy.absoluteSeconds);
  return { idleExpiresAt: minDate(plus(now, policy.idleSeconds), absoluteExpiresAt), absoluteExpiresAt };
}

export function isSessionLive(session: SessionTimes & { revokedAt: Date | null }, now: Date): boolean {
  return session.revokedAt === null && now < session.idleExpiresAt && now < session.absoluteExpiresAt;
}

/** The idle expiry after a request at `now`; never past the absolute expiry. */
export function extendedIdleExpiry(session: SessionTimes, now: Date, policy: SessionPolicy): Date {
  return minDate(plus(now, policy.idleSeconds), session.absoluteExpiresAt);
}

function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}
