/**
 * The working calendar in the office: the year view and the list of exceptional days with their legal basis,
 * trying an appointment date, and a system administrator recording and revoking a decision. Both sizes, axe on
 * every screen.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficer, seedTestOrganization, signIn } from '../test-support/identity';
import { launchBrowser, openPage, review, startServer, viewportNames, type TestServer } from './support';

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

/** A page signed in as the officer (the session cookie from the real sign-in routes). */
async function signedInPage(viewport: (typeof viewportNames)[number], roles: Parameters<typeof createOfficer>[1]['roles']): Promise<Page> {
  const officer = await createOfficer(server.db, { roles });
  const { cookie } = await signIn(server.app, officer, { clock: server.clock });
  const page = await openPage(browser, server.baseUrl, viewport);
  const [name, value] = cookie.split('=') as [string, string];
  await page.context().addCookies([{ name, value, url: server.baseUrl }]);
  return page;
}

/** Steps the page's year to 2026 (the calendar opens on the current year in Vietnam). */
async function goToYear(page: Page, year: number): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const shown = Number((await page.getByRole('heading', { level: 2, name: /^Năm \d{4}$/ }).textContent())!.slice(4));
    if (shown === year) return;
    await page.getByRole('button', { name: shown > year ? 'Năm trước' : 'Năm sau' }).click();
    await expect.poll(async () => (await page.getByRole('heading', { level: 2, name: /^Năm \d{4}$/ }).textContent()) !== `Năm ${shown}`).toBe(true);
  }
}

describe.each(viewportNames)('working calendar on a %s', (viewport) => {
  it('shows the 2026 calendar with its legal bases and computes an appointment date', async () => {
    const page = await signedInPage(viewport, [{ role: 'reception_officer', agencyCode: '000.00.40.H57' }]);
    await page.goto('/office/calendar');
    await expect.poll(() => heading(page)).toBe('Lịch làm việc');
    await goToYear(page, 2026);
    await page.getByRole('table', { name: 'Tháng 1/2026' }).waitFor();
    const list = page.getByRole('table', { name: 'Các ngày khác với lịch tuần thông thường' });
    await list.getByText('Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)', { exact: true }).waitFor();
    // The swapped Friday and the make-up Saturday share their legal basis.
    expect(await list.getByText('Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ', { exact: true }).count()).toBe(2);
    expect(await list.getByText('Ngày Văn hóa Việt Nam', { exact: true }).count()).toBe(1);
    // The administrators' page is not offered to a reception officer.
    expect(await page.getByRole('link', { name: 'Quyết định về lịch' }).count()).toBe(0);
    await review(page, `office-calendar-${viewport}`);

    await page.getByLabel(/Thời điểm tiếp nhận/).fill('2026-04-25T20:00');
    await page.getByLabel(/Thời hạn giải quyết/).fill('1');
    await page.getByRole('button', { name: 'Tính ngày hẹn trả' }).click();
    const result = page.locator('.due-time__due');
    await expect.poll(() => result.textContent()).toContain('28/04/2026');
    expect(await result.textContent()).toContain('17:00');
    await page.getByText('Cách tính').click();
    await page.getByText(/Không tính thứ Hai, 27\/04\/2026 \(ngày nghỉ bù\)/).waitFor();
    await review(page, `office-calendar-try-out-${viewport}`);
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });

  it('lets a system administrator record a decision, see it in the calendar, and revoke it', async () => {
    const page = await signedInPage(viewport, [{ role: 'system_administrator', agencyCode: '000.00.00.H57', includeSubAgencies: true }]);
    await page.goto('/office/calendar/decisions');
    await expect.poll(() => heading(page)).toBe('Quyết định về lịch làm việc');
    await goToYear(page, 2026);
    const list = page.getByRole('table', { name: 'Quyết định đã ghi nhận' });
    await list.getByText('Hoán đổi ngày làm việc dịp Tết Dương lịch 2026', { exact: true }).waitFor();
    await review(page, `office-calendar-decisions-${viewport}`);

    const name = `Nghỉ cuối năm thử nghiệm (${viewport})`;
    await page.getByLabel(/^Tên quyết định/).fill(name);
    await page.getByLabel(/Số, ký hiệu và ngày văn bản/).fill('Thông báo thử nghiệm 1/TB');
    await page.getByLabel(/^Ngày\b/).fill(viewport === 'phone' ? '2026-12-30' : '2026-12-31');
    await page.getByLabel(/^Tên ngày/).fill(`Ngày nghỉ thử nghiệm (${viewport})`);
    await page.getByRole('button', { name: 'Ghi nhận quyết định' }).click();
    await list.getByText(name, { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Lịch làm việc' }).first().click();
    await expect.poll(() => heading(page)).toBe('Lịch làm việc');
    await goToYear(page, 2026);
    const days = page.getByRole('table', { name: 'Các ngày khác với lịch tuần thông thường' });
    await days.getByText(`Ngày nghỉ thử nghiệm (${viewport})`, { exact: true }).waitFor();

    await page.goto('/office/calendar/decisions');
    await goToYear(page, 2026);
    await list.getByText(name, { exact: true }).waitFor();
    await list.getByRole('row').filter({ hasText: name }).getByRole('button', { name: /^Thu hồi/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/Lý do thu hồi/).fill('Ghi nhận để thử nghiệm');
    await review(page, `office-calendar-revoke-${viewport}`);
    await dialog.getByRole('button', { name: 'Thu hồi quyết định' }).click();
    await expect.poll(() => list.getByText(name, { exact: true }).count()).toBe(0);
    await page.getByLabel('Hiện cả quyết định đã thu hồi').check();
    await list.getByText(name, { exact: true }).waitFor();
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});
