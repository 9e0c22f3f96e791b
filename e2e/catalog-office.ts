/**
 * The catalogue's office pages in browser tests: a signed-in system administrator's page, and opening the draft of
 * a procedure from /office/catalog.
 */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { createOfficer, signIn, type OfficerSpec } from '../test-support/identity';
import { openPage, type TestServer, type ViewportName } from './support';

export const heading = (page: Page) => page.locator('h1').textContent();

export async function catalogAdminPage(
  server: TestServer,
  browser: Browser,
  viewport: ViewportName,
  spec: Pick<OfficerSpec, 'displayName' | 'roles'>,
): Promise<Page> {
  const admin = await createOfficer(server.db, spec);
  const { cookie } = await signIn(server.app, admin, { clock: server.clock });
  const page = await openPage(browser, server.baseUrl, viewport);
  const [name, value] = cookie.split('=') as [string, string];
  await page.context().addCookies([{ name, value, url: server.baseUrl }]);
  return page;
}

export async function openDraft(page: Page, code: string): Promise<void> {
  await page.goto('/office/catalog');
  await expect.poll(() => heading(page)).toBe('Danh mục thủ tục hành chính');
  await page.getByLabel(/^Mã thủ tục/).fill(code);
  await page.getByRole('button', { name: 'Mở bản dự thảo' }).click();
  await expect.poll(() => heading(page)).toMatch(/^Bản dự thảo: /);
}
