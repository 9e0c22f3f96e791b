/**
 * Citizens' single sign-on against a real OpenID Connect provider (oidc-provider, on 127.0.0.1 in this test):
 * authorization code + PKCE + state + nonce, account created at first sign-in and found again by `sub`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// oidc-provider ships no type declarations; this test uses a small, stable part of its API.
// @ts-expect-error -- untyped module
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app';
import { sessionCookie } from '../../../test-support/identity';

/** Where MotCua is served in this test (oidc-provider refuses localhost redirect URIs for web clients). */
const PUBLIC_URL = 'http://motcua.test';
const CLIENT = { client_id: 'motcua', client_secret: 'motcua-test-client-secret-0123456789' };

async function startProvider() {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = () => undefined;
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ ...CLIENT, redirect_uris: [`${PUBLIC_URL}/api/v1/auth/oidc/callback`], grant_types: ['authorization_code'] }],
    cookies: { keys: ['khóa-cookie-thử-nghiệm'] },
    claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'] },
    pkce: { required: () => true },
    async findAccount(_ctx: unknown, id: string) {
      return {
        accountId: id,
        claims: async () => ({ sub: id, name: 'Phan Thị Định Danh', email: `${id}@vneid.test`, email_verified: true }),
      };
    },
  });
  handler = provider.callback();
  return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A browser's walk through the provider: follow redirects, log in as `account`, consent. */
async function walkProvider(start: string, account: string): Promise<string> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let url = start;
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(`${PUBLIC_URL}/`)) return url;
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: { cookie: cookieHeader(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      jar.set(k!, v ?? '');
    }
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url).href;
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`provider answered ${res.status} at ${method} ${url}: ${html.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").slice(-400)}`);
    method = 'POST';
    body = html.includes('name="login"') ? `prompt=login&login=${account}&password=x` : 'prompt=consent';
  }
  throw new Error('too many hops');
}

describe('OpenID Connect sign-in for citizens', () => {
  let idp: Awaited<ReturnType<typeof startProvider>>;
  let t: TestApp;
  beforeAll(async () => {
    idp = await startProvider();
    t = await createTestApp({
      config: { MOTCUA_PUBLIC_URL: PUBLIC_URL, MOTCUA_OIDC_ISSUER: idp.issuer, MOTCUA_OIDC_CLIENT_ID: CLIENT.client_id, MOTCUA_OIDC_CLIENT_SECRET: CLIENT.client_secret },
    });
  });
  afterAll(async () => {
    await t.close();
    await idp.close();
  });

  let replayUrl = '';
  const signInThroughProvider = async (account: string, returnTo = '/ho-so/cua-toi') => {
    const start = await t.app.inject(`/api/v1/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`);
    expect(start.statusCode).toBe(302);
    const authorize = new URL(start.headers.location!);
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    const callback = new URL(await walkProvider(authorize.href, account));
    replayUrl = `${callback.pathname}${callback.search}`;
    return t.app.inject(`${callback.pathname}${callback.search}`);
  };

  it('lists the provider among the sign-in methods', async () => {
    expect((await t.app.inject('/api/v1/auth/providers')).json()).toEqual({
      password: true,
      oidc: { displayName: 'Tài khoản định danh điện tử', startUrl: '/api/v1/auth/oidc/start' },
    });
  });

  it('signs a new citizen in, creates the account and links it by sub; the next sign-in finds it', async () => {
    const done = await signInThroughProvider('cccd-046190000001');
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe('/ho-so/cua-toi');
    const cookie = sessionCookie(done.headers['set-cookie']);
    const session = (await t.app.inject({ url: '/api/v1/auth/session', headers: { cookie } })).json();
    expect(session.user).toMatchObject({ kind: 'citizen', displayName: 'Phan Thị Định Danh', roles: [] });
    const own = await t.app.inject({ url: `/api/v1/citizens/${session.user.id}`, headers: { cookie } });
    expect(own.json()).toMatchObject({ email: 'cccd-046190000001@vneid.test', hasPassword: false });

    const again = await signInThroughProvider('cccd-046190000001', '/');
    const second = (await t.app.inject({ url: '/api/v1/auth/session', headers: { cookie: sessionCookie(again.headers['set-cookie']) } })).json();
    expect(second.user.id).toBe(session.user.id);
    const links = await t.db.query('SELECT subject FROM oidc_identity');
    expect(links).toEqual([{ subject: 'cccd-046190000001' }]);
  });

  it('refuses a replayed or unknown state and an outside returnTo', async () => {
    const done = await signInThroughProvider('cccd-046190000002');
    expect(done.statusCode).toBe(302);
    const replay = await t.app.inject(replayUrl);
    expect(replay.statusCode).toBe(400);
    expect(replay.json().code).toBe('AUTH_OIDC_FAILED');
    const outside = await t.app.inject('/api/v1/auth/oidc/start?returnTo=//evil.example/x');
    expect(outside.statusCode).toBe(400);
    const absolute = await t.app.inject('/api/v1/auth/oidc/start?returnTo=https://evil.example/');
    expect(absolute.statusCode).toBe(400);
  });

  it('returns to the page with authError when the provider reports an error', async () => {
    const start = await t.app.inject('/api/v1/auth/oidc/start?returnTo=/dang-nhap');
    const state = new URL(start.headers.location!).searchParams.get('state');
    const res = await t.app.inject(`/api/v1/auth/oidc/callback?error=access_denied&state=${state}`);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/dang-nhap?authError=oidc');
  });
});
