import { describe, expect, it } from 'vitest';
import { parseIdentifier } from './identifier';
import { checkPassword } from './password-policy';
import { extendedIdleExpiry, isSessionLive, newSessionTimes } from './session-policy';

describe('identifiers', () => {
  it.each([
    ['  NguoiDan@MotCua.Demo ', { kind: 'email', value: 'nguoidan@motcua.demo' }],
    ['+84 912 345 678', { kind: 'phone', value: '0912345678' }],
    ['84912345678', { kind: 'phone', value: '0912345678' }],
    ['0234.382.1234', { kind: 'phone', value: '02343821234' }],
    ['not an address@', null],
    ['12345', null],
  ])('normalises %j', (raw, expected) => {
    expect(parseIdentifier(raw)).toEqual(expected);
  });
});

describe('password policy', () => {
  it('asks for ten characters, not the identifier, not a repeated character', () => {
    expect(checkPassword('ngắn')).toBe('too-short');
    expect(checkPassword('aaaaaaaaaaaa')).toBe('repetitive');
    expect(checkPassword('a@b.vn', ['A@B.VN'])).toBe('too-short');
    expect(checkPassword('ab@motcua.vn', ['AB@MOTCUA.VN'])).toBe('same-as-identifier');
    expect(checkPassword('MotCua@2026')).toBeNull();
  });
});

describe('session lifetimes', () => {
  const policy = { idleSeconds: 1800, absoluteSeconds: 12 * 3600, pendingSeconds: 300 };
  const now = new Date('2026-03-02T02:00:00Z');

  it('expires on idle time and never outlives the absolute limit', () => {
    const times = newSessionTimes(now, 'active', policy);
    expect(times.idleExpiresAt).toEqual(new Date('2026-03-02T02:30:00Z'));
    expect(times.absoluteExpiresAt).toEqual(new Date('2026-03-02T14:00:00Z'));
    const live = { ...times, revokedAt: null };
    expect(isSessionLive(live, new Date('2026-03-02T02:29:59Z'))).toBe(true);
    expect(isSessionLive(live, new Date('2026-03-02T02:30:00Z'))).toBe(false);
    expect(extendedIdleExpiry(times, new Date('2026-03-02T13:50:00Z'), policy)).toEqual(times.absoluteExpiresAt);
    expect(isSessionLive({ ...live, revokedAt: now }, now)).toBe(false);
  });

  it('gives a half-session five minutes', () => {
    const times = newSessionTimes(now, 'totp-pending', policy);
    expect(times.absoluteExpiresAt).toEqual(new Date('2026-03-02T02:05:00Z'));
  });
});
