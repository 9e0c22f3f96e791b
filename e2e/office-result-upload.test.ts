/**
 * A result drafted elsewhere and uploaded as a PDF (issue #7), in a real browser on the demo data with the server's
 * job runner signing: the specialist opens the dossier page of a birth registration at their step; a file named
 * .pdf that is not a PDF, dropped on the box, is refused in the page; the server's refusal (the dossier left processing behind the page)
 * is shown with its title; a small real PDF is uploaded under the title prefilled from the
 * procedure's result ("Giấy khai sinh") with visible progress and becomes the result document (draft, previewed in
 * the page). Once the steps reach the leader it reads "Chờ lãnh đạo phê duyệt"; the leader approves it (through the
 * API, the leader's desk has its own test), the job runner signs it, and the dossier page shows it signed with the
 * signed file to download.
 */
import type { Browser, Page } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRunner } from '../apps/server/src/jobs/job-runner';
import { apiSignIn, receiveBirthRegistration, signInAt, startDemoServer, type ApiSession } from './office-journey';
import { launchBrowser, openPage, review, startJobRunner, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let jobs: JobRunner;
let dossier: { id: string; code: string };
let specialist: ApiSession;
let head: ApiSession;
let leader: ApiSession;
let reception: ApiSession;
const SPECIALIST = 'chuyenvien.phuxuan@motcua.demo';
const LEADER = 'lanhdao.phuxuan@motcua.demo';

async function activeStep(session: ApiSession, id: string): Promise<string> {
  const d = await session.get<{ steps: { id: string; status: string }[] }>(`/dossiers/${id}`);
  return d.steps.find((s) => s.status === 'active')!.id;
}

async function resultPdf(text = 'GIAY KHAI SINH - ban du thao soan ngoai he thong'): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  pdf.addPage([595, 842]).drawText(text, { x: 72, y: 760, size: 14, font });
  return Buffer.from(await pdf.save());
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  reception = await apiSignIn(server.baseUrl, 'tiepnhan.phuxuan@motcua.demo');
  [specialist, head, leader] = await Promise.all([
    apiSignIn(server.baseUrl, SPECIALIST),
    apiSignIn(server.baseUrl, 'truongphong.phuxuan@motcua.demo'),
    apiSignIn(server.baseUrl, LEADER),
  ]);
  const received = await receiveBirthRegistration(reception, 'Võ Thị Hạnh');
  await reception.post(`/dossiers/${received.id}/transfer`, {});
  await specialist.post(`/dossiers/${received.id}/steps/${await activeStep(specialist, received.id)}/claim`, {});
  dossier = { id: received.id, code: received.code };
  jobs = startJobRunner(server);
}, 300_000);
afterAll(async () => {
  await jobs?.stop();
  await browser?.close();
  await server?.close();
});

const resultItem = (page: Page) => page.getByRole('region', { name: 'Văn bản kết quả' }).getByRole('listitem').filter({ hasText: 'Giấy khai sinh' });

describe('the specialist uploads the result as a PDF', () => {
  it('refuses a non-PDF, uploads a PDF as the result document, and shows it signed once the leader approved', async () => {
    const page = await openPage(browser, server.baseUrl, 'counter');
    // the same account signed in over the API a moment ago: its TOTP code of this 30-second window is spent
    await server.db.query('UPDATE app_user SET totp_last_step = NULL WHERE email = $1', [SPECIALIST]);
    await signInAt(page, `/office/dossiers/${dossier.id}`, SPECIALIST, dossier.code);
    const form = page.getByRole('form', { name: 'Tải lên văn bản kết quả (PDF)' });
    const title = form.getByLabel(/^Tên văn bản kết quả/);
    // the title comes from the procedure's result in the catalogue
    await expect.poll(() => title.inputValue()).toBe('Giấy khai sinh');
    await form.getByText(/Chỉ nhận tệp PDF, tối đa 20 MB\./).waitFor();

    // a Word file renamed .pdf, dropped on the box: refused in the page, nothing sent
    const fileInput = form.getByLabel(/^Tệp PDF văn bản kết quả/);
    const dropped = await page.evaluateHandle(`(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['PK\\u0003\\u0004 word/document.xml'], 'ket-qua.pdf', { type: 'application/pdf' }));
      return transfer;
    })()`);
    await form.locator('.reception__drop').dispatchEvent('drop', { dataTransfer: dropped });
    await form.getByText('Tệp này không phải PDF; văn bản kết quả phải là tệp PDF.').waitFor();
    await form.getByRole('button', { name: 'Tải lên và lập văn bản kết quả' }).click();
    await form.getByRole('link', { name: 'Tệp này không phải PDF; văn bản kết quả phải là tệp PDF.' }).waitFor();
    expect(await server.db.query("SELECT 1 FROM dossier_attachment WHERE dossier_id = $1 AND purpose = 'result'", [dossier.id])).toHaveLength(0);
    await review(page, 'office-result-upload-refused');

    // a real PDF, from the keyboard, while the dossier left processing behind the page (a supplement was asked):
    // the server refuses, and the page says why in its words
    await fileInput.setInputFiles({ name: 'giay-khai-sinh.pdf', mimeType: 'application/pdf', buffer: await resultPdf() });
    await form.getByText(/^Đã chọn: giay-khai-sinh\.pdf/).waitFor();
    await specialist.post(`/dossiers/${dossier.id}/supplement-requests`, { items: ['Giấy chứng sinh bản chính'], reason: 'Thiếu giấy chứng sinh' });
    await title.focus();
    await page.keyboard.press('Enter');
    await form.getByText('Không tải lên được văn bản kết quả: Hồ sơ đang ở trạng thái không cho phép thao tác này').waitFor();

    // the desk records the supplement; the same choice sent again: the result document listed as a draft
    await reception.post(`/dossiers/${dossier.id}/supplements`, { documents: [], note: 'Đã bổ sung' });
    await title.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Đã tải lên văn bản kết quả: Giấy khai sinh.').waitFor();
    await resultItem(page).getByText('Dự thảo', { exact: true }).waitFor();
    await resultItem(page).getByRole('button', { name: 'Xem Giấy khai sinh' }).click();
    const frame = page.locator('iframe[title^="Bản xem trước:"]');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    await review(page, 'office-result-upload');

    const [document] = await specialist.get<{ items: { id: string; kind: string; origin: string; title: string }[] }>(`/dossiers/${dossier.id}/documents`).then((l) => l.items.filter((d) => d.kind === 'result'));
    expect(document).toMatchObject({ origin: 'uploaded', title: 'Giấy khai sinh' });
    // an annex to the result, attached as a result file (no screen of its own: the API, with the page's session)
    const { csrfToken } = (await (await page.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
    const annexUpload = await page.request.post(`/api/v1/dossiers/${dossier.id}/attachments`, {
      headers: { 'x-csrf-token': csrfToken },
      multipart: { purpose: 'result', file: { name: 'phu-luc.pdf', mimeType: 'application/pdf', buffer: await resultPdf('PHU LUC') } },
    });
    expect(annexUpload.status()).toBe(201);
    const annex = (await annexUpload.json()) as { id: string };
    await page.setViewportSize({ width: 360, height: 740 });
    await review(page, 'office-result-upload-phone');
    await page.setViewportSize({ width: 1366, height: 768 });

    // the specialist's and the head's steps done: the result waits for the leader
    await specialist.post(`/dossiers/${dossier.id}/steps/${await activeStep(specialist, dossier.id)}/completion`, { note: 'Đã thẩm định' });
    const headStep = await activeStep(head, dossier.id);
    await head.post(`/dossiers/${dossier.id}/steps/${headStep}/claim`, {});
    await head.post(`/dossiers/${dossier.id}/steps/${headStep}/completion`, { note: 'Trình ký' });
    await page.reload();
    await resultItem(page).getByText('Chờ lãnh đạo phê duyệt', { exact: true }).waitFor();
    expect(await page.getByRole('form', { name: /Tải lên văn bản kết quả/ }).count()).toBe(1);

    // the leader approves on the leader's desk: the uploaded PDF shown once (as the result), the annex beside it;
    // the job runner signs (the leader's DEMO certificate, then the ward's seal)
    const desk = await openPage(browser, server.baseUrl, 'counter');
    await server.db.query('UPDATE app_user SET totp_last_step = NULL WHERE email = $1', [LEADER]);
    await signInAt(desk, '/office/leader', LEADER, 'Bàn làm việc của lãnh đạo');
    await desk.getByRole('button', { name: `Xem và phê duyệt hồ sơ ${dossier.code}` }).click();
    await desk.getByRole('heading', { name: `Kết quả giải quyết hồ sơ ${dossier.code}` }).waitFor();
    await desk.locator('iframe[title="Tệp kết quả đính kèm: phu-luc.pdf"]').waitFor();
    expect(await desk.locator('iframe[title^="Tệp kết quả đính kèm:"]').count()).toBe(1);
    expect(await desk.locator(`iframe[title^="Bản xem trước: Giấy khai sinh"]`).count()).toBe(1);
    await desk.getByRole('button', { name: 'Phê duyệt và ký số', exact: true }).click();
    await desk.getByText(`Đã phê duyệt hồ sơ ${dossier.code}; kết quả đã chuyển về Bộ phận Một cửa.`).waitFor();
    await desk.context().close();
    // recorded with the annex only: the uploaded PDF is signed once, as the result document
    const recorded = await leader.get<{ state: string; result: { attachmentIds: string[] } }>(`/dossiers/${dossier.id}`);
    expect(recorded).toMatchObject({ state: 'result_ready', result: { attachmentIds: [annex.id] } });
    await expect
      .poll(
        async () => {
          await page.reload();
          await resultItem(page).waitFor();
          return resultItem(page).locator('.tag').textContent();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe('Đã ký số');
    const signed = resultItem(page).getByRole('link', { name: 'Tải bản đã ký số: Giấy khai sinh' });
    const answer = await page.request.get(new URL((await signed.getAttribute('href'))!, server.baseUrl).toString());
    expect(answer.status()).toBe(200);
    const bytes = await answer.body();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/\/ByteRange/);
    // approved: no new draft or upload is offered
    expect(await page.getByRole('form', { name: /Tải lên văn bản kết quả/ }).count()).toBe(0);
    await expect
      .poll(async () => (await server.db.query<{ source_kind: string }>('SELECT source_kind FROM signed_document WHERE dossier_id = $1 ORDER BY source_kind', [dossier.id])).map((r) => r.source_kind), { timeout: 30_000 })
      .toEqual(['issued_document', 'result_attachment']);
    await review(page, 'office-result-upload-signed');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});
