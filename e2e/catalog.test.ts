/**
 * The catalogue in a real browser, on the demo catalogue of Huế: a citizen finds "Đăng ký khai sinh" by typing
 * "dang ky khai sinh" (and with the kí spelling), reads the procedure with its estimated due date, prints a
 * desk's listing; an administrator opens a draft, edits a workflow step, is told by how much a budget is over
 * the limit, fixes it, submits and publishes. Every screen checked with axe at both sizes and screenshotted.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../apps/server/src/seed/catalog-seed';
import { createOfficer, seedTestOrganization, TEST_PASSWORD } from '../test-support/identity';
import { launchBrowser, openPage, review, startServer, totpCode, viewportNames, type TestServer } from './support';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await seedTestOrganization(server.db);
  await seedCatalog(server.db, new Date());
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const heading = (page: Page) => page.locator('h1').textContent();

describe.each(viewportNames)('citizen on a %s', (viewport) => {
  it('finds Đăng ký khai sinh by typing "dang ky khai sinh", highlighted, and reads the procedure', async () => {
    const page = await openPage(browser, server.baseUrl, viewport);
    await page.goto('/');
    await expect.poll(() => heading(page)).toBe('Dịch vụ công trực tuyến');
    await page.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' }).fill('dang ky khai sinh');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expect.poll(() => heading(page)).toBe('Kết quả tìm kiếm cho “dang ky khai sinh”');
    const first = page.locator('.procedure-item').first();
    await expect.poll(() => first.getByRole('link').textContent()).toBe('Thủ tục đăng ký khai sinh');
    expect(await first.locator('mark').allTextContents()).toEqual(['đăng ký khai sinh']);
    await review(page, `catalog-search-${viewport}`);

    await page.getByRole('search').getByRole('searchbox').fill('đăng kí khai sinh');
    await page.getByRole('search').getByRole('button').click();
    await expect.poll(() => heading(page)).toBe('Kết quả tìm kiếm cho “đăng kí khai sinh”');
    await expect.poll(() => page.locator('.procedure-item').first().getByRole('link').textContent()).toBe('Thủ tục đăng ký khai sinh');

    await page.locator('.procedure-item').first().getByRole('link').click();
    await expect.poll(() => heading(page)).toBe('Thủ tục đăng ký khai sinh');
    await page.getByRole('heading', { name: 'Thời hạn giải quyết dự kiến' }).waitFor();
    await page.getByText(/Nếu nộp hồ sơ hợp lệ bây giờ, ngày hẹn trả kết quả dự kiến là/).waitFor();
    expect(await page.getByRole('heading', { name: 'Thành phần hồ sơ' }).count()).toBe(1);
    // the declaration's paper form and its e-form say the channel they are asked on
    await page.getByRole('row', { name: /^Tờ khai đăng ký khai sinh/ }).getByText('(nộp trực tiếp/bưu chính)').waitFor();
    await page.getByRole('row', { name: /^Mẫu hộ tịch điện tử tương tác đăng ký khai sinh/ }).getByText('(nộp trực tuyến)').waitFor();
    expect(await page.getByText('Trực tiếp tại Bộ phận Một cửa').first().isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Thủ tục liên thông' }).count()).toBe(1);
    await review(page, `catalog-procedure-${viewport}`);
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });

  it('shows the listing a desk posts at the counter', async () => {
    const page = await openPage(browser, server.baseUrl, viewport);
    await page.goto('/procedures/print?desk=001.01.40.H57');
    await expect.poll(() => heading(page)).toContain('Danh mục thủ tục hành chính tiếp nhận tại');
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('rowheader', { name: 'Thủ tục đăng ký khai sinh', exact: true }).count()).toBe(1);
    expect(await page.getByRole('rowheader', { name: /Cấp giấy phép xây dựng mới công trình cấp đặc biệt/ }).count()).toBe(0);
    await review(page, `catalog-print-${viewport}`);
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});

describe('administrator on a counter screen', () => {
  it('edits a workflow step, is told by how much it is over, fixes it, submits and publishes', async () => {
    const admin = await createOfficer(server.db, {
      displayName: 'Quản trị danh mục',
      roles: [{ role: 'system_administrator', agencyCode: '000.00.00.H57' }],
    });
    const page = await openPage(browser, server.baseUrl, 'counter');
    await page.goto('/office/catalog');
    await page.getByLabel(/Tài khoản \(thư điện tử\)/).fill(admin.email);
    await page.getByLabel(/^Mật khẩu/).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByLabel(/Mã xác thực/).fill(totpCode(admin.totpSecret!, new Date()));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => heading(page)).toBe('Danh mục thủ tục hành chính');
    await review(page, 'catalog-office-home-counter');

    await page.getByLabel(/^Mã thủ tục/).fill('1.000656');
    await page.getByRole('button', { name: 'Mở bản dự thảo' }).click();
    await expect.poll(() => heading(page)).toBe('Bản dự thảo: Thủ tục đăng ký khai tử');
    const hours = page.getByLabel('Thời gian (giờ) 2');
    await hours.fill('10');
    await expect.poll(() => page.locator('.workflow-editor__total').textContent()).toContain('Vượt thời hạn');
    await page.getByRole('button', { name: 'Lưu quy trình' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'vượt' }).first().textContent()).toMatch(/vượt \d+([,.]\d+)? giờ làm việc/);
    await review(page, 'catalog-office-over-counter');

    await hours.fill('4');
    await page.getByRole('button', { name: 'Lưu quy trình' }).click();
    await page.getByText('Đã lưu quy trình.').waitFor();
    await page.getByRole('button', { name: 'Gửi duyệt' }).click();
    await page.getByRole('button', { name: 'Ban hành phiên bản mới' }).waitFor();
    await page.getByRole('button', { name: 'Ban hành phiên bản mới' }).click();
    await page.getByText('Đã ban hành phiên bản 2.').waitFor();
    await review(page, 'catalog-office-published-counter');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});
