/**
 * The citizen's own pages on a phone: the profile that pre-fills forms (a wrong ID number and a wrong tax code
 * explained before anything is sent), a business added with its tax code, the same tax code refused in plain
 * words, the business changed (a wrong check digit explained) and removed after a confirmation, and the
 * notifications page; every screen checked with axe and screenshotted.
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
  it('saves the profile, explains a wrong ID number and tax code, adds, changes and removes a business, shows notifications', async () => {
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

    const add = page.getByRole('form', { name: 'Thêm doanh nghiệp, tổ chức' });
    await add.getByLabel(/^Tên doanh nghiệp, tổ chức/).fill('Công ty TNHH Sông Hương');
    await add.getByLabel(/^Mã số thuế/).fill('0100233489');
    await add.getByRole('button', { name: 'Thêm doanh nghiệp' }).click();
    await expect.poll(() => page.locator('.error-summary').first().textContent()).toContain('chữ số kiểm tra');
    await review(page, 'profile-errors-phone');
    await add.getByLabel(/^Mã số thuế/).fill('0100233488');
    await add.getByLabel(/^Địa chỉ trụ sở/).fill('20 Lê Lợi, phường Thuận Hóa, Huế');
    await add.getByRole('button', { name: 'Thêm doanh nghiệp' }).click();
    const card = page.locator('.card-list > li').filter({ hasText: 'Công ty TNHH Sông Hương' });
    await expect.poll(() => card.textContent()).toContain('0100233488');
    expect(await card.textContent()).toContain('20 Lê Lợi, phường Thuận Hóa, Huế');
    await review(page, 'profile-saved-phone');

    // the same tax code again: said in plain words, nothing added
    await add.getByLabel(/^Tên doanh nghiệp, tổ chức/).fill('Sông Hương (trùng)');
    await add.getByLabel(/^Mã số thuế/).fill('0100233488');
    await add.getByRole('button', { name: 'Thêm doanh nghiệp' }).click();
    await expect.poll(() => add.locator('..').locator('.error-summary').textContent()).toContain('Bạn đã có một doanh nghiệp với mã số thuế này');
    await add.getByLabel(/^Tên doanh nghiệp, tổ chức/).fill('');
    await add.getByLabel(/^Mã số thuế/).fill('');

    // change it: a wrong check digit is explained in the page, then the change is saved
    await page.getByRole('button', { name: 'Sửa Công ty TNHH Sông Hương' }).click();
    const edit = page.getByRole('form', { name: 'Sửa thông tin: Công ty TNHH Sông Hương' });
    await edit.getByLabel(/^Mã số thuế/).fill('0100109107');
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect.poll(() => edit.locator('..').locator('.error-summary').textContent()).toContain('chữ số kiểm tra');
    await review(page, 'profile-edit-errors-phone');
    await edit.getByLabel(/^Mã số thuế/).fill('0100109106');
    await edit.getByLabel(/^Tên doanh nghiệp, tổ chức/).fill('Công ty CP Đại Nội');
    await edit.getByLabel(/^Người đại diện theo pháp luật/).fill('Nguyễn Văn An');
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Đã lưu thay đổi của doanh nghiệp.').waitFor();
    const changed = page.locator('.card-list > li').filter({ hasText: 'Công ty CP Đại Nội' });
    await expect.poll(() => changed.textContent()).toContain('0100109106');
    const [stored] = await server.db.query<{ name: string; tax_code: string; representative: string }>('SELECT name, tax_code, representative FROM citizen_organisation WHERE removed_at IS NULL');
    expect(stored).toEqual({ name: 'Công ty CP Đại Nội', tax_code: '0100109106', representative: 'Nguyễn Văn An' });

    // remove it: asked first; "keep it" keeps it, confirming removes it
    await page.getByRole('button', { name: 'Xóa Công ty CP Đại Nội' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xóa doanh nghiệp khỏi danh sách' });
    expect(await dialog.textContent()).toContain('Xóa Công ty CP Đại Nội (mã số thuế 0100109106) khỏi danh sách của bạn?');
    await review(page, 'profile-remove-confirm-phone');
    await dialog.getByRole('button', { name: 'Không xóa' }).click();
    expect(await changed.count()).toBe(1);
    await page.getByRole('button', { name: 'Xóa Công ty CP Đại Nội' }).click();
    await dialog.getByRole('button', { name: 'Xóa doanh nghiệp' }).click();
    await page.getByText('Đã xóa doanh nghiệp khỏi danh sách.').waitFor();
    await expect.poll(() => changed.count()).toBe(0);
    const removed = await server.db.query('SELECT 1 FROM citizen_organisation WHERE removed_at IS NOT NULL');
    expect(removed.length).toBe(1);

    await page.goto('/my/notifications');
    await expect.poll(() => heading(page)).toBe('Thông báo');
    await page.getByText('Chưa có thông báo nào.').waitFor();
    await review(page, 'notifications-phone');
    expect(page.url()).not.toContain('046090001234');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});
