/**
 * A supplement request answered from a phone: the citizen's online dossier (submitted through the API), a
 * reception officer asks for a missing document (through the API, as the desk would), the citizen sees what is
 * asked and why on the dossier's page, photographs the item, sends it with its progress; the dossier goes back to
 * the desk with the file attached and the timeline says so in plain words.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../apps/server/src/seed/catalog-seed';
import { createCitizen, createOfficer, seedTestOrganization, signIn, TEST_PASSWORD, type TestUser } from '../test-support/identity';
import { launchBrowser, openPage, review, startServer, systemClock, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let citizen: TestUser;
let dossierId: string;

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await seedTestOrganization(server.db);
  await seedCatalog(server.db, new Date());
  citizen = await createCitizen(server.db, { displayName: 'Trần Thị Bình' });
  const [desk] = await server.db.query<{ id: string }>("SELECT id FROM agency WHERE code = '000.01.40.H57'");
  const procedure = (await server.app.inject({ url: '/api/v1/procedures/1.001193' })).json() as { content: { cases: { id: string }[] } };
  const headers = await signIn(server.app, citizen, { clock: systemClock });
  const values = {
    'applicant.fullName': 'Trần Thị Bình',
    'applicant.identityNumber': '046190004321',
    'applicant.phone': '0905123456',
    'applicant.address': '5 Đinh Tiên Hoàng, phường Phú Xuân, Huế',
    'child.fullName': 'Lê Trần Minh Khang',
    'child.dateOfBirth': '2026-01-20',
    'child.sex': 'male',
    'child.ethnicity': 'Kinh',
    'child.nationality': 'Việt Nam',
    'child.placeOfBirth': 'Bệnh viện Trung ương Huế',
    'child.hometown': 'Phú Xuân, Huế',
    'mother.fullName': 'Trần Thị Bình',
    'request.relationship': 'mother',
    'request.copies': '1',
    'request.pledge': true,
    'place.agencyId': desk!.id,
    'delivery.method': 'online',
  };
  const draft = await server.app.inject({
    method: 'POST',
    url: '/api/v1/portal/drafts',
    headers,
    payload: { procedureCode: '1.001193', caseCode: procedure.content.cases[0]!.id, content: { step: 0, values } },
  });
  const submitted = await server.app.inject({ method: 'POST', url: `/api/v1/portal/drafts/${draft.json().id}/submission`, headers, payload: { rowVersion: 1 } });
  if (submitted.statusCode !== 201) throw new Error(submitted.body);
  dossierId = submitted.json().dossierId;

  const officer = await createOfficer(server.db, { roles: [{ role: 'reception_officer', agencyCode: '000.01.40.H57' }] });
  const desk$ = await signIn(server.app, officer, { clock: systemClock });
  const request = await server.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${dossierId}/supplement-requests`,
    headers: desk$,
    payload: { items: ['Giấy chứng sinh (bản chụp rõ nét)'], reason: 'Ảnh giấy chứng sinh bị mờ, không đọc được ngày sinh.' },
  });
  if (request.statusCode !== 200) throw new Error(request.body);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const heading = (page: Page) => page.locator('h1').textContent();

describe('supplement on a phone', () => {
  it('shows what is asked and why, and sends the missing item', async () => {
    const page = await openPage(browser, server.baseUrl, 'phone');
    await page.goto('/login');
    await page.getByLabel(/Thư điện tử hoặc số điện thoại/).fill(citizen.email);
    await page.getByLabel(/^Mật khẩu/).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => heading(page)).toBe('Dịch vụ công trực tuyến');
    await page.getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await expect.poll(() => page.locator('.card-list').textContent()).toContain('Yêu cầu bổ sung giấy tờ');
    await page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).click();

    await page.getByRole('heading', { name: 'Cần bổ sung, hoàn thiện hồ sơ' }).waitFor();
    expect(await page.locator('.supplement').textContent()).toContain('Ảnh giấy chứng sinh bị mờ');
    expect(await page.locator('.timeline').textContent()).toContain('Cơ quan yêu cầu bổ sung, hoàn thiện hồ sơ');
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Chưa chọn tệp cho: Giấy chứng sinh');
    await review(page, 'supplement-request-phone');

    await page.getByLabel(/Giấy chứng sinh \(bản chụp rõ nét\)/).setInputFiles({ name: 'giay-chung-sinh.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await page.getByText('Đã gửi bổ sung; hồ sơ được tiếp tục giải quyết.').waitFor();
    await expect.poll(() => page.locator('.timeline').textContent()).toContain('Hồ sơ đã được bổ sung');
    expect(await page.getByRole('heading', { name: 'Cần bổ sung, hoàn thiện hồ sơ' }).count()).toBe(0);
    await review(page, 'supplement-sent-phone');

    const [row] = await server.db.query<{ state: string }>('SELECT state FROM dossier WHERE id = $1', [dossierId]);
    expect(row?.state).toBe('submitted');
    const files = await server.db.query("SELECT 1 FROM dossier_attachment WHERE dossier_id = $1 AND purpose = 'supplement'", [dossierId]);
    expect(files.length).toBe(1);
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});
