/**
 * Deadlines in a real browser, on the demo dossiers of Phường Phú Xuân: the desk supervisor finds the dossier at
 * risk (its appraisal step is overdue) with the apology the deadline sweep drafted (Form 04), edits the reason,
 * issues it, and is told with the law's reason why a second apology cannot be issued; behind it, 60 more overdue
 * dossiers at the desk are counted and paged by the server (issue #7). axe and screenshots at both sizes.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../apps/server/src/seed/catalog-seed';
import { seedOfficeDossiers, type OfficeDemoDossiers } from '../apps/server/src/seed/office-dossiers-seed';
import { createOfficer, seedTestOrganization, signIn } from '../test-support/identity';
import { cloneOpenDossiers } from '../test-support/inbox-fill';
import { expectNoHorizontalOverflow, launchBrowser, openPage, review, startServer, viewportNames, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let demo: OfficeDemoDossiers;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await seedTestOrganization(server.db);
  await seedCatalog(server.db, new Date());
  const seeded = await seedOfficeDossiers({ db: server.db, clock: server.clock, config: server.config });
  if (!seeded) throw new Error('no demo dossiers');
  demo = seeded;
  // 60 more dossiers held by the desk, overdue within the last hour (after the dossier at risk's step): two pages.
  const [desk] = await server.db.query<{ id: string }>(`SELECT id FROM agency WHERE code = '000.01.40.H57'`);
  await cloneOpenDossiers(server.db, demo.atRisk.id, { count: 60, heldBy: desk!.id, dueBefore: new Date(), codePrefix: 'QH-' });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const heading = (page: Page) => page.locator('h1').textContent();

async function signedInPage(viewport: (typeof viewportNames)[number]): Promise<Page> {
  const officer = await createOfficer(server.db, {
    displayName: 'Phụ trách Bộ phận Một cửa',
    roles: [{ role: 'desk_supervisor', agencyCode: '000.01.40.H57' }],
  });
  const { cookie } = await signIn(server.app, officer, { clock: server.clock });
  const page = await openPage(browser, server.baseUrl, viewport);
  const [name, value] = cookie.split('=') as [string, string];
  await page.context().addCookies([{ name, value, url: server.baseUrl }]);
  return page;
}

describe.each(viewportNames)('deadlines on a %s', (viewport) => {
  it('lists the dossier at risk with its alerts and opens the drafted apology', async () => {
    const page = await signedInPage(viewport);
    await page.goto('/office/deadlines');
    await expect.poll(() => heading(page)).toBe('Hồ sơ sắp đến hạn, quá hạn');
    const code = demo.atRisk.code!;
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: code }) });
    await row.getByText('Bước xử lý quá hạn').waitFor();
    expect(await row.getByRole('link', { name: code }).getAttribute('href')).toBe(`/office/dossiers/${demo.atRisk.id}`);
    await review(page, `deadlines-list-${viewport}`);
    // Counted and paged by the server: 50 a page, the total said.
    const counts = await page.getByText(/^\d+ hồ sơ: \d+ quá hạn, \d+ sắp đến hạn; \d+ có dự thảo văn bản xin lỗi\.$/).textContent();
    const total = Number(/^(\d+)/.exec(counts ?? '')?.[1]);
    expect(total).toBeGreaterThanOrEqual(61);
    await page.getByText(`Hồ sơ 1–50 trong tổng số ${total}`).waitFor();
    await page.getByRole('navigation', { name: 'Phân trang' }).getByRole('button', { name: 'Trang 2' }).click();
    await page.getByText(`Hồ sơ 51–${total} trong tổng số ${total}`).waitFor();
    await expect.poll(() => page.getByRole('rowheader').count()).toBe(total - 50);
    expect(await page.getByRole('rowheader', { name: /QH-/ }).count()).toBeGreaterThan(0);
    await review(page, `deadlines-page-2-${viewport}`);
    await page.getByRole('navigation', { name: 'Phân trang' }).getByRole('button', { name: 'Trang 1' }).click();
    await row.getByRole('button', { name: `Xin lỗi, hẹn lại cho hồ sơ ${code}` }).click();
    await page.getByRole('heading', { name: `Văn bản xin lỗi và hẹn lại ngày trả kết quả — hồ sơ ${code}` }).waitFor();
    await expect.poll(() => page.getByLabel(/^Lý do chậm trễ/).inputValue()).toContain('nguy cơ trễ hạn');
    expect(await page.getByLabel(/^Ngày hẹn trả mới/).inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await review(page, `deadlines-apology-${viewport}`);
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});

describe('desk supervisor on a counter screen', () => {
  it('issues the edited apology once, and is told why not a second time', async () => {
    const page = await signedInPage('counter');
    await page.goto('/office/deadlines');
    const code = demo.atRisk.code!;
    await page.getByRole('button', { name: `Xin lỗi, hẹn lại cho hồ sơ ${code}` }).click();
    const reason = page.getByLabel(/^Lý do chậm trễ/);
    await expect.poll(() => reason.inputValue()).toContain('nguy cơ trễ hạn');
    await reason.fill('Cần xác minh thêm thông tin cư trú với Công an phường Phú Xuân.');
    await page.getByRole('button', { name: 'Ban hành văn bản xin lỗi' }).click();
    await page.getByText(/^Đã ban hành văn bản xin lỗi; ngày hẹn trả mới/).waitFor();
    await page.getByText(/Hồ sơ đã được xin lỗi và hẹn lại một lần/).waitFor();
    await review(page, 'deadlines-issued-counter');

    const [extension] = await server.db.query<{ note: string; details: { draftEventId: string | null } }>(
      `SELECT note, details FROM dossier_event WHERE dossier_id = $1 AND kind = 'extend'`,
      [demo.atRisk.id],
    );
    const [draft] = await server.db.query<{ id: string }>(`SELECT id FROM dossier_event WHERE dossier_id = $1 AND kind = 'draft_apology'`, [
      demo.atRisk.id,
    ]);
    expect(extension?.note).toBe('Cần xác minh thêm thông tin cư trú với Công an phường Phú Xuân.');
    expect(extension?.details.draftEventId).toBe(draft?.id);

    await page.getByRole('button', { name: 'Ban hành văn bản xin lỗi' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Không ban hành được' });
    await expect.poll(() => refusal.textContent()).toContain('Chỉ được xin lỗi và hẹn lại ngày trả kết quả một lần');
    await review(page, 'deadlines-refused-counter');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});

describe('the online queue on a phone', () => {
  it('counts every dossier waiting for the check and pages them', async () => {
    // 60 dossiers waiting for the desk's check, the i-th submitted i minutes before the dossier at risk.
    await cloneOpenDossiers(server.db, demo.atRisk.id, { count: 60, heldBy: demo.atRisk.receivingAgencyId, dueBefore: new Date(), state: 'submitted' });
    const page = await signedInPage('phone');
    await page.goto('/office/queue');
    await expect.poll(() => heading(page)).toBe('Hồ sơ trực tuyến chờ tiếp nhận');
    await page.getByText('60 hồ sơ chờ kiểm tra.').waitFor();
    await page.getByText('Hồ sơ 1–50 trong tổng số 60').waitFor();
    await review(page, 'queue-paged-phone');
    await expectNoHorizontalOverflow(page, 'online queue');
    await page.getByRole('navigation', { name: 'Phân trang' }).getByRole('button', { name: 'Trang 2' }).click();
    await page.getByText('Hồ sơ 51–60 trong tổng số 60').waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Tiếp nhận' }).count()).toBe(10);
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});

describe.each(viewportNames)('desk ledger and control sheet on a %s', (viewport) => {
  it('shows the desk’s ledger for a period, exports it as CSV, and prints a control sheet', async () => {
    const page = await signedInPage(viewport);
    await page.goto('/office/ledger');
    await expect.poll(() => heading(page)).toBe('Sổ theo dõi hồ sơ');
    await page.getByRole('tab', { name: 'Theo kỳ' }).click();
    const from = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(Date.now() - 12 * 24 * 3600_000));
    await page.getByLabel(/^Từ ngày/).fill(from);
    await page.getByRole('table', { name: 'Sổ theo dõi hồ sơ: 5 hồ sơ' }).waitFor();
    for (const d of demo.returned) await page.getByRole('rowheader', { name: d.code! }).waitFor();
    await review(page, `ledger-period-${viewport}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất tệp CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^so-theo-doi-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);

    await page.goto(`/office/control-sheets/${demo.returned[0]!.id}`);
    await expect.poll(() => heading(page)).toBe(`Phiếu kiểm soát quá trình giải quyết hồ sơ ${demo.returned[0]!.code}`);
    await page.getByRole('rowheader', { name: 'Trả kết quả' }).waitFor();
    await review(page, `control-sheet-${viewport}`);
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});
