/**
 * Administration of the organisation in a real browser, on the demo data (issue #7): the demo system administrator
 * (README account, real sign-in) sets a ward's working periods — overlapping periods are refused in the browser,
 * the new periods count in due times from their date (GET /calendar/due-time) — and manages agencies: creates a
 * ward under the city, renames it, records a merger of two test wards into it, ends another with a confirmation; a
 * duplicate agency code is refused at the field. axe and screenshots at the counter size and on a phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, signInAt, startDemoServer } from './office-journey';
import { expectNoHorizontalOverflow, launchBrowser, openPage, review, viewportNames, type TestServer } from './support';

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
    await form.getByLabel(/^Áp dụng từ ngày/).fill('1899-12-31');
    await form.getByLabel(/^Kết thúc \(khoảng 1\)/).fill('11:00');
    await form.getByLabel(/^Bắt đầu \(khoảng 2\)/).fill('10:30');
    await form.getByText('Tổng thời gian làm việc mỗi ngày: 10 giờ 30 phút').waitFor();
    await form.getByRole('button', { name: 'Lưu giờ làm việc' }).click();
    const overlap = 'Khoảng 2 bắt đầu trước khi khoảng 1 kết thúc: các khoảng thời gian không được chồng lên nhau.';
    await form.getByRole('alert').getByText(overlap).waitFor();
    expect(await form.getByLabel(/^Bắt đầu \(khoảng 2\)/).getAttribute('aria-invalid')).toBe('true');
    await form.getByRole('alert').getByText('Hãy chọn ngày bắt đầu áp dụng, trong các năm 1900–2100.').waitFor();
    await review(page, 'office-admin-working-periods-error-counter');
    await form.getByLabel(/^Áp dụng từ ngày/).fill('2027-03-01');

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
    await expectNoHorizontalOverflow(page, 'working periods');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});

const ward = (code: string, name: string) => ({ code, name, kind: 'people_committee', level: 'commune', parentCode: '000.00.00.H57', effectiveFrom: '2025-07-01' });
const treeButton = (page: Page, code: string) => page.getByRole('button', { name: new RegExp(`\\(${code.replaceAll('.', '\\.')}\\)$`) });

describe('agencies on a counter screen', () => {
  it('creates a ward under the city, renames it, merges two test wards into it and ends a third; a taken code is refused at the field', async () => {
    const [{ seq: before } = { seq: 0 }] = await server.db.query<{ seq: number }>('SELECT coalesce(max(seq), 0)::int AS seq FROM audit_event');
    await server.db.query('UPDATE app_user SET totp_last_step = NULL WHERE email = $1', [ADMIN]);
    const api = await apiSignIn(server.baseUrl, ADMIN);
    for (const [code, name] of [['000.00.81.H57', 'Ủy ban nhân dân phường Thử Một'], ['000.00.82.H57', 'Ủy ban nhân dân phường Thử Hai'], ['000.00.83.H57', 'Ủy ban nhân dân phường Thử Ba']] as const) {
      await api.post('/agencies', ward(code, name));
    }
    const page = await adminAt('counter', '/office/admin', 'Quản trị hệ thống');

    // create: required fields said before sending, a taken code said at the field by the server
    await page.getByRole('button', { name: 'Thêm cơ quan, đơn vị' }).click();
    const create = page.getByRole('form', { name: 'Thêm cơ quan, đơn vị' });
    expect(await create.getByLabel(/^Đơn vị cấp trên/).inputValue()).toBe('000.00.00.H57');
    expect(await create.getByLabel(/^Cấp/).inputValue()).toBe('commune');
    await create.getByRole('button', { name: 'Tạo cơ quan, đơn vị' }).click();
    await create.getByRole('alert').getByText('Hãy nhập mã định danh.').waitFor();
    await create.getByRole('alert').getByText('Hãy nhập tên cơ quan, đơn vị.').waitFor();
    await create.getByLabel(/^Mã định danh/).fill('000.00.40.H57');
    await create.getByLabel(/^Tên đầy đủ/).fill('Ủy ban nhân dân phường Thử Nghiệm');
    await create.getByRole('button', { name: 'Tạo cơ quan, đơn vị' }).click();
    await create.locator('.field__error').getByText('Mã định danh cơ quan đã được sử dụng').waitFor();
    expect(await create.getByLabel(/^Mã định danh/).getAttribute('aria-invalid')).toBe('true');
    await review(page, 'office-admin-agencies-error-counter');
    await create.getByLabel(/^Mã định danh/).fill('000.00.80.H57');
    await create.getByRole('button', { name: 'Tạo cơ quan, đơn vị' }).click();
    const detail = page.getByRole('region', { name: 'Ủy ban nhân dân phường Thử Nghiệm' });
    await detail.getByText('Ủy ban nhân dân / Cấp xã').waitFor();

    // rename
    await detail.getByRole('button', { name: 'Sửa thông tin' }).click();
    const edit = page.getByRole('form', { name: 'Sửa thông tin Ủy ban nhân dân phường Thử Nghiệm' });
    await edit.getByLabel(/^Tên đầy đủ/).fill('Ủy ban nhân dân phường Hương Thử');
    await edit.getByRole('button', { name: 'Lưu thông tin' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ủy ban nhân dân phường Hương Thử' }).waitFor();
    await treeButton(page, '000.00.80.H57').filter({ hasText: 'Ủy ban nhân dân phường Hương Thử' }).waitFor();

    // merger of two test wards into it, said in words and confirmed
    await page.getByRole('button', { name: 'Ghi nhận sáp nhập, chia tách, đổi tên' }).click();
    const succession = page.getByRole('form', { name: 'Ghi nhận sáp nhập, chia tách, đổi tên' });
    await succession.getByLabel(/^Đơn vị trước 1/).selectOption('000.00.81.H57');
    await succession.getByLabel(/^Đơn vị trước 2/).selectOption('000.00.82.H57');
    await succession.getByLabel(/^Đơn vị kế thừa 1/).selectOption('000.00.81.H57');
    await succession.getByRole('button', { name: 'Xem lại và ghi nhận' }).click();
    await succession.getByText('Một cơ quan không thể vừa là đơn vị trước vừa là đơn vị kế thừa.').first().waitFor();
    await succession.getByText('Hãy nhập căn cứ pháp lý.').first().waitFor();
    await succession.getByLabel(/^Đơn vị kế thừa 1/).selectOption('000.00.80.H57');
    await succession.getByLabel(/^Căn cứ pháp lý/).fill('Nghị quyết thử nghiệm 01/NQ-TEST');
    await succession.getByRole('button', { name: 'Xem lại và ghi nhận' }).click();
    const confirm = page.getByRole('dialog', { name: 'Xác nhận ghi nhận' });
    await confirm.getByText(/Sáp nhập: Ủy ban nhân dân phường Thử Một, Ủy ban nhân dân phường Thử Hai → Ủy ban nhân dân phường Hương Thử/).waitFor();
    await review(page, 'office-admin-agencies-merger-counter');
    await confirm.getByRole('button', { name: 'Ghi nhận' }).click();
    const merged = page.getByRole('region', { name: 'Ủy ban nhân dân phường Hương Thử' });
    await merged.getByText(/Ủy ban nhân dân phường Thử Một \(000\.00\.81\.H57, sáp nhập/).waitFor();
    await expect.poll(() => treeButton(page, '000.00.81.H57').count()).toBe(0);
    await page.getByLabel('Hiện cả cơ quan, đơn vị đã kết thúc hoạt động').check();
    await treeButton(page, '000.00.82.H57').waitFor();

    // end the third, after a confirmation that asks for the reason
    await treeButton(page, '000.00.83.H57').click();
    await page.getByRole('region', { name: 'Ủy ban nhân dân phường Thử Ba' }).getByRole('button', { name: 'Kết thúc hoạt động' }).click();
    const end = page.getByRole('dialog', { name: 'Kết thúc hoạt động của Ủy ban nhân dân phường Thử Ba' });
    await end.getByRole('button', { name: 'Kết thúc hoạt động' }).click();
    await end.getByText('Hãy nhập căn cứ, lý do.').first().waitFor();
    await end.getByLabel(/^Căn cứ, lý do kết thúc/).fill('Quyết định thử nghiệm 02/QĐ-TEST về việc giải thể');
    await end.getByRole('button', { name: 'Kết thúc hoạt động' }).click();
    await page.getByText(/Đã ghi nhận Ủy ban nhân dân phường Thử Ba kết thúc hoạt động ngày/).first().waitFor();
    await review(page, 'office-admin-agencies-counter');

    const rows = await server.db.query<{ code: string; name: string; effective_to: string | null }>(
      "SELECT code, name, effective_to::text FROM agency WHERE code IN ('000.00.80.H57', '000.00.81.H57', '000.00.82.H57', '000.00.83.H57') ORDER BY code",
    );
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
    expect(rows).toEqual([
      { code: '000.00.80.H57', name: 'Ủy ban nhân dân phường Hương Thử', effective_to: null },
      { code: '000.00.81.H57', name: 'Ủy ban nhân dân phường Thử Một', effective_to: yesterday },
      { code: '000.00.82.H57', name: 'Ủy ban nhân dân phường Thử Hai', effective_to: yesterday },
      { code: '000.00.83.H57', name: 'Ủy ban nhân dân phường Thử Ba', effective_to: today },
    ]);
    const actions = await server.db.query<{ action: string }>("SELECT action FROM audit_event WHERE action LIKE 'organization.agency.%' AND seq > $1 ORDER BY seq", [before]);
    expect(actions.map((a) => a.action)).toEqual([
      ...Array(4).fill('organization.agency.create'),
      'organization.agency.update',
      'organization.agency.merge',
      'organization.agency.end',
    ]);
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});

describe('agencies on a phone', () => {
  it('shows the tree, an agency with its actions and the form to add one', async () => {
    const page = await adminAt('phone', '/office/admin', 'Quản trị hệ thống');
    await treeButton(page, '000.00.41.H57').click();
    await page.getByRole('button', { name: 'Kết thúc hoạt động' }).waitFor();
    await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
    const create = page.getByRole('form', { name: 'Thêm cơ quan, đơn vị' });
    expect(await create.getByLabel(/^Đơn vị cấp trên/).inputValue()).toBe('000.00.41.H57');
    expect(await create.getByLabel(/^Loại cơ quan/).inputValue()).toBe('service_centre');
    await review(page, 'office-admin-agencies-phone');
    await expectNoHorizontalOverflow(page, 'agencies');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});
