/**
 * What the officer journeys share (e2e/office-*.test.ts): a server with the demo data of `motcua seed --demo`, and
 * signing a demo account in through the real password + TOTP pages (the published demo secret, as the README says).
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { seedDemo } from '../apps/server/src/seed/seed-demo';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../apps/server/src/identity/identity.seed';
import { startServer, totpCode, type TestServer } from './support';

export async function startDemoServer(): Promise<TestServer> {
  const server = await startServer();
  await seedDemo({ db: server.db, clock: server.clock, config: server.config });
  return server;
}

export const heading = (page: Page) => page.locator('h1').textContent();

/**
 * Opens `path`, signs in as the demo account on the way (password, then TOTP) and waits for the page's heading.
 * `credentials`: another officer's (a test officer's password and TOTP secret).
 */
export async function signInAt(
  page: Page,
  path: string,
  email: string,
  expectedHeading: string,
  credentials: { password: string; totpSecret: string } = { password: DEMO_PASSWORD, totpSecret: DEMO_TOTP_SECRET },
): Promise<void> {
  await page.goto(path);
  await page.getByLabel(/Tài khoản \(thư điện tử\)/).fill(email);
  await page.getByLabel(/^Mật khẩu/).fill(credentials.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByLabel(/Mã xác thực/).fill(totpCode(credentials.totpSecret, new Date()));
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await expect.poll(() => heading(page), { timeout: 15_000 }).toBe(expectedHeading);
}

/** A citizen signs in on the portal's page and lands on its home. */
export async function signInCitizen(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/Thư điện tử hoặc số điện thoại/).fill(email);
  await page.getByLabel(/^Mật khẩu/).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect.poll(() => heading(page)).toBe('Dịch vụ công trực tuyến');
}

interface FocusView {
  document: { activeElement: { id: string; textContent: string | null } | null };
}
/** The id of the focused element (keyboard journeys). The e2e files are type-checked without the DOM library. */
export const focusedId = (page: Page) => page.evaluate(() => (globalThis as unknown as FocusView).document.activeElement?.id ?? '');
/** The text of the focused element. */
export const focusedText = (page: Page) => page.evaluate(() => (globalThis as unknown as FocusView).document.activeElement?.textContent ?? '');

/** A demo account signed in over the API (password + TOTP), for the parts of a journey another screen owns. */
export interface ApiSession {
  get<T = Record<string, unknown>>(path: string): Promise<T>;
  post<T = Record<string, unknown>>(path: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
}

export async function apiSignIn(baseUrl: string, email: string): Promise<ApiSession> {
  const base = `${baseUrl}/api/v1`;
  const json = { 'content-type': 'application/json' };
  let response = await fetch(`${base}/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ identifier: email, password: DEMO_PASSWORD }) });
  let cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  let answer = (await response.json()) as { status: string; csrfToken?: string };
  if (answer.status !== 'signed-in') {
    // officers: the second factor
    response = await fetch(`${base}/auth/totp/verify`, {
      method: 'POST',
      headers: { ...json, cookie },
      body: JSON.stringify({ code: totpCode(DEMO_TOTP_SECRET, new Date()) }),
    });
    if (!response.ok) throw new Error(`${email}: TOTP refused (${response.status})`);
    cookie = response.headers.get('set-cookie')?.split(';')[0] ?? cookie;
    answer = (await response.json()) as { status: string; csrfToken?: string };
  }
  const csrfToken = answer.csrfToken ?? '';
  const call = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : json), cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return { get: (path) => call('GET', path), post: (path, body, headers) => call('POST', path, body, headers) };
}

/**
 * Receives a counter dossier (an officer's session) or submits one online (the citizen's) for "Thủ tục đăng ký
 * khai sinh" at the Phú Xuân desk, through the API.
 */
export async function receiveBirthRegistration(session: ApiSession, applicantName: string): Promise<{ id: string; code: string; version: number }> {
  const detail = await session.get<{ versionId: string; content: { cases: { id: string }[] } }>('/procedures/1.001193');
  const { agencies } = await session.get<{ agencies: { id: string; code: string }[] }>('/agencies?kind=desk');
  const desk = agencies.find((a) => a.code === '001.01.40.H57')!;
  return session.post('/dossiers', {
    procedureVersionId: detail.versionId,
    caseCode: detail.content.cases[0]!.id,
    receivingAgencyId: desk.id,
    parties: [{ role: 'applicant', fullName: applicantName, phone: '0905123456' }],
    summary: `Đăng ký khai sinh — ${applicantName}`,
    documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1 }],
  });
}
