/**
 * The new officer's whole journey in a real browser, one dossier from the counter to the returned, digitally
 * signed result, every step on its own screen with the demo accounts of the README (password + TOTP through the
 * real sign-in pages) and the server's job runner signing as `npm start` runs it:
 *   reception officer — receives at the counter and prints the receipt (Form 01); transfers it from the inbox;
 *   specialist — drafts the result letter on the dossier page and completes the appraisal step;
 *   department head (phone) — completes the review step;
 *   agency leader — sees the result PDF on the leader's desk, approves and signs; the progress turns to signed;
 *   reception officer — downloads the signed result from the dossier page (pdfsig: the leader's and the seal's
 *   signatures valid and trusted by the demo root) and returns the result.
 * axe and a screenshot at each screen (counter 1366×768, phone 360×740).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPem } from '@motcua/adapters/signatures';
import type { JobRunner } from '../apps/server/src/jobs/job-runner';
import { createPdfsigJudge, type PdfsigJudge } from '../test-support/pdfsig';
import { heading, signInAt, startDemoServer } from './office-journey';
import { launchBrowser, openPage, review, startJobRunner, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let jobs: JobRunner;
let judge: PdfsigJudge;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  const roots = await server.db.query<{ certificate_der: Uint8Array }>('SELECT certificate_der FROM pki_trusted_root WHERE is_demo');
  judge = createPdfsigJudge(roots.map((r, i) => ({ name: `demo-root-${i}`, pem: toPem(new Uint8Array(r.certificate_der)) })));
  jobs = startJobRunner(server);
}, 300_000);
afterAll(async () => {
  await jobs?.stop();
  judge?.close();
  await browser?.close();
  await server?.close();
});

async function act(page: Page, action: string | RegExp, confirm: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByRole('button', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  return dialog;
}
const state = (page: Page) => page.locator('.dossier > p > .tag').first().textContent();

describe('a new officer’s journey from the counter to the returned signed result', () => {
  it('receives, processes, approves and signs, and returns — all in the browser', async () => {
    // 1. the reception officer receives at the counter and prints the receipt
    const desk = await openPage(browser, server.baseUrl, 'counter');
    await signInAt(desk, '/office/reception', 'tiepnhan.phuxuan@motcua.demo', 'Tiếp nhận hồ sơ');
    await desk.getByLabel('Tìm thủ tục hành chính').fill('dang ky khai sinh');
    await desk.getByRole('radio', { name: /Thủ tục đăng ký khai sinh 1\.001193/ }).check();
    await desk.getByText('Đã chọn: Thủ tục đăng ký khai sinh (1.001193)').waitFor();
    await desk.locator('#applicant-fullName').fill('Đặng Thị Mai');
    await desk.getByRole('button', { name: 'Đánh dấu đã nhận các giấy tờ bắt buộc' }).click();
    await desk.locator('#reception-summary').focus();
    await desk.keyboard.press('Enter');
    const confirm = desk.getByRole('dialog', { name: 'Xác nhận tiếp nhận hồ sơ' });
    await confirm.getByText(/^Ngày hẹn trả kết quả: /).waitFor();
    await confirm.getByRole('button', { name: 'Xác nhận tiếp nhận' }).click();
    await expect.poll(() => desk.getByRole('heading', { level: 2, name: 'Đã tiếp nhận hồ sơ' }).count()).toBe(1);
    const code = (await desk.locator('output.dossier-code').textContent())!;
    expect(code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H57-\d{6}-\d{4}$/);
    // the receipt to print is the issued PDF (rendered by the job runner), opened in a new tab; the page shows it too
    const receipt = desk.getByRole('link', { name: /^In giấy tiếp nhận \(Mẫu 01\)/ });
    await receipt.waitFor({ timeout: 30_000 });
    const receiptPdf = await desk.request.get(new URL((await receipt.getAttribute('href'))!, server.baseUrl).toString());
    expect(receiptPdf.status()).toBe(200);
    expect((await receiptPdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await desk.getByRole('link', { name: 'Xem giấy tiếp nhận trên trang' }).click();
    await expect.poll(() => heading(desk)).toBe('Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    await desk.getByText('Đặng Thị Mai').first().waitFor();
    await review(desk, 'journey-1-receipt-counter');
    await desk.getByRole('link', { name: 'Về hồ sơ' }).click();
    await expect.poll(() => heading(desk)).toBe(code);
    const dossierPath = new URL(desk.url()).pathname;

    // … and transfers it to the competent agency
    await act(desk, 'Chuyển cơ quan giải quyết', 'Chuyển cơ quan giải quyết');
    await desk.getByText('Đã thực hiện: Chuyển cơ quan giải quyết.').waitFor();
    await expect.poll(() => state(desk)).toBe('Đang xử lý');
    await review(desk, 'journey-2-transferred-counter');

    // 2. the specialist finds it in "my steps", drafts the result letter, completes the appraisal
    const specialist = await openPage(browser, server.baseUrl, 'counter');
    await signInAt(specialist, '/office/inbox', 'chuyenvien.phuxuan@motcua.demo', 'Hồ sơ cần xử lý');
    await specialist.getByRole('tabpanel').getByRole('link', { name: code }).click();
    await expect.poll(() => heading(specialist)).toBe(code);
    const results = specialist.getByRole('region', { name: 'Văn bản kết quả' });
    await results.getByRole('button', { name: 'Lập dự thảo' }).click();
    await results.getByText('Nhập nội dung kết quả.').waitFor();
    await results.getByLabel(/^Nội dung kết quả/).fill('Cấp Giấy khai sinh bản chính và 01 bản sao cho cháu Đặng Minh An.');
    await results.getByLabel(/^Họ tên người ký/).fill('Lãnh đạo — phường Phú Xuân');
    await results.getByRole('button', { name: 'Lập dự thảo' }).click();
    const draftName = /Thông báo kết quả giải quyết thủ tục hành chính \(\d+\/KQ-BPTNTKQ\)/;
    await results.getByRole('listitem').filter({ hasText: 'Dự thảo' }).filter({ hasText: draftName }).waitFor();
    await results.getByRole('button', { name: /^Xem Thông báo kết quả/ }).click();
    await results.locator('iframe[title^="Bản xem trước: Thông báo kết quả"]').waitFor();
    await review(specialist, 'journey-3-result-drafted-counter');
    await act(specialist, /^Hoàn thành bước: Thẩm định/, 'Hoàn thành bước', (d) => d.getByLabel('Ghi chú').fill('Hồ sơ hợp lệ; đã dự thảo kết quả.'));
    await specialist.getByText(/Bước 2: Xem xét, trình ký/).waitFor();
    await specialist.context().close();

    // 3. the department head, on a phone
    const head = await openPage(browser, server.baseUrl, 'phone');
    await signInAt(head, dossierPath, 'truongphong.phuxuan@motcua.demo', code);
    await act(head, 'Hoàn thành bước: Xem xét, trình ký', 'Hoàn thành bước');
    await head.getByText('Đã thực hiện: Hoàn thành bước: Xem xét, trình ký.').waitFor();
    await review(head, 'journey-4-reviewed-phone');
    // the dossier waits at the leader's step; the link to the leader's desk is for the leader, not the head
    await head.locator('li[aria-current="step"]', { hasText: 'Lãnh đạo cơ quan' }).waitFor();
    expect(await head.getByRole('link', { name: 'Phê duyệt và ký số trên màn hình của lãnh đạo' }).count()).toBe(0);
    await head.context().close();

    // 4. the leader: the result PDF on the leader's desk, approve and sign, the signing progress
    const leader = await openPage(browser, server.baseUrl, 'counter');
    await signInAt(leader, '/office/inbox', 'lanhdao.phuxuan@motcua.demo', 'Hồ sơ cần xử lý');
    await leader.getByRole('link', { name: 'Bàn lãnh đạo' }).click();
    await expect.poll(() => heading(leader)).toBe('Bàn làm việc của lãnh đạo');
    await leader.getByRole('button', { name: `Xem và phê duyệt hồ sơ ${code}` }).click();
    await leader.locator(`iframe[title$="hồ sơ ${code}"]`).waitFor();
    await leader.getByLabel(/^Số, ký hiệu văn bản kết quả/).fill('88/GKS');
    await review(leader, 'journey-5-leader-review-counter');
    await leader.getByRole('button', { name: 'Phê duyệt và ký số', exact: true }).click();
    const progress = leader.getByRole('region', { name: 'Tiến độ phê duyệt và ký số' }).getByRole('listitem').filter({ hasText: code });
    await progress.getByText('Đã ký số', { exact: true }).waitFor({ timeout: 30_000 });
    await review(leader, 'journey-6-leader-signed-counter');
    expect(await leader.pageErrors()).toEqual([]);
    await leader.context().close();

    // 5. the desk: the result is ready, signed; download the signed file and return the result
    await desk.reload();
    await expect.poll(() => state(desk)).toBe('Đã có kết quả, chờ trả');
    const signedLink = desk.getByRole('region', { name: 'Văn bản kết quả' }).getByRole('link', { name: /^Tải bản đã ký số: / });
    await signedLink.waitFor();
    expect(await signedLink.getAttribute('href')).toMatch(/\/signed$/);
    const [download] = await Promise.all([desk.waitForEvent('download'), signedLink.click()]);
    expect(download.suggestedFilename()).toMatch(/-da-ky-so\.pdf$/);
    const report = judge.check(readFileSync((await download.path())!));
    expect(report.match(/Signature is Valid\./g)).toHaveLength(2);
    expect(report.match(/Certificate is Trusted\./g)).toHaveLength(2);
    await review(desk, 'journey-7-result-ready-counter');
    await act(desk, 'Trả kết quả', 'Trả kết quả', async (d) => {
      expect(await d.getByLabel('Người nhận kết quả').inputValue()).toBe('Đặng Thị Mai');
    });
    await desk.getByText('Đã thực hiện: Trả kết quả.').waitFor();
    await expect.poll(() => state(desk)).toBe('Đã trả kết quả');
    await review(desk, 'journey-8-returned-counter');
    expect(await desk.pageErrors()).toEqual([]);
    await desk.context().close();
  });
});
