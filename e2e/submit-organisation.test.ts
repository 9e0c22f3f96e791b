/**
 * A citizen on a phone submits for their business: they choose it in the applicant step (its name, tax code and
 * address come from the profile), say they act under an authorisation (a missing document number is explained
 * before anything is sent), go through the generic declaration, the documents and the place, see the business on
 * the review, and submit: the page says plainly that the dossier code and due time come at reception and gives the
 * desk's check deadline and the estimated due time. The desk's dossier page names the business as the dossier owner
 * and the citizen as the applicant. After a supplement asked for after reception, the citizen's page lists the two
 * Forms 01 (reception, re-issued with the new appointment) each with its occasion, the first marked replaced.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../apps/server/src/seed/catalog-seed';
import type { JobRunner } from '../apps/server/src/jobs/job-runner';
import { createCitizen, createOfficer, seedTestOrganization, signIn, TEST_PASSWORD, type TestUser } from '../test-support/identity';
import { launchBrowser, openPage, review, startJobRunner, startServer, systemClock, totpCode, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let jobs: JobRunner;
let citizen: TestUser;
let officer: TestUser;
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await seedTestOrganization(server.db);
  await seedCatalog(server.db, new Date());
  jobs = startJobRunner(server);
  citizen = await createCitizen(server.db, { displayName: 'Nguyễn Văn An', phone: '0912345678' });
  officer = await createOfficer(server.db, { roles: [{ role: 'reception_officer', agencyCode: '000.01.40.H57' }], displayName: 'Hồ Thị Tiếp Nhận' });
  const headers = await signIn(server.app, citizen, { clock: systemClock });
  const added = await server.app.inject({
    method: 'POST',
    url: '/api/v1/portal/organisations',
    headers,
    payload: { name: 'Công ty TNHH Sông Hương', taxCode: '0100233488', address: '20 Lê Lợi, phường Thuận Hóa, Huế', representative: 'Trần Văn Bảo' },
  });
  if (added.statusCode !== 201) throw new Error(added.body);
});
afterAll(async () => {
  await jobs?.stop();
  await browser?.close();
  await server?.close();
});

const heading = (page: Page) => page.locator('h1').textContent();
const next = (page: Page) => page.getByRole('button', { name: 'Tiếp tục' }).click();

describe('submitting for a business on a phone', () => {
  it('chooses the business, explains what is missing, submits, and the desk sees the business as the owner', async () => {
    const page = await openPage(browser, server.baseUrl, 'phone');
    await page.goto('/login');
    await page.getByLabel(/Thư điện tử hoặc số điện thoại/).fill(citizen.email);
    await page.getByLabel(/^Mật khẩu/).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => heading(page)).toBe('Dịch vụ công trực tuyến');

    await page.goto('/procedures/1.013225/submit');
    await expect.poll(() => heading(page)).toBe('Người nộp hồ sơ');
    await page.getByLabel('Một doanh nghiệp, tổ chức tôi đại diện').check();
    await page.getByLabel(/^Doanh nghiệp, tổ chức/).selectOption({ label: 'Công ty TNHH Sông Hương — Mã số thuế 0100233488' });
    expect(await page.locator('#applicant-organisation').locator('..').textContent()).toContain('20 Lê Lợi, phường Thuận Hóa, Huế');
    await page.getByLabel('Người được ủy quyền (có văn bản ủy quyền)').check();
    await page.getByLabel(/^Số định danh cá nhân/).fill('046090001234');
    await page.getByLabel(/^Nơi cư trú/).fill('12 Lê Lợi, phường Thuận Hóa, Huế');
    await next(page);
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Văn bản ủy quyền (số, ngày): Mục này bắt buộc');
    await review(page, 'submit-organisation-errors-phone');
    await page.getByLabel(/^Văn bản ủy quyền/).fill('Giấy ủy quyền số 12/2026/UQ ngày 20/02/2026');
    await next(page);

    await expect.poll(() => heading(page)).toBe('Yêu cầu và cam đoan');
    await page.getByLabel(/Nội dung yêu cầu/).fill('Xin cấp giấy phép xây dựng nhà kho tại 20 Lê Lợi');
    await page.getByLabel(/Tôi cam đoan/).check();
    await next(page);
    await expect.poll(() => heading(page)).toBe('Thành phần hồ sơ');
    const slots = page.locator('input[type=file]');
    const count = await slots.count();
    for (let i = 0; i < count; i++) await slots.nth(i).setInputFiles({ name: `giay-to-${i + 1}.png`, mimeType: 'image/png', buffer: png });
    await next(page);
    await expect.poll(() => heading(page)).toBe('Nơi nộp và cách nhận kết quả');
    const centre = page.getByLabel(/^Nơi nộp hồ sơ/);
    await centre.selectOption((await centre.locator('option', { hasText: 'Phú Xuân' }).first().getAttribute('value'))!);
    await page.getByLabel(/Nhận trực tuyến/).check();
    await next(page);

    await expect.poll(() => heading(page)).toBe('Kiểm tra lại trước khi nộp');
    const owner = page.getByRole('region', { name: 'Chủ hồ sơ: doanh nghiệp, tổ chức' });
    expect(await owner.textContent()).toContain('Công ty TNHH Sông Hương');
    expect(await owner.textContent()).toContain('Giấy ủy quyền số 12/2026/UQ ngày 20/02/2026');
    await review(page, 'submit-organisation-review-phone');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await expect.poll(() => heading(page), { timeout: 30_000 }).toBe('Đã nộp hồ sơ');
    const done = (await page.locator('main').textContent()) ?? '';
    expect(done).toContain('Hồ sơ chưa có mã số');
    expect(done).toContain('chỉ được cấp khi Bộ phận Một cửa kiểm tra và tiếp nhận hồ sơ');
    expect(done).toContain('Bộ phận Một cửa kiểm tra hồ sơ chậm nhất');
    expect(done).toMatch(/ngày hẹn trả kết quả sẽ là .*\d{4}/);
    if (count > 0) await page.getByText('Đã gửi đủ các giấy tờ.').waitFor({ timeout: 60_000 });
    await review(page, 'submit-organisation-done-phone');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();

    const [dossier] = await server.db.query<{ id: string }>('SELECT id FROM dossier');
    const parties = await server.db.query<{ role: string; kind: string; full_name: string; identity_number: string }>(
      'SELECT role, kind, full_name, identity_number FROM dossier_party WHERE dossier_id = $1 ORDER BY role',
      [dossier!.id],
    );
    expect(parties.map((p) => [p.role, p.kind, p.full_name])).toEqual([
      ['applicant', 'person', 'Nguyễn Văn An'],
      ['owner', 'organisation', 'Công ty TNHH Sông Hương'],
    ]);

    // the desk's dossier page (a phone too): the business as the dossier owner, the citizen as the applicant
    const desk = await openPage(browser, server.baseUrl, 'phone');
    await desk.goto(`/office/dossiers/${dossier!.id}`);
    await desk.getByLabel(/Tài khoản \(thư điện tử\)/).fill(officer.email);
    await desk.getByLabel(/^Mật khẩu/).fill(TEST_PASSWORD);
    await desk.getByRole('button', { name: 'Đăng nhập' }).click();
    await desk.getByLabel(/Mã xác thực/).fill(totpCode(officer.totpSecret!, new Date()));
    await desk.getByRole('button', { name: 'Xác nhận' }).click();
    const partiesSection = desk.getByRole('region', { name: 'Người nộp hồ sơ, chủ hồ sơ' });
    await expect.poll(() => partiesSection.textContent(), { timeout: 30_000 }).toContain('Chủ hồ sơ: Công ty TNHH Sông Hương');
    const text = (await partiesSection.textContent()) ?? '';
    expect(text).toContain('0100233488');
    expect(text).toContain('Người nộp hồ sơ: Nguyễn Văn An');
    expect(text).toContain('Giấy ủy quyền số 12/2026/UQ');
    await review(desk, 'office-dossier-organisation-phone');
    await desk.context().close();
  });

  it('lists the reception’s Form 01 and the one re-issued after a supplement, each with its occasion', async () => {
    const [dossier] = await server.db.query<{ id: string }>('SELECT id FROM dossier');
    const desk$ = await signIn(server.app, officer, { clock: systemClock });
    const citizen$ = await signIn(server.app, citizen, { clock: systemClock });
    const act = async (url: string, headers: Record<string, string>, payload: unknown) => {
      const res = await server.app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossier!.id}${url}`, headers, payload: payload as Record<string, unknown> });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.body}`);
    };
    await act('/reception', desk$, {});
    await act('/supplement-requests', desk$, { items: ['Bản vẽ mặt bằng có chữ ký'], reason: 'Bản vẽ chưa có chữ ký của người lập.' });
    await act('/supplements', citizen$, {});
    await expect
      .poll(async () => (await server.db.query("SELECT 1 FROM issued_document WHERE dossier_id = $1 AND kind = 'receipt'", [dossier!.id])).length, { timeout: 60_000 })
      .toBe(2);

    const page = await openPage(browser, server.baseUrl, 'phone');
    await page.goto('/login');
    await page.getByLabel(/Thư điện tử hoặc số điện thoại/).fill(citizen.email);
    await page.getByLabel(/^Mật khẩu/).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => heading(page)).toBe('Dịch vụ công trực tuyến');
    await page.goto(`/my/dossiers/${dossier!.id}`);
    const list = page.getByRole('region', { name: 'Giấy tờ, kết quả đã phát hành' }).getByRole('listitem');
    await expect.poll(() => list.count(), { timeout: 30_000 }).toBe(3);
    const receipts = (await list.allTextContents()).filter((text) => text.startsWith('Giấy tiếp nhận hồ sơ và hẹn trả kết quả'));
    expect(receipts).toHaveLength(2);
    expect(receipts[0]).toContain('cấp khi tiếp nhận hồ sơ');
    expect(receipts[0]).toContain('đã được thay bằng giấy cấp lại sau');
    expect(receipts[1]).toContain('cấp lại với ngày hẹn mới khi nhận đủ hồ sơ bổ sung');
    expect(receipts[1]).not.toContain('đã được thay');
    await review(page, 'my-dossier-two-receipts-phone');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});
