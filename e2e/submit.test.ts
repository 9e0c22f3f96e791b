/**
 * A citizen on a phone finds "đăng ký khai sinh", starts the online submission pre-filled from their account,
 * fills the birth registration declaration, saves a draft, resumes it on a second device (a fresh browser
 * context), attaches a photo per required document, chooses where to submit and how to receive the result,
 * reviews and submits: the dossier is there at once with the desk's reception deadline, the files are sent with
 * their progress, and no personal data ever appears in an address.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../apps/server/src/seed/catalog-seed';
import { createCitizen, seedTestOrganization, TEST_PASSWORD, type TestUser } from '../test-support/identity';
import { launchBrowser, openPage, review, startServer, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let citizen: TestUser;

// A 1×1 PNG: a photo as a phone would send it, judged by its content on the server.
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await seedTestOrganization(server.db);
  await seedCatalog(server.db, new Date());
  citizen = await createCitizen(server.db, { displayName: 'Trần Thị Bình', phone: '0905123456' });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const heading = (page: Page) => page.locator('h1').textContent();

export async function signInAs(page: Page, user: TestUser): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/Thư điện tử hoặc số điện thoại/).fill(user.email);
  await page.getByLabel(/^Mật khẩu/).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect.poll(() => heading(page)).toBe('Dịch vụ công trực tuyến');
}

const next = (page: Page) => page.getByRole('button', { name: 'Tiếp tục' }).click();

describe('online submission on a phone', () => {
  it('searches, fills, saves a draft, resumes on another device, submits with attachments', async () => {
    const urls: string[] = [];
    const page = await openPage(browser, server.baseUrl, 'phone');
    page.on('request', (r) => urls.push(r.url()));
    await signInAs(page, citizen);

    await page.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' }).fill('dang ky khai sinh');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.locator('.procedure-item').first().getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).click();
    await page.getByRole('link', { name: /Nộp (hồ sơ )?trực tuyến/ }).first().click();
    await expect.poll(() => heading(page)).toBe('Người nộp hồ sơ');
    expect(await page.getByLabel(/Họ, chữ đệm và tên người nộp hồ sơ/).inputValue()).toBe('Trần Thị Bình');
    expect(await page.getByLabel(/^Số điện thoại/).inputValue()).toBe('0905123456');

    // the page's own checks, before anything is sent
    await next(page);
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Số định danh cá nhân: Mục này bắt buộc');
    await review(page, 'submit-applicant-errors-phone');
    await page.getByLabel(/^Số định danh cá nhân/).fill('046190004321');
    await page.getByLabel(/^Nơi cư trú/).fill('5 Đinh Tiên Hoàng, phường Phú Xuân, Huế');
    await next(page);

    await expect.poll(() => heading(page)).toBe('Người được khai sinh');
    await page.getByLabel(/Họ, chữ đệm và tên người được khai sinh/).fill('Lê Trần Minh Khang');
    await page.getByLabel(/Ngày, tháng, năm sinh/).fill('2026-01-20');
    await page.getByLabel(/^Giới tính/).selectOption('male');
    await page.getByLabel(/^Dân tộc/).fill('Kinh');
    await page.getByLabel(/^Quốc tịch/).fill('Việt Nam');
    await page.getByLabel(/^Nơi sinh/).fill('Bệnh viện Trung ương Huế');
    await page.getByLabel(/^Quê quán/).fill('Phú Xuân, Huế');
    await review(page, 'submit-child-phone');
    await next(page);
    await expect.poll(() => heading(page)).toBe('Thông tin người mẹ');
    await page.getByLabel(/Họ, chữ đệm và tên người mẹ/).fill('Trần Thị Bình');
    await page.getByLabel(/Năm sinh của mẹ/).fill('1990');
    await next(page);
    await expect.poll(() => heading(page)).toBe('Thông tin người cha');
    await next(page);
    await expect.poll(() => heading(page)).toBe('Yêu cầu và cam đoan');
    await page.getByLabel(/Quan hệ của người nộp hồ sơ/).selectOption('mother');
    await page.getByLabel(/Số bản sao Giấy khai sinh/).fill('1');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByText(/Đã lưu nháp lúc/).waitFor();
    await page.context().close();

    // another device: the draft is there, at the step reached
    const phone2 = await openPage(browser, server.baseUrl, 'phone');
    phone2.on('request', (r) => urls.push(r.url()));
    await signInAs(phone2, citizen);
    await phone2.getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await phone2.getByRole('link', { name: 'Xem các bản nháp của bạn' }).click();
    await expect.poll(() => heading(phone2)).toBe('Bản nháp hồ sơ');
    await review(phone2, 'submit-drafts-phone');
    await phone2.getByRole('link', { name: 'Tiếp tục bản nháp' }).click();
    await expect.poll(() => heading(phone2)).toBe('Yêu cầu và cam đoan');
    expect(await phone2.getByLabel(/Số bản sao Giấy khai sinh/).inputValue()).toBe('1');
    await phone2.getByLabel(/Tôi cam đoan/).check();
    await next(phone2);

    await expect.poll(() => heading(phone2)).toBe('Thành phần hồ sơ');
    const slots = phone2.locator('input[type=file]');
    const count = await slots.count();
    expect(count).toBeGreaterThan(0);
    expect(await slots.first().getAttribute('capture')).toBe('environment');
    for (let i = 0; i < count; i++) await slots.nth(i).setInputFiles({ name: `giay-to-${i + 1}.png`, mimeType: 'image/png', buffer: tinyPng });
    await review(phone2, 'submit-documents-phone');
    await next(phone2);

    await expect.poll(() => heading(phone2)).toBe('Nơi nộp và cách nhận kết quả');
    const centre = phone2.getByLabel(/^Nơi nộp hồ sơ/);
    const phuXuan = await centre.locator('option', { hasText: 'Phú Xuân' }).first().getAttribute('value');
    await centre.selectOption(phuXuan!);
    await phone2.getByLabel(/Nhận qua dịch vụ bưu chính công ích/).check();
    await next(phone2);
    await expect.poll(() => phone2.locator('.error-summary').textContent()).toContain('Địa chỉ nhận kết quả: Mục này bắt buộc');
    await phone2.getByLabel(/Địa chỉ nhận kết quả/).fill('5 Đinh Tiên Hoàng, phường Phú Xuân, Huế');
    await next(phone2);

    await expect.poll(() => heading(phone2)).toBe('Kiểm tra lại trước khi nộp');
    expect(await phone2.locator('.review').textContent()).toContain('Lê Trần Minh Khang');
    await review(phone2, 'submit-review-phone');
    await phone2.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await expect.poll(() => heading(phone2), { timeout: 30_000 }).toBe('Đã nộp hồ sơ');
    await phone2.getByText('Đã gửi đủ các giấy tờ.').waitFor({ timeout: 30_000 });
    expect(await phone2.locator('main').textContent()).toContain('Bộ phận Một cửa kiểm tra hồ sơ chậm nhất');
    await review(phone2, 'submit-done-phone');

    const [dossier] = await server.db.query<{ id: string; state: string }>('SELECT id, state FROM dossier');
    expect(dossier?.state).toBe('submitted');
    const files = await server.db.query('SELECT 1 FROM dossier_attachment WHERE dossier_id = $1', [dossier!.id]);
    expect(files.length).toBe(count);

    await phone2.getByRole('link', { name: 'Xem hồ sơ' }).click();
    await expect.poll(() => heading(phone2)).toBe('Thủ tục đăng ký khai sinh');
    expect(await phone2.locator('.timeline').textContent()).toContain('Hồ sơ đã được nộp trực tuyến');
    await review(phone2, 'submit-dossier-phone');

    for (const url of urls) for (const secret of ['046190004321', '0905123456', 'Minh Khang', 'Khang']) expect(decodeURIComponent(url)).not.toContain(secret);
    expect(await phone2.pageErrors()).toEqual([]);
    await phone2.context().close();
  });
});
