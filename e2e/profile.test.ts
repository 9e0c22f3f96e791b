/**
 * The citizen's own pages on a phone: the profile that pre-fills forms (a wrong ID number and a wrong tax code
 * explained before anything is sent), a business added with its tax code, and the notifications page; every
 * screen checked with axe and screenshotted.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCitizen, seedTestOrganization, TEST_PASSWORD, type TestUser } from '../test-support/identity';
import { launchBrowser, openPage, review, startServer, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let citizen: TestUser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await seedTestOrganization(server.db);
  citizen = await createCitizen(server.db, { displayName: 'Nguyễn Văn An', phone: '0912345678' });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const heading = (page: Page) => page.locator('h1').textContent();

describe('profile on a phone', () => {
  it('saves the profile, explains a wrong ID number and tax code, adds a business, shows notifications', async () => {
    const page = await openPage(browser, server.baseUrl, 'phone');
    await page.goto('/login');
    await page.getByLabel(/Thư điện tử hoặc số điện thoại/).fill(citizen.email);
    await page.getByLabel(/^Mật khẩu/).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => heading(page)).toBe('Dịch vụ công trực tuyến');
    await page.getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await expect.poll(() => heading(page)).toBe('Hồ sơ của tôi');
    await review(page, 'my-dossiers-empty-phone');
    await page.getByRole('link', { name: 'Thông tin cá nhân' }).click();
    await expect.poll(() => heading(page)).toBe('Thông tin cá nhân');
    expect(await page.getByLabel(/^Số điện thoại/).inputValue()).toBe('0912345678');

    await page.getByLabel(/^Số định danh cá nhân/).fill('12345');
    await page.getByRole('button', { name: 'Lưu thông tin' }).click();
    await expect.poll(() => page.locator('.error-summary').first().textContent()).toContain('12 chữ số');
    await page.getByLabel(/^Số định danh cá nhân/).fill('046090001234');
    await page.getByLabel(/^Nơi cư trú/).fill('12 Lê Lợi, phường Thuận Hóa, Huế');
    await page.getByRole('button', { name: 'Lưu thông tin' }).click();
    await page.getByText('Đã lưu thông tin cá nhân.').waitFor();
    const [saved] = await server.db.query<{ identity_number: string }>('SELECT identity_number FROM citizen_profile');
    expect(saved?.identity_number).toBe('046090001234');

    await page.getByLabel(/^Tên doanh nghiệp, tổ chức/).fill('Công ty TNHH Sông Hương');
    await page.getByLabel(/^Mã số thuế/).fill('0100233489');
    await page.getByRole('button', { name: 'Thêm doanh nghiệp' }).click();
    await expect.poll(() => page.locator('.error-summary').first().textContent()).toContain('chữ số kiểm tra');
    await review(page, 'profile-errors-phone');
    await page.getByLabel(/^Mã số thuế/).fill('0100233488');
    await page.getByRole('button', { name: 'Thêm doanh nghiệp' }).click();
    await page.getByText('Công ty TNHH Sông Hương — Mã số thuế 0100233488').waitFor();
    await review(page, 'profile-saved-phone');

    await page.goto('/my/notifications');
    await expect.poll(() => heading(page)).toBe('Thông báo');
    await page.getByText('Chưa có thông báo nào.').waitFor();
    await review(page, 'notifications-phone');
    expect(page.url()).not.toContain('046090001234');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});
