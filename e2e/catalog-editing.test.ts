/**
 * Catalogue editing in the office, in a real browser on the demo catalogue: a system administrator opens a draft of
 * "Đăng ký khai tử", edits its general information (subjects, legal basis), adds a required document and a fee to
 * its case, saves both, submits and publishes; the public procedure page's data then carries the changes as
 * version 2. axe and screenshots on both sizes.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../apps/server/src/seed/catalog-seed';
import { createOfficer, seedTestOrganization, signIn } from '../test-support/identity';
import { catalogAdminPage, heading, openDraft } from './catalog-office';
import { launchBrowser, review, startServer, viewportNames, type TestServer } from './support';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await seedTestOrganization(server.db);
  await seedCatalog(server.db, new Date());
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const adminPage = (viewport: (typeof viewportNames)[number]) =>
  catalogAdminPage(server, browser, viewport, {
    displayName: 'Quản trị danh mục',
    roles: [{ role: 'system_administrator', agencyCode: '000.00.00.H57' }],
  });

describe('catalogue draft on a phone', () => {
  it('shows the general information and case forms', async () => {
    const page = await adminPage('phone');
    await openDraft(page, '1.001193');
    await page.getByRole('heading', { name: 'Thông tin chung' }).waitFor();
    await page.getByLabel(/^Tên thủ tục/).waitFor();
    await review(page, 'catalog-edit-phone');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});

describe('administrator on a counter screen', () => {
  it('edits the general information and a case, then submits and publishes version 2', async () => {
    const page = await adminPage('counter');
    await openDraft(page, '1.000656');
    await page.getByLabel(/^Đối tượng thực hiện/).fill('Công dân Việt Nam; người nước ngoài cư trú tại phường');
    const basis = page.getByLabel(/^Căn cứ pháp lý/);
    await basis.fill(`${await basis.inputValue()}\n99/2026/QĐ-UBND | Quyết định công bố thủ tục (thử nghiệm) | 2026-01-15`);
    await page.getByRole('button', { name: 'Lưu thông tin chung' }).click();
    await page.getByText('Đã lưu thông tin chung.').waitFor();

    const caseForm = page.locator('form.catalog-edit').filter({ has: page.getByRole('button', { name: /^Lưu trường hợp/ }) }).first();
    await caseForm.getByRole('button', { name: 'Thêm giấy tờ' }).click();
    const docName = caseForm.getByLabel(/^Tên giấy tờ \d+/).last();
    await docName.fill('Văn bản ủy quyền (nếu nộp thay)');
    await caseForm.getByLabel(/^Yêu cầu \(giấy tờ \d+\)/).last().selectOption('conditional');
    await caseForm.getByLabel(/^Điều kiện \(giấy tờ \d+\)/).last().fill('Khi người khác nộp thay người có yêu cầu');
    // asked on paper only: untick online (the seeded paper declaration and e-form show their own channels)
    expect(await caseForm.getByRole('checkbox', { name: /^Trực tuyến \(giấy tờ \d+\)$/, checked: false }).count()).toBe(1);
    await caseForm.getByRole('checkbox', { name: /^Trực tuyến \(giấy tờ \d+\)$/ }).last().uncheck();
    await caseForm.getByRole('button', { name: 'Thêm khoản phí, lệ phí' }).click();
    await caseForm.getByLabel(/^Tên khoản \(khoản \d+\)/).last().fill('Lệ phí cấp bản sao trích lục');
    await caseForm.getByLabel(/^Mức thu, đồng \(khoản \d+\)/).last().fill('8000');
    await review(page, 'catalog-edit-case-counter');
    await caseForm.getByRole('button', { name: /^Lưu trường hợp/ }).click();
    await page.getByText(/^Đã lưu trường hợp/).waitFor();

    await page.getByRole('button', { name: 'Gửi duyệt' }).click();
    await page.getByRole('button', { name: 'Ban hành phiên bản mới' }).click();
    await page.getByText('Đã ban hành phiên bản 2.').waitFor();
    await review(page, 'catalog-edit-published-counter');

    const published = await server.app.inject({ method: 'GET', url: '/api/v1/procedures/1.000656' });
    const body = JSON.stringify(published.json());
    expect(body).toContain('Văn bản ủy quyền (nếu nộp thay)');
    expect(body).toContain('Khi người khác nộp thay người có yêu cầu');
    expect(body).toContain('Lệ phí cấp bản sao trích lục');
    const documents = (published.json().content.cases[0].documents as { name: string; channels?: string[] }[]).map((d) => [d.name.slice(0, 20), d.channels ?? null]);
    expect(documents).toContainEqual(['Văn bản ủy quyền (nế', ['counter', 'postal']]);
    expect(documents).toContainEqual(['Tờ khai đăng ký khai', ['counter', 'postal']]);
    expect(documents).toContainEqual(['Mẫu hộ tịch điện tử ', ['online']]);
    expect(body).toContain('99/2026/QĐ-UBND');
    expect(body).toContain('người nước ngoài cư trú tại phường');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });

  it('checks a national JSON file (nothing written), then imports it', async () => {
    const page = await adminPage('counter');
    const admin = await createOfficer(server.db, { roles: [{ role: 'system_administrator', agencyCode: '000.00.00.H57' }] });
    const headers = await signIn(server.app, admin, { clock: server.clock });
    const exported = (await server.app.inject({ method: 'GET', url: '/api/v1/admin/catalog/export?format=national-json', headers })).json() as {
      result: { MATTHC: string; TENTTHC: string }[];
    };
    const one = exported.result.find((p) => p.MATTHC === '1.001193')!;
    const file = { result: [{ ...one, TENTTHC: `${one.TENTTHC} (cập nhật)` }] };
    const versions = async () => (await server.db.query('SELECT 1 FROM procedure_version WHERE code = $1', ['1.001193'])).length;
    const before = await versions();

    await page.goto('/office/catalog');
    await page.getByRole('link', { name: 'Nhập danh mục từ tệp' }).click();
    await expect.poll(() => heading(page)).toBe('Nhập danh mục thủ tục hành chính');
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page.getByRole('link', { name: 'Chọn tệp cần nhập.' }).waitFor();
    await page.getByLabel(/^Tệp danh mục/).setInputFiles({ name: 'khai-sinh.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page.getByRole('heading', { name: 'Kết quả kiểm tra tệp khai-sinh.json (chưa ghi gì)' }).waitFor();
    await page.getByText('1 thủ tục thay đổi (phiên bản mới)').waitFor();
    expect(await versions()).toBe(before);
    await review(page, 'catalog-import-checked-counter');
    await page.getByRole('button', { name: 'Nhập danh mục' }).click();
    await page.getByRole('heading', { name: 'Kết quả nhập tệp khai-sinh.json' }).waitFor();
    expect(await versions()).toBe(before + 1);
    await review(page, 'catalog-import-done-counter');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});

describe.each(viewportNames)('administration on a %s', (viewport) => {
  it('shows the organisation tree with an agency’s history, and resets an officer’s second factor', async () => {
    const officer = await createOfficer(server.db, { displayName: `Chuyên viên cần đặt lại ${viewport}`, roles: [{ role: 'specialist', agencyCode: '000.00.00.H57' }] });
    const page = await adminPage(viewport);
    await page.goto('/office/admin');
    await expect.poll(() => heading(page)).toBe('Quản trị hệ thống');
    await page.getByRole('link', { name: 'Nhập danh mục từ tệp' }).waitFor();
    await page.getByRole('button', { name: /\(000\.00\.40\.H57\)$/ }).click();
    await page.getByRole('heading', { level: 2 }).filter({ hasText: 'Phú Xuân' }).first().waitFor();
    await page.getByText('Tiền thân (sáp nhập, chia tách)').waitFor();
    await review(page, `admin-agencies-${viewport}`);
    await page.goto('/office/admin/officers');
    await expect.poll(() => heading(page)).toBe('Cán bộ và vai trò');
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Chuyên viên cần đặt lại ${viewport}` }) });
    await card.getByRole('button', { name: 'Đặt lại xác thực hai lớp' }).click();
    await page.getByText(`Đã đặt lại xác thực hai lớp của Chuyên viên cần đặt lại ${viewport}; lần đăng nhập tới sẽ đăng ký lại.`).waitFor();
    const [row] = await server.db.query<{ totp_secret: string | null }>('SELECT totp_secret FROM app_user WHERE id = $1', [officer.id]);
    expect(row?.totp_secret).toBeNull();
    await review(page, `admin-officers-${viewport}`);
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});

