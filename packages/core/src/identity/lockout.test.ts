import { describe, expect, it } from 'vitest';
import {
  accountLockoutPolicy,
  lockoutDelaySeconds,
  lockRemainingSeconds,
  registerFailure,
  type ThrottleState,
} from './lockout';

const policy = { threshold: 5, baseDelaySeconds: 30, maxDelaySeconds: 3600, resetAfterSeconds: 86_400 };

describe('lockout back-off', () => {
  it('locks nothing below the threshold, then doubles from the base delay up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => lockoutDelaySeconds(n, policy))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10].map((n) => lockoutDelaySeconds(n, policy))).toEqual([30, 60, 120, 240, 480, 960]);
    expect(lockoutDelaySeconds(12, policy)).toBe(3600);
    expect(lockoutDelaySeconds(1000, policy)).toBe(3600);
  });

  it('counts consecutive failures and locks from the fifth', () => {
    let state: ThrottleState | null = null;
    let now = new Date('2026-03-02T02:00:00Z');
    for (let i = 1; i <= 4; i++) {
      state = registerFailure(state, now, accountLockoutPolicy);
      expect(lockRemainingSeconds(state, now)).toBe(0);
    }
    state = registerFailure(state, now, accountLockoutPolicy);
    expect(state.failures).toBe(5);
    expect(lockRemainingSeconds(state, now)).toBe(30);
    now = new Date(now.getTime() + 29_500);
    expect(lockRemainingSeconds(state, now)).toBe(1);
    now = new Date(now.getTime() + 1000);
    expect(lockRemainingSeconds(state, now)).toBe(0);
    state = registerFailure(state, now, accountLockoutPolicy);
    expect(lockRemainingSeconds(state, now)).toBe(60);
  });

  it('starts afresh after a quiet period', () => {
    const start = new Date('2026-03-02T02:00:00Z');
    const old: ThrottleState = { failures: 9, lastFailureAt: start, lockedUntil: null };
    const later = new Date(start.getTime() + 86_401_000);
    expect(registerFailure(old, later, policy)).toEqual({ failures: 1, lastFailureAt: later, lockedUntil: null });
  });
});
