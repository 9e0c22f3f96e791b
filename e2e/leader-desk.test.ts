/**
 * The leader's desk in a real browser, on the demo dossiers of Phường Phú Xuân: the leader reviews one dossier's
 * result data and approves it with the result's document number (the workflow's last step, so the result goes to
 * the desk), then approves the other as a batch with its progress shown. axe and screenshots at both sizes.
 * Signing is not on main yet: the journey stops at the approval.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../apps/server/src/seed/catalog-seed';
import { seedOfficeDossiers, type OfficeDemoDossiers } from '../apps/server/src/seed/office-dossiers-seed';
import { createOfficer, seedTestOrganization, signIn } from '../test-support/identity';
import { launchBrowser, openPage, review, startServer, viewportNames, type TestServer } from './support';

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
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const heading = (page: Page) => page.locator('h1').textContent();

async function leaderPage(viewport: (typeof viewportNames)[number]): Promise<Page> {
  const officer = await createOfficer(server.db, { displayName: 'Chủ tịch UBND phường', roles: [{ role: 'agency_leader', agencyCode: '000.00.40.H57' }] });
  const { cookie } = await signIn(server.app, officer, { clock: server.clock });
  const page = await openPage(browser, server.baseUrl, viewport);
  const [name, value] = cookie.split('=') as [string, string];
  await page.context().addCookies([{ name, value, url: server.baseUrl }]);
  return page;
}

const stateOf = async (id: string) => (await server.db.query<{ state: string }>('SELECT state FROM dossier WHERE id = $1', [id]))[0]?.state;

describe.each(viewportNames)('leader’s desk on a %s', (viewport) => {
  it('lists the dossiers waiting for approval and shows one’s result data', async () => {
    const page = await leaderPage(viewport);
    await page.goto('/office/leader');
    await expect.poll(() => heading(page)).toBe('Bàn làm việc của lãnh đạo');
    for (const d of demo.awaitingLeader) await page.getByRole('rowheader', { name: d.code! }).waitFor();
    expect(await page.getByRole('rowheader', { name: demo.atRisk.code! }).count()).toBe(0);
    await review(page, `leader-desk-${viewport}`);
    const first = demo.awaitingLeader[0]!;
    await page.getByRole('button', { name: `Xem và phê duyệt hồ sơ ${first.code}` }).click();
    await page.getByRole('heading', { name: `Kết quả giải quyết hồ sơ ${first.code}` }).waitFor();
    await page.getByText('Đăng ký khai sinh cho con Trần Minh Khoa').waitFor();
    await review(page, `leader-review-${viewport}`);
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});

describe('leader on a counter screen', () => {
  it('approves one dossier with its document number, then the other as a batch', async () => {
    const page = await leaderPage('counter');
    await page.goto('/office/leader');
    const [first, second] = demo.awaitingLeader as [OfficeDemoDossiers['awaitingLeader'][number], OfficeDemoDossiers['awaitingLeader'][number]];
    await page.getByRole('button', { name: `Xem và phê duyệt hồ sơ ${first.code}` }).click();
    await page.getByLabel(/^Số, ký hiệu văn bản kết quả/).fill('125/GKS');
    await page.getByLabel(/^Ý kiến của lãnh đạo/).fill('Đồng ý.');
    await page.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    await page.getByText(`Đã phê duyệt hồ sơ ${first.code}; kết quả đã chuyển về Bộ phận Một cửa.`).waitFor();
    await expect.poll(() => page.getByRole('rowheader', { name: first.code! }).count()).toBe(0);
    expect(await stateOf(first.id)).toBe('result_ready');
    const [result] = await server.db.query<{ details: Record<string, unknown> }>(
      "SELECT details FROM dossier_event WHERE dossier_id = $1 AND kind = 'record_result'",
      [first.id],
    );
    expect(JSON.stringify(result?.details ?? {})).toContain('125/GKS');

    await page.getByRole('checkbox', { name: `Chọn hồ sơ ${second.code}` }).check();
    await page.getByRole('button', { name: 'Phê duyệt 1 hồ sơ đã chọn' }).click();
    await page.getByText('Đã xử lý 1/1 hồ sơ').waitFor();
    await page.getByRole('status').filter({ hasText: 'Đã phê duyệt' }).filter({ hasText: second.code! }).waitFor();
    await page.getByText('Không có hồ sơ nào chờ phê duyệt.').waitFor();
    expect(await stateOf(second.id)).toBe('result_ready');
    await review(page, 'leader-batch-counter');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});
