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

/** Opens `path`, signs in as the demo account on the way (password, then TOTP) and waits for the page's heading. */
export async function signInAt(page: Page, path: string, email: string, expectedHeading: string): Promise<void> {
  await page.goto(path);
  await page.getByLabel(/Tài khoản \(thư điện tử\)/).fill(email);
  await page.getByLabel(/^Mật khẩu/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByLabel(/Mã xác thực/).fill(totpCode(DEMO_TOTP_SECRET, new Date()));
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await expect.poll(() => heading(page), { timeout: 15_000 }).toBe(expectedHeading);
}

interface FocusView {
  document: { activeElement: { id: string; textContent: string | null } | null };
}
/** The id of the focused element (keyboard journeys). The e2e files are type-checked without the DOM library. */
export const focusedId = (page: Page) => page.evaluate(() => (globalThis as unknown as FocusView).document.activeElement?.id ?? '');
/** The text of the focused element. */
export const focusedText = (page: Page) => page.evaluate(() => (globalThis as unknown as FocusView).document.activeElement?.textContent ?? '');
