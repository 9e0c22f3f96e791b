/**
 * The citizen portal's frame in a real browser: the home page in Vietnamese and, after the switch, in English
 * (remembered across visits); the 404 page; each at phone and counter size, checked with axe-core, screenshotted.
 */
import type { Browser } from 'playwright-core';
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

describe.each(viewportNames)('portal on a %s', (viewport) => {
  it('shows the home page in Vietnamese, switches to English and remembers it', async () => {
    const page = await openPage(browser, server.baseUrl, viewport);
    await page.goto('/');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dịch vụ công trực tuyến');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.title()).toBe('Dịch vụ công trực tuyến — Cổng Dịch vụ công — thành phố Huế');
    expect(await page.getByRole('link', { name: 'Cổng Dịch vụ công — thành phố Huế' }).isVisible()).toBe(true);
    expect(await page.getByRole('search').count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Tài khoản' }).getByRole('link', { name: 'Đăng nhập' }).isVisible()).toBe(true);
    await review(page, `portal-home-vi-${viewport}`);

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Online public services');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe('Online public services — Public Service Portal — Huế City');
    await review(page, `portal-home-en-${viewport}`);

    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Online public services');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dịch vụ công trực tuyến');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });

  it('answers an unknown address with the portal’s 404 page, which leads home', async () => {
    const page = await openPage(browser, server.baseUrl, viewport);
    await page.goto('/khong-co-trang-nay');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Không tìm thấy trang');
    expect(await page.title()).toBe('Không tìm thấy trang — Cổng Dịch vụ công — thành phố Huế');
    expect(await page.getByRole('search').count()).toBe(1);
    await review(page, `portal-404-${viewport}`);
    await page.getByRole('main').getByRole('link', { name: 'Về trang chủ' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dịch vụ công trực tuyến');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});

describe('portal keyboard use', () => {
  it('offers a skip link first, which moves focus to the main content', async () => {
    const page = await openPage(browser, server.baseUrl, 'counter');
    await page.goto('/');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dịch vụ công trực tuyến');
    await page.keyboard.press('Tab');
    const first = page.locator(':focus');
    expect(await first.textContent()).toBe('Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('main');
    await page.context().close();
  });
});
