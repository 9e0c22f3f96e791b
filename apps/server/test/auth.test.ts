import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { createTestApp, type TestApp } from '../../../test-support/app';
import {
  createCitizen,
  createOfficer,
  seedTestOrganization,
  sessionCookie,
  signIn,
  TEST_PASSWORD,
} from '../../../test-support/identity';

const code = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

describe('sign-in, TOTP, sessions and CSRF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedTestOrganization(t.db);
  });
  afterAll(() => t.close());

  const login = (identifier: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { identifier, password }, headers });

  it('signs a citizen in with the password alone, and out again', async () => {
    const citizen = await createCitizen(t.db, { phone: '0912345678' });
    const res = await login('+84 912 345 678', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'signed-in', user: { id: citizen.id, kind: 'citizen', roles: [] } });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/motcua_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).not.toContain('Secure');
    const cookie = sessionCookie(res.headers['set-cookie']);

    const session = await t.app.inject({ url: '/api/v1/auth/session', headers: { cookie } });
    expect(session.json()).toMatchObject({ user: { id: citizen.id }, csrfToken: res.json().csrfToken });

    const noToken = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('CSRF_REJECTED');
    const wrongToken = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-csrf-token': 'x' } });
    expect(wrongToken.statusCode).toBe(403);

    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-csrf-token': res.json().csrfToken } });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ url: `/api/v1/citizens/${citizen.id}`, headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'AUTH_SESSION_EXPIRED' });
    expect(String(after.headers['set-cookie'])).toContain('motcua_session=;');
  });

  it('answers unknown accounts and wrong passwords the same way', async () => {
    await createCitizen(t.db, { email: 'co-that@motcua.test' });
    const wrong = await login('co-that@motcua.test', 'sai-mật-khẩu-123');
    const unknown = await login('khong-co@motcua.test', 'sai-mật-khẩu-123');
    const garbage = await login('???', 'sai-mật-khẩu-123');
    for (const res of [wrong, unknown, garbage]) {
      expect(res.statusCode).toBe(401);
      const { requestId: _r, instance: _i, ...rest } = res.json();
      expect(rest).toEqual({
        type: 'urn:motcua:problem:auth-invalid-credentials',
        title: 'Tên đăng nhập hoặc mật khẩu không đúng',
        status: 401,
        code: 'AUTH_INVALID_CREDENTIALS',
        detail: 'Wrong identifier or password',
      });
    }
    const audit = await t.db.query<{ summary: Record<string, unknown> }>(
      "SELECT summary FROM audit_event WHERE action = 'identity.login.fail'",
    );
    expect(JSON.stringify(audit)).not.toContain('sai-mật-khẩu');
    expect(JSON.stringify(audit)).not.toContain('khong-co');
  });

  it('takes an officer through the TOTP step, once per code', async () => {
    const officer = await createOfficer(t.db, { roles: [{ role: 'specialist', agencyCode: '000.00.40.H57' }] });
    const first = await login(officer.email, TEST_PASSWORD);
    expect(first.json()).toEqual({ status: 'totp-required' });
    const pending = sessionCookie(first.headers['set-cookie']);
    const halfSession = await t.app.inject({ url: `/api/v1/officers/${officer.id}`, headers: { cookie: pending } });
    expect(halfSession.statusCode).toBe(401);

    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/verify', headers: { cookie: pending }, payload: { code: '000000' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('AUTH_INVALID_TOTP');

    const valid = await code(officer.totpSecret!, t.clock.now());
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/verify', headers: { cookie: pending }, payload: { code: valid } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'signed-in', user: { kind: 'officer', roles: [{ role: 'specialist', agencyCode: '000.00.40.H57' }] } });
    const active = sessionCookie(ok.headers['set-cookie']);
    expect(active).not.toBe(pending);
    expect((await t.app.inject({ url: `/api/v1/officers/${officer.id}`, headers: { cookie: active } })).statusCode).toBe(200);

    const again = await login(officer.email, TEST_PASSWORD);
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/verify',
      headers: { cookie: sessionCookie(again.headers['set-cookie']) },
      payload: { code: valid },
    });
    expect(replay.json().code).toBe('AUTH_INVALID_TOTP');
    const noPending = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/verify', payload: { code: valid } });
    expect(noPending.json().code).toBe('AUTH_NO_PENDING_SIGN_IN');
  });

  it('enrols an officer without TOTP at first sign-in, with a QR code', async () => {
    const officer = await createOfficer(t.db, { roles: [{ role: 'monitor', agencyCode: '000.00.00.H57' }], enrolled: false });
    const res = await login(officer.email, TEST_PASSWORD);
    const body = res.json();
    expect(body.status).toBe('totp-enrolment-required');
    expect(body.enrolment.otpauthUrl).toMatch(/^otpauth:\/\/totp\/MotCua:.*secret=/);
    expect(body.enrolment.qrSvg).toMatch(/^<svg/);
    const cookie = sessionCookie(res.headers['set-cookie']);
    const verifyInstead = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/verify',
      headers: { cookie },
      payload: { code: await code(body.enrolment.secret, t.clock.now()) },
    });
    expect(verifyInstead.json().code).toBe('AUTH_NO_PENDING_SIGN_IN');
    const enrol = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enrol',
      headers: { cookie },
      payload: { code: await code(body.enrolment.secret, t.clock.now()) },
    });
    expect(enrol.statusCode).toBe(200);
    expect(enrol.json().status).toBe('signed-in');
    const next = await login(officer.email, TEST_PASSWORD);
    expect(next.json()).toEqual({ status: 'totp-required' });
  });

  it('locks an account with back-off after five failures, even for the right password', async () => {
    const citizen = await createCitizen(t.db);
    for (let i = 0; i < 5; i++) expect((await login(citizen.email, 'không-đúng-123')).statusCode).toBe(401);
    const locked = await login(citizen.email, TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'AUTH_LOCKED', details: { retryAfterSeconds: 30 } });
    expect(locked.headers['retry-after']).toBe('30');
    // the same answer for an unknown account after as many failures: existence is not revealed
    for (let i = 0; i < 5; i++) await login('nobody-here@motcua.test', 'không-đúng-123');
    expect((await login('nobody-here@motcua.test', 'không-đúng-123')).json()).toMatchObject({ code: 'AUTH_LOCKED' });
  });

  it('rejects malformed JSON, unknown fields and a short password with field messages', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"identifier": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('MALFORMED_JSON');
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { identifier: 'a', password: 'b', admin: true } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('VALIDATION_FAILED');
    const short = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'accept-language': 'en' },
      payload: { fullName: 'Trần Thị B', email: 'b@motcua.test', password: 'ngắn' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([{ field: 'body.password', message: 'The password must have at least 10 characters' }]);
    const same = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { fullName: 'Trần Thị B', email: 'tranthib@motcua.test', password: 'TRANTHIB@motcua.test' },
    });
    expect(same.json().errors[0]).toMatchObject({ field: 'body.password', message: expect.stringContaining('không được trùng') });
  });

  it('registers a citizen, signed in at once; a second registration of the address is refused', async () => {
    const payload = { fullName: 'Lê Văn C', email: 'Le.Van.C@MotCua.test', password: 'một-mật-khẩu-dài' };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'signed-in', user: { kind: 'citizen', displayName: 'Lê Văn C' } });
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { ...payload, email: 'le.van.c@motcua.test' } });
    expect(again.statusCode).toBe(409);
    expect((await login('le.van.c@motcua.test', payload.password)).json().status).toBe('signed-in');
  });

  it('ends a session after the idle time, answering 401 AUTH_SESSION_EXPIRED', async () => {
    const citizen = await createCitizen(t.db);
    const headers = await signIn(t, citizen);
    await t.db.query("UPDATE user_session SET idle_expires_at = '2026-03-02T01:59:59Z' WHERE user_id = $1", [citizen.id]);
    const res = await t.app.inject({ url: `/api/v1/citizens/${citizen.id}`, headers });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_SESSION_EXPIRED');
  });

  it('lists the configured sign-in methods', async () => {
    expect((await t.app.inject('/api/v1/auth/providers')).json()).toEqual({ password: true, oidc: null });
    const start = await t.app.inject('/api/v1/auth/oidc/start');
    expect(start.statusCode).toBe(404);
    expect(start.json().code).toBe('AUTH_PROVIDER_NOT_CONFIGURED');
  });
});

describe('rate limit of the sign-in routes', () => {
  it('answers 429 RATE_LIMITED past the per-minute limit for one address', async () => {
    const t = await createTestApp({ config: { MOTCUA_AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { identifier: 'a@b.vn', password: 'x' } });
        statuses.push(res.statusCode);
        if (res.statusCode === 429) expect(res.json().code).toBe('RATE_LIMITED');
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      const otp = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/verify', payload: { code: '123456' } });
      expect(otp.statusCode).toBe(401); // each route counts on its own
    } finally {
      await t.close();
    }
  });
});
