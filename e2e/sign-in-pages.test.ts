/**
 * The sign-in and registration pages on their own: protected areas send visitors to their sign-in page (and
 * remember where they were going), and the forms explain what is missing before anything is sent. The full
 * journeys against the identity API are in auth-journeys.test.ts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, review, startServer, viewportNames, type TestServer } from './support';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const path = (page: Page) => {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
};
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = (globalThis as unknown as { document: { activeElement: { id: string; className: string } } }).document.activeElement;
    return { id: element.id, className: element.className };
  });

describe.each(viewportNames)('sign-in pages on a %s', (viewport) => {
  it('sends a visitor of the officer workspace to the officer sign-in, which checks the form before sending', async () => {
    const page = await openPage(browser, server.baseUrl, viewport);
    await page.goto('/office');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Đăng nhập dành cho cán bộ');
    expect(path(page)).toBe('/office/login?returnTo=%2Foffice');
    expect(await page.title()).toBe('Đăng nhập dành cho cán bộ — Không gian làm việc cán bộ');
    await review(page, `office-login-${viewport}`);

    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa trước khi tiếp tục' });
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual(['Nhập tài khoản', 'Nhập mật khẩu']);
    expect((await focused(page)).className).toBe('error-summary');
    expect(await page.getByLabel(/Tài khoản \(thư điện tử\)/).getAttribute('aria-invalid')).toBe('true');
    await review(page, `office-login-errors-${viewport}`);
    await summary.getByRole('link', { name: 'Nhập mật khẩu' }).click();
    expect((await focused(page)).id).toBe('officer-password');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });

  it('sends a visitor of the dashboards to the officer sign-in too', async () => {
    const page = await openPage(browser, server.baseUrl, viewport);
    await page.goto('/dashboard/khong-co');
    await expect.poll(() => path(page)).toBe('/office/login?returnTo=%2Fdashboard%2Fkhong-co');
    await page.context().close();
  });

  it('shows the citizen sign-in and the registration form, with their own checks', async () => {
    const page = await openPage(browser, server.baseUrl, viewport);
    await page.goto('/login');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Đăng nhập');
    await review(page, `citizen-login-${viewport}`);

    await page.getByRole('main').getByRole('link', { name: 'Đăng ký tài khoản' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Đăng ký tài khoản');
    expect(path(page)).toBe('/register');
    await review(page, `register-${viewport}`);

    await page.getByLabel(/Họ và tên/).fill('Nguyễn Thị Hoa');
    await page.getByLabel('Số điện thoại').fill('09123');
    await page.getByLabel(/^Mật khẩu/).fill('ngắn');
    await page.getByLabel(/Nhập lại mật khẩu/).fill('khác');
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa trước khi tiếp tục' });
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Số điện thoại gồm 10 chữ số và bắt đầu bằng 0',
      'Mật khẩu cần ít nhất 10 ký tự',
      'Hai mật khẩu không giống nhau',
    ]);
    await review(page, `register-errors-${viewport}`);
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});
