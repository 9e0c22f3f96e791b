/**
 * The reception desk in a real browser on the demo data: the reception officer of Phường Phú Xuân receives a
 * counter dossier for "Đăng ký khai sinh" with the keyboard only (search, Enter picks, Tab to the applicant,
 * Enter opens the confirmation with the appointment and its explanation, Enter receives), gets the dossier code
 * and prints the receipt (Form 01), its scans uploaded and previewed on the dossier page; on a phone, the desk supervisor
 * guides an incomplete dossier (Form 02); at the counter, the officer refuses one (Form 03). Forms 02 and 03 open as
 * the issued PDFs — the bytes whose SHA-256 the dossier's documents list gives — once the job runner rendered them.
 */
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoHorizontalOverflow, launchBrowser, openPage, review, runJobsOnce, type TestServer } from './support';
import { focusedId, focusedText, heading, signInAt, startDemoServer } from './office-journey';

const minimalPdf =
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
  '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 100]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n';
const onePixelPng = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * After the counter concluded: the page waits for the form's PDF, the job runner renders it, and the print link
 * opens (new tab) the issued PDF — the same bytes, by SHA-256, as the dossier's documents list names.
 */
async function expectIssuedPdf(page: Page, form: { kind: string; pending: string; print: string }, shot: string): Promise<void> {
  await page.getByText(form.pending).first().waitFor();
  await review(page, `${shot}-pending`);
  await runJobsOnce(server);
  const print = page.getByRole('link', { name: new RegExp(`^${form.print.replace(/[()]/g, '\\$&')}`) });
  await print.waitFor({ timeout: 20_000 });
  expect(await print.getAttribute('target')).toBe('_blank');
  await review(page, `${shot}-pdf`);
  const href = (await print.getAttribute('href'))!;
  const dossierId = /\/dossiers\/([0-9a-f-]{36})\//.exec(href)![1];
  const pdf = await page.request.get(href);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const documents = (await (await page.request.get(`/api/v1/dossiers/${dossierId}/documents`)).json()) as { items: { kind: string; sha256: string; contentUrl: string }[] };
  const issued = documents.items.filter((d) => d.kind === form.kind);
  expect(issued).toHaveLength(1);
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(issued[0]!.sha256);
  expect(href).toBe(issued[0]!.contentUrl);
}

describe('reception desk', () => {
  it('receives a counter dossier without the mouse and prints the receipt (counter screen)', async () => {
    const page = await openPage(browser, server.baseUrl, 'counter');
    await signInAt(page, '/office/reception', 'tiepnhan.phuxuan@motcua.demo', 'Tiếp nhận hồ sơ');
    await page.getByText('Quầy: Bộ phận tiếp nhận và trả kết quả — TTPVHCC Phường Phú Xuân').waitFor();
    await review(page, 'office-reception-empty-counter');

    // "/" goes to the search; Enter picks the first match
    await page.locator('body').press('/');
    expect(await focusedId(page)).toBe('reception-search');
    await page.keyboard.type('dang ky khai sinh');
    await page.getByRole('radio', { name: /Thủ tục đăng ký khai sinh 1\.001193/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Đã chọn: Thủ tục đăng ký khai sinh (1.001193)').waitFor();

    // Tab reaches the applicant's name (through the matches)
    await page.locator('#applicant-fullName').waitFor();
    for (let i = 0; i < 5 && (await focusedId(page)) !== 'applicant-fullName'; i++) await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('applicant-fullName');
    await page.keyboard.type('Nguyễn Văn An');
    await page.keyboard.press('Tab');
    await page.keyboard.type('046090001234');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0912345678');
    await page.getByRole('button', { name: 'Đánh dấu đã nhận các giấy tờ bắt buộc' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('checkbox', { checked: true }).count()).toBeGreaterThan(0);
    // the online e-form is not asked at the counter (its catalogue channels): not in the checklist, said in one line
    expect(await page.getByRole('checkbox', { name: /^Mẫu hộ tịch điện tử tương tác/ }).count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: /^Tờ khai đăng ký khai sinh/ }).isChecked()).toBe(true);
    await page.getByText('1 giấy tờ chỉ nộp theo kênh khác (như mẫu điện tử nộp trực tuyến) không hỏi ở kênh này.').waitFor();
    // scans: chosen here (a drop or the picker), uploaded once the dossier is received
    await page.locator('input[type="file"]').setInputFiles([
      { name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: Buffer.from(minimalPdf) },
      { name: 'giay-chung-sinh.png', mimeType: 'image/png', buffer: Buffer.from(onePixelPng, 'base64') },
    ]);
    await page.getByText('to-khai.pdf (1 KB)').waitFor();
    await review(page, 'office-reception-filled-counter');

    // Enter in a field opens the confirmation, with the appointment and how it was computed
    await page.locator('#reception-summary').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Xác nhận tiếp nhận hồ sơ' });
    await dialog.waitFor();
    await dialog.getByText(/^Ngày hẹn trả kết quả: /).waitFor();
    await dialog.getByText('Cách tính').waitFor();
    expect(await dialog.getByText(/^Chưa đánh dấu nhận các giấy tờ bắt buộc sau/).count()).toBe(0);
    await expect.poll(() => focusedText(page)).toBe('Xác nhận tiếp nhận');
    await review(page, 'office-reception-confirm-counter');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Đã tiếp nhận hồ sơ' }).count()).toBe(1);
    const code = await page.locator('output.dossier-code').textContent();
    expect(code).toMatch(/^001\.01\.40\.H57-\d{6}-\d{4}$/);
    expect(await page.getByText(/^Số \d+\/\d{4}$/).count()).toBe(1);
    await page.getByText('Đã tải lên 2 bản quét.').waitFor();
    await review(page, 'office-reception-received-counter');

    // The receipt to print is the issued PDF (e2e/office-desk.test.ts checks its bytes); the page shows it too.
    await page.getByRole('link', { name: 'Xem giấy tiếp nhận trên trang' }).click();
    await expect.poll(() => heading(page)).toBe('Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    expect(await page.locator('.form-print__sheet .dossier-code').textContent()).toBe(code);
    await page.getByText('Nguyễn Văn An').first().waitFor();
    await review(page, 'office-reception-receipt-counter');

    // the dossier page lists the scans and previews them in the page
    await page.getByRole('link', { name: 'Về hồ sơ' }).click();
    await expect.poll(() => heading(page)).toBe(code);
    await page.getByRole('button', { name: 'Xem giay-chung-sinh.png' }).click();
    const preview = page.getByRole('img', { name: 'Xem trước giay-chung-sinh.png' });
    await preview.waitFor();
    await expect.poll(() => preview.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(1);
    await page.getByRole('button', { name: 'Xem to-khai.pdf' }).click();
    await page.locator('iframe[title="Xem trước to-khai.pdf"]').waitFor();
    await review(page, 'office-reception-dossier-scans-counter');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });

  it('guides an incomplete dossier with Form 02 (phone)', async () => {
    const page = await openPage(browser, server.baseUrl, 'phone');
    await signInAt(page, '/office/reception', 'giamsat.phuxuan@motcua.demo', 'Tiếp nhận hồ sơ');
    await page.getByLabel('Tìm thủ tục hành chính').fill('khai tu');
    await page.getByRole('radio', { name: /Thủ tục đăng ký khai tử/ }).first().check();
    await page.getByLabel(/^Họ và tên/).first().fill('Trần Thị Bình');
    await review(page, 'office-reception-form-phone');
    await expectNoHorizontalOverflow(page, 'reception form');

    await page.getByRole('button', { name: 'Hướng dẫn bổ sung (Mẫu 02)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hướng dẫn bổ sung, hoàn thiện hồ sơ (Mẫu 02)' });
    await dialog.waitFor();
    // the mandatory documents not ticked are proposed as the items to add
    expect((await dialog.getByLabel(/Giấy tờ, nội dung cần bổ sung/).inputValue()).length).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Lập phiếu hướng dẫn' }).click();
    await dialog.getByText('Hãy nêu lý do.').waitFor();
    await dialog.getByLabel(/Lý do, hướng dẫn/).fill('Thiếu giấy báo tử; bổ sung rồi nộp lại.');
    await review(page, 'office-reception-guide-phone');
    await dialog.getByRole('button', { name: 'Lập phiếu hướng dẫn' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Đã lập phiếu hướng dẫn bổ sung' }).count()).toBe(1);
    await expectIssuedPdf(page, { kind: 'supplement_request', pending: 'Đang tạo bản PDF phiếu hướng dẫn (Mẫu 02)…', print: 'In phiếu hướng dẫn (Mẫu 02)' }, 'office-reception-guidance-phone');
    // the on-page view stays, second
    await page.getByRole('link', { name: 'Xem phiếu hướng dẫn trên trang' }).click();
    await expect.poll(() => heading(page)).toMatch(/bổ sung, hoàn thiện hồ sơ/);
    await page.getByText('Thiếu giấy báo tử; bổ sung rồi nộp lại.').waitFor();
    await review(page, 'office-reception-guidance-form-phone');
    await expectNoHorizontalOverflow(page, 'Form 02 page view');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });

  it('refuses a dossier with Form 03 and opens the issued refusal PDF (counter screen)', async () => {
    // The same account signed in through the page a moment ago: its TOTP code of this 30-second window is spent.
    await server.db.query('UPDATE app_user SET totp_last_step = NULL WHERE email = $1', ['tiepnhan.phuxuan@motcua.demo']);
    const page = await openPage(browser, server.baseUrl, 'counter');
    await signInAt(page, '/office/reception', 'tiepnhan.phuxuan@motcua.demo', 'Tiếp nhận hồ sơ');
    await page.getByLabel('Tìm thủ tục hành chính').fill('dang ky khai sinh');
    await page.getByRole('radio', { name: /Thủ tục đăng ký khai sinh 1\.001193/ }).check();
    await page.locator('#applicant-fullName').fill('Lê Văn Cường');
    await page.getByRole('button', { name: 'Từ chối tiếp nhận (Mẫu 03)' }).click();
    const dialog = page.getByRole('dialog', { name: /Mẫu 03/ });
    await dialog.waitFor();
    await dialog.getByLabel(/Lý do từ chối/).fill('Người được khai sinh không cư trú trên địa bàn phường.');
    await review(page, 'office-reception-refuse-counter');
    await dialog.getByRole('button', { name: 'Lập phiếu từ chối' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Đã lập phiếu từ chối tiếp nhận' }).count()).toBe(1);
    await expectIssuedPdf(page, { kind: 'refusal', pending: 'Đang tạo bản PDF phiếu từ chối (Mẫu 03)…', print: 'In phiếu từ chối (Mẫu 03)' }, 'office-reception-refusal-counter');
    await page.getByRole('link', { name: 'Xem phiếu từ chối trên trang' }).click();
    await page.getByText('Người được khai sinh không cư trú trên địa bàn phường.').waitFor();
    await review(page, 'office-reception-refusal-form-counter');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });

  it('says plainly when the form’s PDF could not be made, and keeps the page view to print (phone)', async () => {
    await server.db.query('UPDATE app_user SET totp_last_step = NULL WHERE email = $1', ['giamsat.phuxuan@motcua.demo']);
    const page = await openPage(browser, server.baseUrl, 'phone');
    await signInAt(page, '/office/reception', 'giamsat.phuxuan@motcua.demo', 'Tiếp nhận hồ sơ');
    await page.getByLabel('Tìm thủ tục hành chính').fill('dang ky khai sinh');
    await page.getByRole('radio', { name: /Thủ tục đăng ký khai sinh 1\.001193/ }).check();
    await page.getByLabel(/^Họ và tên/).first().fill('Võ Thị Dung');
    await page.getByRole('button', { name: 'Từ chối tiếp nhận (Mẫu 03)' }).click();
    const dialog = page.getByRole('dialog', { name: /Mẫu 03/ });
    await dialog.getByLabel(/Lý do từ chối/).fill('Hồ sơ không thuộc thẩm quyền.');
    await dialog.getByRole('button', { name: 'Lập phiếu từ chối' }).click();
    await page.getByText('Đang tạo bản PDF phiếu từ chối (Mẫu 03)…').first().waitFor();
    // The render job of this refusal is broken (its event is gone from the payload): the runner gives up at once.
    await server.db.query(
      `UPDATE outbox_message SET payload = jsonb_set(payload, '{eventId}', '"00000000-0000-4000-8000-000000000009"')
        WHERE topic = 'document.render' AND status = 'pending' AND payload->>'formKind' = 'refusal'`,
    );
    await runJobsOnce(server);
    await page.getByRole('alert').filter({ hasText: 'Không tạo được bản PDF phiếu từ chối (Mẫu 03)' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('link', { name: /^In phiếu từ chối/ }).count()).toBe(0);
    await review(page, 'office-reception-refusal-pdf-failed-phone');
    await page.getByRole('link', { name: 'Xem phiếu từ chối trên trang' }).click();
    await page.getByText('Hồ sơ không thuộc thẩm quyền.').waitFor();
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});
