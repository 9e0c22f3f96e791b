/**
 * Lockout with exponential back-off after repeated sign-in failures, counted per key (an account, a client
 * address). Below the threshold nothing is locked; the n-th failure at or past it locks the key for
 * base × 2^(n − threshold) seconds, capped. A key with no failure for `resetAfterSeconds` starts afresh. The
 * lock is checked before the password, so guessing during a lock teaches nothing.
 */
export interface LockoutPolicy {
  readonly threshold: number;
  readonly baseDelaySeconds: number;
  readonly maxDelaySeconds: number;
  readonly resetAfterSeconds: number;
}

/** Per account: 5 free attempts, then 30 s, 60 s, 120 s … up to 1 h. */
export const accountLockoutPolicy: LockoutPolicy = {
  threshold: 5,
  baseDelaySeconds: 30,
  maxDelaySeconds: 3600,
  resetAfterSeconds: 24 * 3600,
};

/** Per client address: generous (offices share one public address), then the same back-off. */
export const addressLockoutPolicy: LockoutPolicy = {
  threshold: 30,
  baseDelaySeconds: 30,
  maxDelaySeconds: 3600,
  resetAfterSeconds: 3600,
};

export interface ThrottleState {
  readonly failures: number;
  readonly lastFailureAt: Date;
  readonly lockedUntil: Date | null;
}

/** Seconds of lock after the given number of consecutive failures (0 below the threshold). */
export function lockoutDelaySeconds(failures: number, policy: LockoutPolicy): number {
  if (failures < policy.threshold) return 0;
  const exponent = Math.min(failures - policy.threshold, 30);
  return Math.min(policy.baseDelaySeconds * 2 ** exponent, policy.maxDelaySeconds);
}

export function registerFailure(state: ThrottleState | null, now: Date, policy: LockoutPolicy): ThrottleState {
  const stale = !state || now.getTime() - state.lastFailureAt.getTime() > policy.resetAfterSeconds * 1000;
  const failures = stale ? 1 : state.failures + 1;
  const delay = lockoutDelaySeconds(failures, policy);
  return { failures, lastFailureAt: now, lockedUntil: delay > 0 ? new Date(now.getTime() + delay * 1000) : null };
}

/** Whole seconds until the key may try again; 0 when it is not locked. */
export function lockRemainingSeconds(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000));
}
