/**
 * A visitor tracks a dossier by its code and the last 4 digits of the applicant's phone, without an account, on a
 * phone: a wrong factor is explained, the right one shows the status, the due time and the timeline in plain
 * Vietnamese — and the digits never appear in the address bar.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestOrganisation, receiveTestDossier, testOfficer, testProcedureCase } from '../test-support/dossiers';
import { launchBrowser, openPage, review, startServer, viewportNames, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let code: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const org = await insertTestOrganisation(server.db);
  const officer = testOfficer([{ role: 'reception_officer', agencyId: org.desk }]);
  const received = await receiveTestDossier(server.db, {
    officer,
    now: new Date(),
    procedure: testProcedureCase(org),
    receivingAgencyId: org.desk,
  });
  if (!received.ok) throw new Error(JSON.stringify(received.error));
  code = received.value.code!;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(viewportNames)('tracking on a %s', (viewport) => {
  it('explains a wrong code or factor, then shows the dossier’s status, due time and timeline', async () => {
    const page = await openPage(browser, server.baseUrl, viewport);
    await page.goto('/');
    await page.getByRole('link', { name: 'Tra cứu hồ sơ' }).first().click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tra cứu hồ sơ');

    // the page's own checks first
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Nhập mã số hồ sơ');
    await review(page, `track-errors-${viewport}`);

    await page.getByLabel('Mã số hồ sơ').fill(code);
    await page.getByLabel('4 chữ số cuối số điện thoại').fill('0000');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Không tìm thấy hồ sơ với mã số và 4 chữ số đã nhập');

    await page.getByLabel('4 chữ số cuối số điện thoại').fill('5678');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: `Hồ sơ ${code}` }).isVisible()).toBe(true);
    const result = page.locator('.tracking-result');
    expect(await result.textContent()).toContain('Đăng ký khai sinh');
    expect(await result.textContent()).toContain('Được tiếp nhận');
    expect(await result.textContent()).toContain('Ngày hẹn trả kết quả');
    expect(await result.textContent()).toMatch(/còn \d+ (ngày|giờ)/);
    expect(await result.getByRole('listitem').first().textContent()).toContain('Bộ phận Một cửa đã tiếp nhận hồ sơ');
    expect(await result.textContent()).not.toContain('Nguyễn Văn An'); // nothing personal
    expect(page.url()).not.toContain('5678');
    expect(page.url()).not.toContain(code);
    await review(page, `track-result-${viewport}`);
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});
