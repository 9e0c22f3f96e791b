/**
 * Dashboards: a monitor drills down from a unit to a sub-unit, to its procedures, to the dossiers; Biểu II.06a on
 * screen; figures per officer for a desk's supervisor (and not for a monitor); the public statistics page without
 * login. Both sizes, axe on every screen, screenshots kept.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficer, signIn } from '../test-support/identity';
import { insertTestOrganisation, receiveTestDossier, testOfficer, testProcedureCase, type TestOrganisation } from '../test-support/dossiers';
import { historyDossier, receivedSteps, writeHistory } from '../test-support/monitoring';
import { launchBrowser, openPage, review, startServer, viewportNames, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let org: TestOrganisation;
const HOUR = 3_600_000;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  org = await insertTestOrganisation(server.db);
  // This month's history (the dashboards open on the current month): some resolved, some late, some pending.
  const now = Date.now();
  const startOfMonth = new Date(new Date(now + 7 * HOUR).toISOString().slice(0, 8) + '01T01:00:00Z').getTime();
  const span = Math.max(HOUR, now - startOfMonth - 2 * HOUR);
  for (let i = 0; i < 12; i++) {
    const receivedAt = new Date(startOfMonth + Math.floor((span * i) / 12));
    const dueAt = new Date(receivedAt.getTime() + (i % 3 === 0 ? 2 : 72) * HOUR);
    const endAt = new Date(Math.min(now - HOUR, receivedAt.getTime() + (i % 2 === 0 ? 1 : 48) * HOUR));
    const dossier = historyDossier(org, {
      procedureCode: i % 2 === 0 ? '1.001193' : '2.000123',
      channel: i % 3 === 0 ? 'online' : 'counter',
      competentAgencyId: i % 4 === 0 ? org.department : org.agency,
    });
    await writeHistory(server.db, dossier, receivedSteps(receivedAt, dueAt, i % 5 === 4 || endAt <= receivedAt ? undefined : { kind: 'record_result', at: endAt }));
  }
  // Receptions at the desk by two named officers this month (the per-officer table of the desk's supervisor).
  const receivedAt = new Date(Math.max(startOfMonth + HOUR, now - HOUR));
  for (const [name, count] of [['Trần Thị Tiếp Nhận', 2], ['Lê Văn Một Cửa', 1]] as const) {
    const officer = testOfficer([{ role: 'reception_officer', agencyId: org.desk }], name);
    for (let i = 0; i < count; i++) {
      const received = await receiveTestDossier(server.db, { officer, now: receivedAt, procedure: testProcedureCase(org), receivingAgencyId: org.desk });
      if (!received.ok) throw new Error(received.error.code);
    }
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const heading = (page: Page) => page.locator('h1').textContent();

async function monitorPage(viewport: (typeof viewportNames)[number], role: 'monitor' | 'desk_supervisor' = 'monitor'): Promise<Page> {
  const grant = role === 'monitor' ? { role, agencyCode: org.codes.agency, includeSubAgencies: true } : { role, agencyCode: org.codes.desk };
  const officer = await createOfficer(server.db, { roles: [grant] });
  const { cookie } = await signIn(server.app, officer, { clock: server.clock });
  const page = await openPage(browser, server.baseUrl, viewport);
  const [name, value] = cookie.split('=') as [string, string];
  await page.context().addCookies([{ name, value, url: server.baseUrl }]);
  return page;
}

describe.each(viewportNames)('monitoring dashboards on a %s', (viewport) => {
  it('drills down from the unit to a sub-unit, its procedures and the dossiers', async () => {
    const page = await monitorPage(viewport);
    await page.goto(`/dashboard/overview?unit=${org.codes.agency}`);
    await expect.poll(() => heading(page)).toBe('Tình hình giải quyết hồ sơ — UBND phường Thuận Hóa');
    const ranking = page.getByRole('table', { name: 'Xếp hạng đơn vị theo tỷ lệ đúng hạn và tỷ lệ trực tuyến' });
    await ranking.waitFor();
    await page.getByRole('heading', { name: 'Danh sách hồ sơ quá hạn' }).waitFor();
    await review(page, `dashboard-overview-${viewport}`);

    await ranking.getByRole('link', { name: 'Phòng Văn hóa - Xã hội' }).click();
    await expect.poll(() => heading(page)).toBe('Tình hình giải quyết hồ sơ — Phòng Văn hóa - Xã hội');
    await page.getByRole('link', { name: 'Xem theo thủ tục hành chính' }).click();
    await expect.poll(() => heading(page)).toBe('Số liệu theo thủ tục hành chính — Phòng Văn hóa - Xã hội');
    await review(page, `dashboard-procedures-${viewport}`);
    await page.getByRole('link', { name: 'Đăng ký khai sinh' }).first().click();
    await expect.poll(() => heading(page)).toBe('Hồ sơ: Đăng ký khai sinh');
    const rows = page.getByRole('table', { name: /^Hồ sơ tại Phòng Văn hóa - Xã hội/ }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await review(page, `dashboard-dossiers-${viewport}`);
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });

  it('shows Biểu II.06a with its thirteen columns and prepares the Excel file', async () => {
    const page = await monitorPage(viewport);
    await page.goto(`/dashboard/reports?unit=${org.codes.agency}`);
    await expect.poll(() => heading(page)).toBe('Báo cáo tình hình, kết quả giải quyết TTHC');
    const table = page.getByRole('table', { name: 'Tình hình, kết quả giải quyết thủ tục hành chính tại UBND phường Thuận Hóa' });
    await table.waitFor();
    expect(await table.getByText('(13)', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Xuất Biểu II.06a (Excel)' }).click();
    // No job runner in this server: the request is accepted and its progress shown.
    await page.getByText('Đang tạo tệp báo cáo').waitFor();
    await review(page, `dashboard-reports-${viewport}`);
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });

  it('shows the desk’s supervisor the figures per officer, and a monitor none', async () => {
    const page = await monitorPage(viewport, 'desk_supervisor');
    await page.goto(`/dashboard/procedures?unit=${org.codes.desk}`);
    await expect.poll(() => heading(page)).toMatch(/^Số liệu theo thủ tục hành chính — /);
    const officers = page.getByRole('table', { name: 'Số liệu theo cán bộ' });
    await officers.waitFor();
    const row = (name: string) => officers.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name }) });
    await expect.poll(() => row('Trần Thị Tiếp Nhận').locator('td').first().textContent()).toBe('2');
    await expect.poll(() => row('Lê Văn Một Cửa').locator('td').first().textContent()).toBe('1');
    await review(page, `dashboard-officers-${viewport}`);
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();

    // A monitor (not a supervisor) sees the procedures but no officer's figures.
    const monitor = await monitorPage(viewport);
    const officersAnswer = monitor.waitForResponse((r) => r.url().includes('/api/v1/monitoring/officers'));
    await monitor.goto(`/dashboard/procedures?unit=${org.codes.agency}`);
    expect((await officersAnswer).status()).toBe(403);
    await expect.poll(() => heading(monitor)).toBe('Số liệu theo thủ tục hành chính — UBND phường Thuận Hóa');
    await monitor.getByRole('table').first().waitFor();
    expect(await monitor.getByRole('heading', { name: 'Số liệu theo cán bộ' }).count()).toBe(0);
    await monitor.context().close();
  });

  it('publishes the statistics of a unit without login', async () => {
    const page = await openPage(browser, server.baseUrl, viewport);
    await page.goto(`/statistics?unit=${org.codes.agency}`);
    await expect.poll(() => heading(page)).toBe('Thống kê giải quyết thủ tục hành chính — UBND phường Thuận Hóa');
    await page.getByRole('link', { name: 'CSV' }).waitFor();
    await review(page, `public-statistics-${viewport}`);
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});
