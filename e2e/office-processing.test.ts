/**
 * Processing in a real browser on the demo data of Phường Phú Xuân: the desk finds a received dossier in its inbox
 * and transfers it; the specialist finds the step in "my steps", is told that the page is stale when a leader
 * assigned the step meanwhile (If-Match → 409 STALE_VERSION), and completes it on the reloaded version; the head
 * completes hers on a phone; the leader signs on the leader's desk (here through the API); the desk returns the
 * result at the counter. A second supplement request is refused with the law's reason.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, review, type TestServer } from './support';
import { apiSignIn, heading, receiveBirthRegistration, signInAt, startDemoServer, type ApiSession } from './office-journey';

let server: TestServer;
let browser: Browser;
let leader: ApiSession;
let supervisor: ApiSession;
let citizen: ApiSession;
let dossier: { id: string; code: string };

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  supervisor = await apiSignIn(server.baseUrl, 'giamsat.phuxuan@motcua.demo');
  leader = await apiSignIn(server.baseUrl, 'lanhdao.phuxuan@motcua.demo');
  citizen = await apiSignIn(server.baseUrl, 'nguoidan@motcua.demo');
  dossier = await receiveBirthRegistration(supervisor, 'Lê Thị Hoa');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Step = { id: string; status: string; name: string };
const activeStep = async () => (await leader.get<{ steps: Step[] }>(`/dossiers/${dossier.id}`)).steps.find((s) => s.status === 'active')!;

async function act(page: Page, action: string, confirm: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByRole('button', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  return dialog;
}

const state = (page: Page) => page.locator('.dossier > p > .tag').first().textContent();

describe('processing a counter dossier to its returned result', () => {
  it('transfer, specialist, head, leader, return — each officer on their own screen', async () => {
    // the desk: inbox → dossier → transfer
    const desk = await openPage(browser, server.baseUrl, 'counter');
    await signInAt(desk, '/office/inbox', 'tiepnhan.phuxuan@motcua.demo', 'Hồ sơ cần xử lý');
    await desk.getByRole('tab', { name: /^Bước của tôi \(\d+\)$/ }).waitFor();
    await review(desk, 'office-inbox-desk-counter');

    // the online queue: a dossier the citizen submitted waits for the check, with its countdown; receive it
    const online = await receiveBirthRegistration(citizen, 'Nguyễn Thị Người Dân');
    await desk.getByRole('link', { name: 'Hồ sơ trực tuyến chờ tiếp nhận' }).click();
    await expect.poll(() => heading(desk)).toBe('Hồ sơ trực tuyến chờ tiếp nhận');
    const row = desk.getByRole('row').filter({ has: desk.getByRole('link', { name: '(chưa có mã)' }) }).filter({ hasText: 'Nguyễn Thị Người Dân' });
    await row.getByText(/^còn /).waitFor();
    await review(desk, 'office-queue-counter');
    await row.getByRole('button', { name: 'Tiếp nhận' }).click();
    await desk.getByText(/^Đã tiếp nhận hồ sơ 001\.01\.40\.H57-\d{6}-\d{4}\.$/).waitFor();
    expect((await leader.get<{ state: string }>(`/dossiers/${online.id}`)).state).toBe('received');
    await desk.getByRole('link', { name: 'Hồ sơ cần xử lý' }).click();
    await expect.poll(() => heading(desk)).toBe('Hồ sơ cần xử lý');
    await desk.getByRole('link', { name: dossier.code }).first().click();
    await expect.poll(() => heading(desk)).toBe(dossier.code);
    await review(desk, 'office-dossier-received-counter');
    await act(desk, 'Chuyển cơ quan giải quyết', 'Chuyển cơ quan giải quyết');
    await desk.getByText('Đã thực hiện: Chuyển cơ quan giải quyết.').waitFor();
    await expect.poll(() => state(desk)).toBe('Đang xử lý');

    // the specialist: my steps → the dossier; a leader assigns the step meanwhile → stale version, reload, complete
    const specialist = await openPage(browser, server.baseUrl, 'counter');
    await signInAt(specialist, '/office/inbox', 'chuyenvien.phuxuan@motcua.demo', 'Hồ sơ cần xử lý');
    await specialist.getByRole('tabpanel').getByRole('link', { name: dossier.code }).click();
    await expect.poll(() => heading(specialist)).toBe(dossier.code);
    const step = await activeStep();
    const { officers } = await leader.get<{ officers: { id: string; email: string; displayName: string }[] }>('/officers');
    const me = officers.find((o) => o.email === 'chuyenvien.phuxuan@motcua.demo')!;
    await leader.post(`/dossiers/${dossier.id}/steps/${step.id}/assignment`, { assigneeId: me.id, assigneeName: me.displayName });
    const dialog = await act(specialist, `Hoàn thành bước: ${step.name}`, 'Hoàn thành bước', (d) => d.getByLabel('Ghi chú').fill('Hồ sơ hợp lệ, dự thảo giấy khai sinh.'));
    await dialog.getByText(/phiên bản cũ của hồ sơ/).waitFor();
    await review(specialist, 'office-dossier-stale-counter');
    await dialog.getByRole('button', { name: 'Hoàn thành bước', exact: true }).click();
    await specialist.getByText(`Đã thực hiện: Hoàn thành bước: ${step.name}.`).waitFor();
    await specialist.getByText(/Bước 2: Xem xét, trình ký/).waitFor();

    await review(specialist, 'office-dossier-specialist-done-counter');
    await specialist.context().close();

    // the head, on a phone
    const head = await openPage(browser, server.baseUrl, 'phone');
    await signInAt(head, `/office/dossiers/${dossier.id}`, 'truongphong.phuxuan@motcua.demo', dossier.code);
    await act(head, 'Hoàn thành bước: Xem xét, trình ký', 'Hoàn thành bước');
    await head.getByText('Đã thực hiện: Hoàn thành bước: Xem xét, trình ký.').waitFor();
    // the dossier waits at the leader's step; the link to the leader's desk is for the leader, not the head
    await head.locator('li[aria-current="step"]', { hasText: 'Lãnh đạo cơ quan' }).waitFor();
    expect(await head.getByRole('link', { name: 'Phê duyệt và ký số trên màn hình của lãnh đạo' }).count()).toBe(0);
    await review(head, 'office-dossier-head-phone');
    expect(await head.pageErrors()).toEqual([]);
    await head.context().close();

    // the leader approves and signs on the leader's desk (another screen): here through the API
    const leaderStep = await activeStep();
    await leader.post(`/dossiers/${dossier.id}/steps/${leaderStep.id}/completion`, { note: null });
    await leader.post(`/dossiers/${dossier.id}/result`, { summary: 'Giấy khai sinh bản chính', documentNumber: '15/GKS' });

    // the desk returns the result at the counter
    await desk.reload();
    await expect.poll(() => state(desk)).toBe('Đã có kết quả, chờ trả');
    await act(desk, 'Trả kết quả', 'Trả kết quả', async (d) => {
      expect(await d.getByLabel('Người nhận kết quả').inputValue()).toBe('Lê Thị Hoa');
    });
    await desk.getByText('Đã thực hiện: Trả kết quả.').waitFor();
    await expect.poll(() => state(desk)).toBe('Đã trả kết quả');
    await desk.getByRole('heading', { name: 'Phiếu kiểm soát quá trình giải quyết hồ sơ' }).waitFor();
    await review(desk, 'office-dossier-returned-counter');

    // the law allows one supplement request per dossier: a second one is refused with its reason
    const second = await receiveBirthRegistration(supervisor, 'Phan Văn Minh');
    await supervisor.post(`/dossiers/${second.id}/supplement-requests`, { items: ['Giấy chứng sinh'], reason: 'Thiếu giấy chứng sinh' });
    await supervisor.post(`/dossiers/${second.id}/supplements`, { note: 'Đã nộp giấy chứng sinh' });
    await desk.goto(`/office/dossiers/${second.id}`);
    await expect.poll(() => heading(desk)).toBe(second.code);
    const refused = await act(desk, 'Yêu cầu bổ sung (Mẫu 02)', 'Yêu cầu bổ sung (Mẫu 02)', async (d) => {
      await d.getByText(/đã được yêu cầu bổ sung một lần/).waitFor();
      await d.getByLabel(/Giấy tờ, nội dung cần bổ sung/).fill('Bản sao sổ hộ khẩu');
      await d.getByLabel(/^Lý do/).fill('Cần thêm giấy tờ');
    });
    await refused.getByRole('alert').first().waitFor();
    expect(await refused.locator('.error-summary, [role="alert"]').first().textContent()).toMatch(/bổ sung/i);
    await review(desk, 'office-dossier-second-supplement-refused-counter');
    expect(await desk.pageErrors()).toEqual([]);
    await desk.context().close();
  });
});
