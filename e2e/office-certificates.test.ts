/**
 * The certificates page of office administration in a real browser, on the demo data (`seed --demo` runs
 * `pki init-demo`): the demo administrator (README account, real sign-in) sees the DEMO seals and personal
 * certificates with their expiry level and days left; imports a .p12 — a wrong password and an expired certificate
 * are refused in plain words, a personal certificate for the Phú Xuân leader valid 10 more days is imported and
 * listed as expiring; deactivates it with a reason (the reason is required); the deactivated one shows on request.
 * axe and screenshots at the counter size and on a phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificateAuthority, issueSigningCertificate, writePkcs12, type Credential } from '@motcua/adapters/signatures';
import { signInAt, startDemoServer } from './office-journey';
import { launchBrowser, openPage, review, viewportNames, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let ca: Credential;
const ADMIN = 'quantri@motcua.demo';
const day = 86_400_000;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  const now = Date.now();
  ca = await createCertificateAuthority({ subject: { commonName: 'Test CA (certificates page)' }, notBefore: new Date(now - 400 * day), notAfter: new Date(now + 3650 * day) });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function p12(commonName: string, from: number, to: number, password: string): Promise<Buffer> {
  const now = Date.now();
  const credential = await issueSigningCertificate(ca, {
    subject: { commonName, organization: 'UBND phường Phú Xuân' },
    notBefore: new Date(now + from * day),
    notAfter: new Date(now + to * day),
  });
  return Buffer.from(writePkcs12(credential, password));
}

async function adminPage(viewport: (typeof viewportNames)[number]): Promise<Page> {
  const page = await openPage(browser, server.baseUrl, viewport);
  await server.db.query('UPDATE app_user SET totp_last_step = NULL WHERE email = $1', [ADMIN]);
  await signInAt(page, '/office/admin', ADMIN, 'Quản trị hệ thống');
  await page.getByRole('link', { name: /^Chứng thư số/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Chứng thư số' }).waitFor();
  return page;
}

async function choose(page: Page, file: Buffer, name: string, password: string) {
  await page.locator('#cert-file').setInputFiles({ name, mimeType: 'application/x-pkcs12', buffer: file });
  await page.getByLabel(/^Mật khẩu của tệp/).fill(password);
  await page.getByRole('button', { name: 'Nhập chứng thư' }).click();
}

describe.each(viewportNames)('certificates page on a %s', (viewport) => {
  it('lists the DEMO certificates with their expiry level and days left', async () => {
    const page = await adminPage(viewport);
    const seal = page.getByRole('row').filter({ hasText: 'Ủy ban nhân dân phường Phú Xuân (DEMO)' }).filter({ hasText: 'Con dấu số của cơ quan' });
    await seal.waitFor();
    expect(await seal.textContent()).toMatch(/Còn hiệu lực.*còn \d+ ngày/);
    await page.getByRole('row').filter({ hasText: 'Chữ ký số cá nhân: Lãnh đạo — phường Phú Xuân' }).first().waitFor();
    await review(page, `admin-certificates-${viewport}`);
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});

describe('certificates page on a counter screen', () => {
  it('refuses bad files in plain words, imports an expiring one, deactivates it with a reason', async () => {
    const page = await adminPage('counter');
    const form = page.getByRole('form', { name: 'Nhập chứng thư số từ tệp PKCS#12' });
    // nothing chosen: said next to the field
    await form.getByRole('button', { name: 'Nhập chứng thư' }).click();
    await form.getByText('Chọn tệp chứng thư (.p12 hoặc .pfx).').first().waitFor();

    // personal, for the Phú Xuân leader
    const agencies = await form.getByLabel(/^Cơ quan/).locator('option').allTextContents();
    const phuXuan = agencies.find((a) => a.includes('(000.00.40.H57)'))!;
    expect(phuXuan).toBeTruthy();
    await form.getByLabel(/^Cơ quan/).selectOption({ label: phuXuan });
    await form.getByLabel(/^Loại chứng thư/).selectOption({ label: 'Chữ ký số cá nhân' });
    const holder = form.getByLabel(/^Người ký/);
    await expect.poll(() => holder.locator('option').count()).toBeGreaterThan(1);
    await holder.selectOption({ label: 'Lãnh đạo — phường Phú Xuân (demo) (lanhdao.phuxuan@motcua.demo)' });

    // a wrong password, then an expired certificate: the server's reason in plain words
    await choose(page, await p12('Phó Chủ tịch Thử Nghiệm', -30, 10, 'đúng-mật-khẩu'), 'pho-chu-tich.p12', 'sai-mật-khẩu');
    await form.getByRole('alert').filter({ hasText: /^Không nhập được chứng thư: .*mật khẩu/i }).waitFor();
    await review(page, 'admin-certificates-refused-counter');
    await choose(page, await p12('Chứng Thư Hết Hạn', -60, -1, 'x'), 'het-han.p12', 'x');
    await form.getByRole('alert').filter({ hasText: /^Không nhập được chứng thư: .*(hết hạn|hiệu lực)/i }).waitFor();

    await choose(page, await p12('Phó Chủ tịch Thử Nghiệm', -30, 10, 'đúng-mật-khẩu'), 'pho-chu-tich.p12', 'đúng-mật-khẩu');
    await page.getByText('Đã nhập chứng thư Phó Chủ tịch Thử Nghiệm.').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Phó Chủ tịch Thử Nghiệm' });
    await row.getByText('Sắp hết hạn').waitFor();
    expect(await row.textContent()).toMatch(/còn (9|10) ngày/);
    await page.getByText(/chứng thư đang dùng đã hết hạn hoặc sắp hết hạn/).waitFor();
    await review(page, 'admin-certificates-imported-counter');

    // deactivate with a reason (required)
    await row.getByRole('button', { name: 'Ngừng sử dụng chứng thư Phó Chủ tịch Thử Nghiệm' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ngừng sử dụng chứng thư Phó Chủ tịch Thử Nghiệm' });
    await dialog.getByRole('button', { name: 'Ngừng sử dụng' }).click();
    await dialog.getByText('Nêu lý do (ít nhất 3 ký tự).').first().waitFor();
    await dialog.getByLabel(/^Lý do/).fill('Đã có chứng thư mới');
    await review(page, 'admin-certificates-deactivate-counter');
    await dialog.getByRole('button', { name: 'Ngừng sử dụng' }).click();
    await page.getByText('Đã ngừng sử dụng chứng thư Phó Chủ tịch Thử Nghiệm.').waitFor();
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Phó Chủ tịch Thử Nghiệm' }).count()).toBe(0);
    const [stored] = await server.db.query<{ is_active: boolean; deactivation_reason: string }>(
      "SELECT is_active, deactivation_reason FROM signing_certificate WHERE common_name = 'Phó Chủ tịch Thử Nghiệm'",
    );
    expect(stored).toMatchObject({ is_active: false, deactivation_reason: 'Đã có chứng thư mới' });
    await page.getByLabel('Hiện cả chứng thư đã ngừng sử dụng').check();
    await page.getByRole('row').filter({ hasText: 'Phó Chủ tịch Thử Nghiệm' }).getByText('Đã ngừng sử dụng').waitFor();
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});
