/**
 * Signing in and out through the real identity API: an officer with the TOTP step (and, the first time, the
 * enrolment), landing in the workspace and the dashboards; a citizen registering, signing out and in again; and
 * the API's problem titles arriving in the chosen language. Every screen checked with axe at both sizes.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficer, seedTestOrganization, TEST_PASSWORD } from '../test-support/identity';
import { launchBrowser, openPage, review, startServer, totpCode, viewportNames, type TestServer } from './support';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await seedTestOrganization(server.db);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const heading = (page: Page) => page.locator('h1').textContent();
const pathOf = (page: Page) => new URL(page.url()).pathname;
const errorSummary = (page: Page) => page.getByRole('alert').filter({ hasText: /Có lỗi cần sửa|There is a problem/ });

describe.each(viewportNames)('officer on a %s', (viewport) => {
  it('signs in with password and TOTP code, works in the office and dashboards, and signs out', async () => {
    const officer = await createOfficer(server.db, {
      displayName: 'Trần Thị Lan',
      roles: [{ role: 'reception_officer', agencyCode: '000.00.40.H57' }],
    });
    const page = await openPage(browser, server.baseUrl, viewport);
    await page.goto('/office');
    await expect.poll(() => heading(page)).toBe('Đăng nhập dành cho cán bộ');
    await page.getByLabel(/Tài khoản \(thư điện tử\)/).fill(officer.email);
    await page.getByLabel(/^Mật khẩu/).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    const totpHeading = page.getByRole('heading', { name: 'Nhập mã xác thực' });
    await totpHeading.waitFor();
    expect(await totpHeading.evaluate((h) => h === (h.ownerDocument as { activeElement: unknown }).activeElement)).toBe(true);
    await review(page, `office-login-totp-${viewport}`);

    const right = totpCode(officer.totpSecret!, new Date());
    await page.getByLabel(/Mã xác thực/).fill(right === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => errorSummary(page).textContent()).toContain('Mã xác thực (OTP) không đúng');
    await review(page, `office-login-totp-wrong-${viewport}`);

    await page.getByLabel(/Mã xác thực/).fill(totpCode(officer.totpSecret!, new Date()));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => heading(page)).toBe('Tổng quan');
    expect(pathOf(page)).toBe('/office');
    expect(await page.getByText('Xin chào, Trần Thị Lan.').isVisible()).toBe(true);
    const roles = page.getByRole('table');
    expect(await roles.getByRole('cell', { name: 'Cán bộ tiếp nhận' }).count()).toBe(1);
    expect(await roles.getByRole('cell', { name: '000.00.40.H57' }).count()).toBe(1);
    if (viewport === 'phone') {
      const menu = page.getByRole('button', { name: 'Danh mục chức năng' });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
    }
    expect(await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Tổng quan' }).getAttribute('aria-current')).toBe('page');
    await review(page, `office-home-${viewport}`);

    await page.goto('/office/khong-co-man-hinh-nay');
    await expect.poll(() => heading(page)).toBe('Không tìm thấy trang');
    expect(await page.title()).toBe('Không tìm thấy trang — Không gian làm việc cán bộ');
    await review(page, `office-404-${viewport}`);

    await page.goto('/dashboard');
    await expect.poll(() => heading(page)).toBe('Theo dõi, thống kê');
    await page.getByText('Hệ thống đang hoạt động bình thường.').waitFor();
    await review(page, `dashboard-home-${viewport}`);
    await page.goto('/dashboard/khong-co');
    await expect.poll(() => heading(page)).toBe('Không tìm thấy trang');
    await review(page, `dashboard-404-${viewport}`);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect.poll(() => heading(page)).toBe('Đăng nhập dành cho cán bộ');
    await page.goto('/office');
    await expect.poll(() => pathOf(page)).toBe('/office/login');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });

  it('enrols the authenticator app at the first sign-in, from the QR code or the secret as text', async () => {
    const officer = await createOfficer(server.db, { enrolled: false, roles: [{ role: 'specialist', agencyCode: '000.00.40.H57' }] });
    const page = await openPage(browser, server.baseUrl, viewport);
    await page.goto('/office/login');
    await page.getByLabel(/Tài khoản \(thư điện tử\)/).fill(officer.email);
    await page.getByLabel(/^Mật khẩu/).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Thiết lập xác thực hai lớp' }).waitFor();
    const qr = page.getByRole('img', { name: 'Mã QR để thêm tài khoản MotCua vào ứng dụng xác thực' });
    expect(await qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    await review(page, `office-totp-enrolment-${viewport}`);

    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    await page.getByLabel(/Mã xác thực/).fill(totpCode(secret, new Date()));
    await page.getByRole('button', { name: 'Kích hoạt và đăng nhập' }).click();
    await expect.poll(() => heading(page)).toBe('Tổng quan');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});

describe.each(viewportNames)('citizen on a %s', (viewport) => {
  it('registers (and is signed in), signs out, signs in again with the password, and signs out', async () => {
    const email = `hoa-${viewport}-${Date.now()}@example.vn`;
    const password = 'Hoa-mat-khau-2026';
    const page = await openPage(browser, server.baseUrl, viewport);
    await page.goto('/register');
    await expect.poll(() => heading(page)).toBe('Đăng ký tài khoản');
    await page.getByLabel(/Họ và tên/).fill('Lê Thị Hoa');
    await page.getByLabel('Thư điện tử').fill(email);
    await page.getByLabel(/^Mật khẩu/).fill(password);
    await page.getByLabel(/Nhập lại mật khẩu/).fill(password);
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await expect.poll(() => heading(page)).toBe('Dịch vụ công trực tuyến');
    await page.getByText('Đã tạo tài khoản và đăng nhập.').waitFor();
    const account = page.getByRole('navigation', { name: 'Tài khoản' });
    expect(await account.getByText('Đã đăng nhập: Lê Thị Hoa').isVisible()).toBe(true);
    await review(page, `citizen-registered-${viewport}`);

    await account.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByText('Bạn đã đăng xuất.').waitFor();
    expect(await account.getByRole('link', { name: 'Đăng nhập' }).isVisible()).toBe(true);

    await account.getByRole('link', { name: 'Đăng nhập' }).click();
    await expect.poll(() => heading(page)).toBe('Đăng nhập');
    await page.getByLabel(/Thư điện tử hoặc số điện thoại/).fill(email);
    await page.getByLabel(/^Mật khẩu/).fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => heading(page)).toBe('Dịch vụ công trực tuyến');
    expect(await account.getByText('Đã đăng nhập: Lê Thị Hoa').isVisible()).toBe(true);
    expect(await page.getByText('Xin chào, Lê Thị Hoa.').isVisible()).toBe(true);
    await review(page, `citizen-signed-in-${viewport}`);
    await account.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect.poll(() => account.getByRole('link', { name: 'Đăng nhập' }).count()).toBe(1);
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});

describe('registration refused by the server', () => {
  it('puts the server’s field errors under their fields and its title in the summary', async () => {
    const page = await openPage(browser, server.baseUrl, 'phone');
    await page.goto('/register');
    await expect.poll(() => heading(page)).toBe('Đăng ký tài khoản');
    const email = `trung-${Date.now()}@example.vn`;
    await page.getByLabel(/Họ và tên/).fill('Phan Văn Trung');
    await page.getByLabel('Thư điện tử').fill(email);
    await page.getByLabel(/^Mật khẩu/).fill(email);
    await page.getByLabel(/Nhập lại mật khẩu/).fill(email);
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await expect.poll(() => errorSummary(page).textContent()).toContain('Dữ liệu gửi lên không hợp lệ');
    const passwordField = page.getByLabel(/^Mật khẩu/);
    expect(await passwordField.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await passwordField.getAttribute('aria-describedby'))!.split(' ');
    const texts = await Promise.all(describedBy.map((id) => page.locator(`#${id}`).textContent()));
    expect(texts.join(' ')).toContain('Mật khẩu không được trùng với thư điện tử hoặc số điện thoại');
    await review(page, 'register-refused-phone');
    await page.context().close();
  });
});

describe('problems in the chosen language', () => {
  it('shows the server’s own explanation of a refused sign-in, in English after the switch', async () => {
    const page = await openPage(browser, server.baseUrl, 'phone');
    await page.goto('/login');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => heading(page)).toBe('Sign in');
    await page.getByLabel(/E-mail or phone number/).fill('nobody@example.vn');
    await page.getByLabel(/^Password/).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => errorSummary(page).textContent()).toContain('The identifier or the password is wrong');
    expect(await page.getByLabel(/^Password/).inputValue()).toBe('');
    await review(page, 'citizen-login-refused-en-phone');
    await page.context().close();
  });
});
