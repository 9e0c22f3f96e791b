/**
 * The draft editor's agency, desk, source, fee-exemption and form-template fields, in a real browser on the demo
 * catalogue: a ward's system administrator picks the ward's people's committee as competent agency and its desk as
 * receiving desk from their part of the organisation tree, gives a source (a javascript: link is refused at the
 * field, a desk listed twice is named at its field in Vietnamese), lists who is exempt from the fee, uploads a form template for a required document; submits and
 * publishes; the public procedure page shows the new agency, desk and exemption, and the template downloads.
 * axe and screenshots on both sizes.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../apps/server/src/seed/catalog-seed';
import { seedTestOrganization } from '../test-support/identity';
import { catalogAdminPage, openDraft } from './catalog-office';
import { launchBrowser, review, startServer, type TestServer, type ViewportName } from './support';

let server: TestServer;
let browser: Browser;
let ids: Record<string, string>;
const pdf = Buffer.from('%PDF-1.4\n% To khai dang ky khai sinh (mau thu nghiem)\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'utf8');

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await seedTestOrganization(server.db);
  await seedCatalog(server.db, new Date());
  const rows = await server.db.query<{ id: string; code: string }>("SELECT id, code FROM agency WHERE code IN ('000.00.40.H57', '001.01.40.H57')");
  ids = Object.fromEntries(rows.map((r) => [r.code, r.id]));
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const wardAdminPage = (viewport: ViewportName) =>
  catalogAdminPage(server, browser, viewport, {
    displayName: 'Quản trị danh mục phường',
    roles: [{ role: 'system_administrator', agencyCode: '000.00.40.H57', includeSubAgencies: true }],
  });

describe('agency fields on a phone', () => {
  it('offers only the ward’s agencies, as a tree', async () => {
    const page = await wardAdminPage('phone');
    await openDraft(page, '1.000656');
    await page.getByLabel('Cách xác định (Cơ quan có thẩm quyền giải quyết)').selectOption('agency');
    const agency = page.getByLabel('Cơ quan, đơn vị (Cơ quan có thẩm quyền giải quyết)');
    const options = await agency.locator('option').allTextContents();
    expect(options).toEqual([
      'Ủy ban nhân dân phường Phú Xuân',
      '· Trung tâm Phục vụ hành chính công phường Phú Xuân',
      '· · Bộ phận tiếp nhận và trả kết quả — TTPVHCC Phường Phú Xuân',
    ]);
    await review(page, 'catalog-edit-agency-phone');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});

describe('ward administrator on a counter screen', () => {
  it('edits agency, desk, source, exemptions and a form template; the published page shows them and the template downloads', async () => {
    const page = await wardAdminPage('counter');
    await openDraft(page, '1.001193');

    await page.getByLabel('Cách xác định (Cơ quan có thẩm quyền giải quyết)').selectOption('agency');
    await page.getByLabel('Cơ quan, đơn vị (Cơ quan có thẩm quyền giải quyết)').selectOption(ids['000.00.40.H57']!);
    const desk1 = 'Nơi tiếp nhận 1';
    await page.getByLabel(`Cách xác định (${desk1})`).selectOption('agency');
    await page.getByLabel(`Cơ quan, đơn vị (${desk1})`).selectOption(ids['001.01.40.H57']!);
    // A second desk added by mistake — the same desk: the server's check says so at its field, in Vietnamese —
    // then removed with the keyboard.
    await page.getByRole('button', { name: 'Thêm nơi tiếp nhận hồ sơ' }).click();
    await page.getByLabel('Cách xác định (Nơi tiếp nhận 2)').selectOption('agency');
    await page.getByLabel('Cơ quan, đơn vị (Nơi tiếp nhận 2)').selectOption(ids['001.01.40.H57']!);
    await page.getByRole('button', { name: 'Lưu thông tin chung' }).click();
    await page.getByRole('group', { name: 'Nơi tiếp nhận 2' }).getByText(/^Bộ phận Một cửa “.+” được ghi hai lần\.$/).waitFor();
    expect(await page.getByText('is listed twice').count()).toBe(0);
    await review(page, 'catalog-edit-desk-twice-counter');
    await page.getByRole('button', { name: 'Xóa nơi tiếp nhận 2' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('group', { name: 'Nơi tiếp nhận 2' }).count()).toBe(0);

    const sourceUrl = page.getByLabel(/^Địa chỉ nguồn/);
    await sourceUrl.fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Lưu thông tin chung' }).click();
    await expect.poll(() => sourceUrl.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('địa chỉ http(s)://').first().waitFor();
    await review(page, 'catalog-edit-source-error-counter');
    await sourceUrl.fill('https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193');
    await page.getByLabel(/^Ghi chú về nguồn/).fill('Tra cứu ngày 28/11/2026');
    await page.getByRole('button', { name: 'Lưu thông tin chung' }).click();
    await page.getByText('Đã lưu thông tin chung.').waitFor();

    const caseForm = page.locator('form.catalog-edit').filter({ has: page.getByRole('button', { name: /^Lưu trường hợp/ }) }).first();
    await caseForm.getByLabel('Đối tượng được miễn (khoản 1)').fill('Trẻ em dưới 6 tuổi\nNgười thuộc hộ nghèo');
    await caseForm.getByLabel('Tải lên tệp mẫu (Giấy tờ 1)').setInputFiles({ name: 'To khai dang ky khai sinh.pdf', mimeType: 'application/pdf', buffer: pdf });
    await caseForm.getByRole('link', { name: 'Tải tệp mẫu 1 (Giấy tờ 1)' }).waitFor();
    await caseForm.getByLabel('Tên mẫu 1 (Giấy tờ 1)').fill('Tờ khai đăng ký khai sinh');
    // A link added and removed again: nothing of it is saved.
    await caseForm.getByRole('button', { name: 'Thêm liên kết mẫu (Giấy tờ 1)' }).click();
    await caseForm.getByRole('button', { name: 'Xóa mẫu 2 (Giấy tờ 1)' }).click();
    await review(page, 'catalog-edit-templates-counter');
    await caseForm.getByRole('button', { name: /^Lưu trường hợp/ }).click();
    await page.getByText(/^Đã lưu trường hợp/).waitFor();

    await page.getByRole('button', { name: 'Gửi duyệt' }).click();
    await page.getByRole('button', { name: 'Ban hành phiên bản mới' }).click();
    await page.getByText('Đã ban hành phiên bản 2.').waitFor();

    await page.goto('/procedures/1.001193');
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'đăng ký khai sinh' }).waitFor();
    const where = page.locator('dl').filter({ hasText: 'Ủy ban nhân dân phường Phú Xuân' }).first();
    await where.waitFor();
    expect(await where.textContent()).toContain('Bộ phận tiếp nhận và trả kết quả — TTPVHCC Phường Phú Xuân');
    await page.getByText('Trẻ em dưới 6 tuổi; Người thuộc hộ nghèo').waitFor();
    const template = page.getByRole('link', { name: 'Tờ khai đăng ký khai sinh' });
    const href = await template.getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/form-templates\/[0-9a-f-]{36}$/);
    const [download] = await Promise.all([page.waitForEvent('download'), template.click()]);
    expect(download.suggestedFilename()).toBe('To khai dang ky khai sinh.pdf');
    const downloaded = await page.request.get(href!);
    expect(downloaded.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await downloaded.body()).equals(pdf)).toBe(true);
    await review(page, 'catalog-published-fields-counter');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});
