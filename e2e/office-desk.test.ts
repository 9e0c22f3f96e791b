/**
 * The officer desk's additions in a real browser on the demo data (issue 7, docs/office.md): a reception officer
 * receives a dossier that came by post (hand-over minutes, waybill, return by post) and prints the receipt from the
 * issued Form 01 PDF — the bytes the documents list names by SHA-256; a department head assigns three dossiers at
 * two different steps at once, one officer per step (progress and each row's outcome) and sees countdowns in working time; an
 * administrator creates an officer with two roles, who then signs in and sets up the second factor (TOTP).
 */
import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildJobHandlers } from '../apps/server/src/jobs/handlers';
import { createJobRunner } from '../apps/server/src/jobs/job-runner';
import { launchBrowser, openPage, review, totpCode, type TestServer } from './support';
import { cloneOpenDossiers } from '../test-support/inbox-fill';
import { apiSignIn, heading, receiveBirthRegistration, signInAt, startDemoServer } from './office-journey';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The job runner once: renders the forms issued so far (the receipt PDF). */
async function runJobs(): Promise<void> {
  const jobs = createJobRunner({ db: server.db, clock: server.clock, handlers: buildJobHandlers(server), onlyRegisteredTopics: true });
  await jobs.runOnce();
}

describe('officer desk', () => {
  it('receives a dossier by post and prints the issued receipt PDF (counter screen)', async () => {
    const page = await openPage(browser, server.baseUrl, 'counter');
    await signInAt(page, '/office/reception', 'tiepnhan.phuxuan@motcua.demo', 'Tiếp nhận hồ sơ');
    await page.getByLabel('Tìm thủ tục hành chính').fill('dang ky khai sinh');
    await page.getByRole('radio', { name: /Thủ tục đăng ký khai sinh 1\.001193/ }).check();
    await page.locator('#applicant-fullName').fill('Phạm Văn Bưu');
    await page.getByRole('button', { name: 'Đánh dấu đã nhận các giấy tờ bắt buộc' }).click();
    await page.getByRole('radio', { name: 'Qua dịch vụ bưu chính công ích' }).check();
    await page.getByLabel(/Thời điểm ký biên bản giao nhận/).waitFor();
    // Without the minutes' time the form names the field.
    await page.getByLabel(/Thời điểm ký biên bản giao nhận/).fill('');
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await page.getByText('Hãy nhập thời điểm ký biên bản giao nhận với bưu chính.').first().waitFor();
    const signed = new Date(Date.now() - 10 * 60_000);
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }).format(signed).replace(' ', 'T');
    await page.getByLabel(/Thời điểm ký biên bản giao nhận/).fill(local);
    await page.getByLabel('Số biên bản giao nhận').fill('BB-07/2026');
    await page.getByLabel('Số vận đơn (mã bưu gửi)').fill('EB123456789VN');
    await page.getByRole('radio', { name: 'Qua dịch vụ bưu chính', exact: true }).check();
    await page.getByLabel(/Địa chỉ nhận kết quả qua bưu chính/).fill('12 Lê Lợi, phường Phú Xuân, Huế');
    await review(page, 'office-desk-postal-reception-counter');
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Xác nhận tiếp nhận hồ sơ' });
    // The appointment shown before confirming counts from the hand-over minutes, not from now (in "Cách tính").
    await dialog.getByText(`Tiếp nhận lúc ${local.slice(11, 16)}`, { exact: false }).first().waitFor({ state: 'attached' });
    await dialog.getByRole('button', { name: 'Xác nhận tiếp nhận' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Đã tiếp nhận hồ sơ' }).count(), { timeout: 20_000 }).toBe(1);
    const code = await page.locator('output.dossier-code').textContent();
    const dossierHref = await page.getByRole('link', { name: 'Mở hồ sơ' }).getAttribute('href');
    const dossierId = dossierHref!.split('/').pop()!;

    // The PDF is rendered by the job runner; the page asks again until it is there.
    await page.getByText('Đang tạo bản PDF giấy tiếp nhận (Mẫu 01)…').first().waitFor();
    await runJobs();
    const print = page.getByRole('link', { name: /^In giấy tiếp nhận \(Mẫu 01\)/ });
    await print.waitFor({ timeout: 20_000 });
    expect(await print.getAttribute('target')).toBe('_blank');
    await review(page, 'office-desk-receipt-pdf-counter');
    const href = (await print.getAttribute('href'))!;
    const pdf = await page.request.get(href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const documents = (await (await page.request.get(`/api/v1/dossiers/${dossierId}/documents`)).json()) as { items: { kind: string; sha256: string; contentUrl: string }[] };
    const receipt = documents.items.find((d) => d.kind === 'receipt')!;
    expect(receipt.sha256).toBe(sha256);
    expect(href).toBe(receipt.contentUrl);

    // The dossier page shows the postal reception and the return address.
    await page.getByRole('link', { name: 'Mở hồ sơ' }).click();
    await expect.poll(() => heading(page)).toBe(code);
    await page.getByText(/Biên bản giao nhận số BB-07\/2026, ký lúc .*; số vận đơn: EB123456789VN/).waitFor();
    await page.getByText('12 Lê Lợi, phường Phú Xuân, Huế').waitFor();
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });

  it('lets a department head assign dossiers at two different steps at once, one officer per step, with working-time countdowns (counter screen)', async () => {
    // The same account signed in through the page a moment ago: its TOTP code of this 30-second window is spent.
    await server.db.query('UPDATE app_user SET totp_last_step = NULL WHERE email = $1', ['tiepnhan.phuxuan@motcua.demo']);
    const reception = await apiSignIn(server.baseUrl, 'tiepnhan.phuxuan@motcua.demo');
    const specialist = await apiSignIn(server.baseUrl, 'chuyenvien.phuxuan@motcua.demo');
    const dossiers = [];
    for (const name of ['Lê Thị Một', 'Lê Thị Hai', 'Lê Thị Ba']) {
      const received = await receiveBirthRegistration(reception, name);
      await reception.post(`/dossiers/${received.id}/transfer`, {}, { 'if-match': `"${received.version}"` });
      dossiers.push(received);
    }
    // The third dossier moves on to the head's own step (review): the selection spans two (agency, role) steps.
    type Steps = { steps: { id: string; status: string; name: string; assigneeName: string | null }[] };
    const third = await specialist.get<Steps>(`/dossiers/${dossiers[2]!.id}`);
    const appraisal = third.steps.find((s) => s.status === 'active')!;
    await specialist.post(`/dossiers/${dossiers[2]!.id}/steps/${appraisal.id}/completion`, { note: null });
    const page = await openPage(browser, server.baseUrl, 'counter');
    await signInAt(page, '/office/inbox', 'truongphong.phuxuan@motcua.demo', 'Hồ sơ cần xử lý');
    await page.getByRole('tab', { name: /^Của đơn vị/ }).click();
    const panel = page.getByRole('tabpanel');
    for (const d of dossiers) await panel.getByRole('checkbox', { name: `Chọn hồ sơ ${d.code} để phân công` }).check();
    // Countdowns come from the server's legal clock, in working time.
    await expect.poll(() => panel.locator('.countdown time').first().textContent()).toMatch(/làm việc|đến hạn|đã quá hạn/);
    await page.getByText('Các hồ sơ đã chọn ở 2 bước khác nhau: chọn cán bộ cho từng bước.').waitFor();
    const specialistName = 'Chuyên viên thụ lý — phường Phú Xuân (demo)';
    const headName = 'Trưởng phòng — phường Phú Xuân (demo)';
    const appraisalPicker = page.getByLabel(`Cán bộ nhận bước “${appraisal.name}” (2 hồ sơ)`);
    const reviewPicker = page.getByLabel(/^Cán bộ nhận bước .* \(1 hồ sơ\)$/);
    await expect.poll(() => appraisalPicker.locator('option').allTextContents()).toContain(specialistName);
    await expect.poll(() => reviewPicker.locator('option').allTextContents()).toContain(headName);
    // Each step offers only the officers holding its role at its unit.
    expect(await appraisalPicker.locator('option').allTextContents()).not.toContain(headName);
    await appraisalPicker.selectOption({ label: specialistName });
    // Until every step has its officer, nothing is sent.
    await page.getByText('Còn 1 bước chưa chọn cán bộ.').waitFor();
    expect(await page.getByRole('button', { name: 'Phân công 3 hồ sơ' }).isDisabled()).toBe(true);
    await reviewPicker.selectOption({ label: headName });
    await review(page, 'office-desk-bulk-assign-counter');
    await page.getByRole('button', { name: 'Phân công 3 hồ sơ' }).click();
    await page.getByText('Đã xử lý 3/3 hồ sơ').waitFor({ timeout: 20_000 });
    for (const d of dossiers) await page.getByRole('listitem').filter({ hasText: d.code }).getByText('Đã phân công').waitFor();
    await review(page, 'office-desk-bulk-assigned-counter');
    const expected = [specialistName, specialistName, headName];
    for (const [index, d] of dossiers.entries()) {
      const one = await reception.get<Steps>(`/dossiers/${d.id}`);
      expect(one.steps.find((s) => s.status === 'active')?.assigneeName).toBe(expected[index]);
    }
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });

  it('counts and pages a tab of more than a page on the server: a head finds the 120 overdue dossiers on three pages (phone)', async () => {
    const [template] = await server.db.query<{ id: string; agency: string }>(
      "SELECT id, current_agency_id AS agency FROM dossier WHERE state = 'processing' AND closed_at IS NULL ORDER BY submitted_at LIMIT 1",
    );
    await cloneOpenDossiers(server.db, template!.id, { count: 120, heldBy: template!.agency, dueBefore: new Date(Date.now() - 3_600_000), codePrefix: 'TRANG-' });
    await server.db.query('UPDATE app_user SET totp_last_step = NULL WHERE email = $1', ['truongphong.phuxuan@motcua.demo']);
    const page = await openPage(browser, server.baseUrl, 'phone');
    await signInAt(page, '/office/inbox', 'truongphong.phuxuan@motcua.demo', 'Hồ sơ cần xử lý');
    const tab = page.getByRole('tab', { name: /^Quá hạn \(\d+\)$/ });
    const overdue = Number((await tab.textContent())!.match(/\((\d+)\)/)![1]);
    // The server's count: the copies and the demo's own overdue dossiers, not the 50 of a page nor the 200 of old.
    expect(overdue).toBeGreaterThanOrEqual(120);
    await tab.click();
    const panel = page.getByRole('tabpanel');
    await panel.getByText(`Hồ sơ 1–50 trong tổng số ${overdue}`).waitFor();
    expect(await panel.getByRole('row').count()).toBe(51);
    // The most overdue first: the 120th copy (due earliest of them) is on the first page, the first copy is not.
    expect(await panel.getByRole('link', { name: 'TRANG-000001', exact: true }).count()).toBe(0);
    await review(page, 'office-desk-inbox-pages-phone');
    await page.getByRole('button', { name: 'Trang 3' }).click();
    await panel.getByText(`Hồ sơ 101–${overdue} trong tổng số ${overdue}`).waitFor();
    await panel.getByRole('link', { name: 'TRANG-000001', exact: true }).waitFor();
    // Filtering on the server: no overdue dossier came online.
    await page.getByLabel('Kênh nộp').selectOption('online');
    await page.getByRole('tab', { name: 'Quá hạn (0)' }).waitFor();
    await panel.getByText('Không có hồ sơ nào trong mục này.').waitFor();
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });

  it('creates an officer with two roles; the new officer’s first sign-in sets up the second factor (counter screen)', async () => {
    const page = await openPage(browser, server.baseUrl, 'counter');
    await signInAt(page, '/office/admin/officers', 'quantri@motcua.demo', 'Cán bộ và vai trò');
    // The agency codes of the demo specialist's and reception officer's roles, read in the administrator's session.
    const { officers } = (await (await page.request.get('/api/v1/officers')).json()) as { officers: { email: string; grants: { agencyCode: string }[] }[] };
    const committee = officers.find((o) => o.email === 'chuyenvien.phuxuan@motcua.demo')!.grants[0]!.agencyCode;
    const desk = officers.find((o) => o.email === 'tiepnhan.phuxuan@motcua.demo')!.grants[0]!.agencyCode;
    const form = page.getByRole('form', { name: 'Tạo tài khoản cán bộ' });
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await form.getByText('Hãy nhập họ và tên (ít nhất 2 ký tự).').first().waitFor();
    await form.getByLabel(/^Họ và tên/).fill('Trần Cán Bộ Mới');
    await form.getByLabel(/^Thư điện tử/).fill('canbo.moi@example.vn');
    await form.getByLabel(/^Mật khẩu ban đầu/).fill('MatKhauMoi@2026');
    await form.getByLabel('Vai trò 1', { exact: true }).selectOption('specialist');
    await form.getByLabel(/^Mã đơn vị của vai trò 1/).fill(committee);
    await form.getByRole('button', { name: 'Thêm vai trò' }).click();
    await form.getByLabel('Vai trò 2', { exact: true }).selectOption('reception_officer');
    await form.getByLabel(/^Mã đơn vị của vai trò 2/).fill(desk);
    await review(page, 'office-desk-create-officer-counter');
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByText('Đã tạo tài khoản Trần Cán Bộ Mới (canbo.moi@example.vn).').waitFor({ timeout: 20_000 });
    await page.getByText(/ở lần đăng nhập đầu tiên .* mã QR/).waitFor();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Trần Cán Bộ Mới' }) });
    await card.getByText('chưa đăng ký xác thực hai lớp', { exact: false }).waitFor();
    expect(await card.getByText(`(${committee})`, { exact: false }).count()).toBeGreaterThan(0);
    expect(await card.getByText(`(${desk})`, { exact: false }).count()).toBeGreaterThan(0);
    await review(page, 'office-desk-officer-created-counter');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();

    // The new officer signs in with the first password: the page sets up the second factor (QR code and key).
    const officer = await openPage(browser, server.baseUrl, 'counter');
    await officer.goto('/office/inbox');
    await officer.getByLabel(/Tài khoản \(thư điện tử\)/).fill('canbo.moi@example.vn');
    await officer.getByLabel(/^Mật khẩu/).fill('MatKhauMoi@2026');
    await officer.getByRole('button', { name: 'Đăng nhập' }).click();
    await officer.getByRole('heading', { name: 'Thiết lập xác thực hai lớp' }).waitFor();
    await officer.getByRole('img', { name: /Mã QR/ }).waitFor();
    const secret = (await officer.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    await review(officer, 'office-desk-new-officer-totp-counter');
    await officer.getByLabel(/Mã xác thực/).fill(totpCode(secret, new Date()));
    await officer.getByRole('button', { name: 'Kích hoạt và đăng nhập' }).click();
    await expect.poll(() => heading(officer), { timeout: 15_000 }).toBe('Hồ sơ cần xử lý');
    await officer.context().close();
  });
});
