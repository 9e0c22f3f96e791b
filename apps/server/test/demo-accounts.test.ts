import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { createTestApp, type TestApp } from '../../../test-support/app';
import { sessionCookie } from '../../../test-support/identity';
import { DEMO_CITIZEN_EMAIL, DEMO_PASSWORD, DEMO_TOTP_SECRET, demoOfficers } from '../src/identity/identity.seed';
import { createOfficerAccount, demoTotpCode, resetTwoFactor } from '../src/identity/user-admin';
import { seedDemo } from '../src/seed/seed-demo';

describe('demo accounts and account administration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo({ db: t.db, clock: t.clock, config: t.config });
  });
  afterAll(() => t.close());

  const login = (identifier: string, password = DEMO_PASSWORD) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { identifier, password } });

  it('seeds one officer per role for the city centre and Phường Phú Xuân, an administrator and a citizen', async () => {
    expect(demoOfficers).toHaveLength(13);
    const rows = await t.db.query<{ email: string; role: string; code: string }>(
      `SELECT u.email, g.role, a.code FROM app_user u JOIN role_grant g ON g.user_id = u.id JOIN agency a ON a.id = g.agency_id
       WHERE u.is_demo ORDER BY u.email`,
    );
    expect(rows).toHaveLength(13);
    expect(new Set(rows.filter((r) => r.email.endsWith('.phuxuan@motcua.demo')).map((r) => r.role)).size).toBe(6);
    expect((await login(DEMO_CITIZEN_EMAIL)).json().status).toBe('signed-in');
    // seeding again changes nothing
    await seedDemo({ db: t.db, clock: t.clock, config: t.config });
    expect(await t.db.query('SELECT 1 FROM app_user WHERE is_demo')).toHaveLength(14);
  });

  it('lets a newcomer sign in as a demo officer with the published TOTP secret', async () => {
    const first = await login('tiepnhan.phuxuan@motcua.demo');
    expect(first.json()).toEqual({ status: 'totp-required' });
    const code = await generate({ secret: DEMO_TOTP_SECRET, epoch: Math.floor(t.clock.now().getTime() / 1000) });
    expect(await demoTotpCode(t, 'tiepnhan.phuxuan@motcua.demo')).toEqual({ ok: true, value: code });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/verify',
      headers: { cookie: sessionCookie(first.headers['set-cookie']) },
      payload: { code },
    });
    expect(res.json()).toMatchObject({
      status: 'signed-in',
      user: { roles: [{ role: 'reception_officer', agencyCode: '000.01.40.H57' }] },
    });
  });

  it('creates officers from the CLI use case, who enrol at first sign-in; refuses bad input', async () => {
    const ok = await createOfficerAccount(t, 'cli:test', {
      email: 'Can.Bo.Moi@Hue.gov.vn',
      password: 'mật-khẩu-cán-bộ',
      role: 'specialist',
      agencyCode: '000.00.01.H57',
    });
    expect(ok.ok).toBe(true);
    expect((await login('can.bo.moi@hue.gov.vn', 'mật-khẩu-cán-bộ')).json().status).toBe('totp-enrolment-required');
    const bad = await Promise.all([
      createOfficerAccount(t, 'cli:test', { email: 'x@hue.gov.vn', password: 'mật-khẩu-cán-bộ', role: 'mayor', agencyCode: '000.00.01.H57' }),
      createOfficerAccount(t, 'cli:test', { email: 'x@hue.gov.vn', password: 'ngắn', role: 'specialist', agencyCode: '000.00.01.H57' }),
      createOfficerAccount(t, 'cli:test', { email: 'x@hue.gov.vn', password: 'mật-khẩu-cán-bộ', role: 'specialist', agencyCode: '000.00.99.H57' }),
      createOfficerAccount(t, 'cli:test', { email: 'can.bo.moi@hue.gov.vn', password: 'mật-khẩu-cán-bộ', role: 'specialist', agencyCode: '000.00.01.H57' }),
    ]);
    expect(bad.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'VALIDATION_FAILED',
      'VALIDATION_FAILED',
      'AGENCY_NOT_FOUND',
      'AUTH_ALREADY_REGISTERED',
    ]);
    const refused = await demoTotpCode(t, 'can.bo.moi@hue.gov.vn');
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
  });

  it('resets an officer’s second factor and ends their sessions, audited', async () => {
    const email = 'lanhdao.thanhpho@motcua.demo';
    const first = await login(email);
    const code = await generate({ secret: DEMO_TOTP_SECRET, epoch: Math.floor(t.clock.now().getTime() / 1000) + 30 });
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/verify',
      headers: { cookie: sessionCookie(first.headers['set-cookie']) },
      payload: { code },
    });
    const cookie = sessionCookie(signedIn.headers['set-cookie']);
    expect((await t.app.inject({ url: '/api/v1/auth/session', headers: { cookie } })).json().user).not.toBeNull();
    expect(await resetTwoFactor(t, 'cli:test', email)).toEqual({ ok: true, value: { revokedSessions: 1 } });
    expect((await t.app.inject({ url: '/api/v1/auth/session', headers: { cookie } })).json().user).toBeNull();
    expect((await login(email)).json().status).toBe('totp-enrolment-required');
    const audit = await t.db.query("SELECT 1 FROM audit_event WHERE action = 'identity.totp.reset'");
    expect(audit).toHaveLength(1);
  });
});
