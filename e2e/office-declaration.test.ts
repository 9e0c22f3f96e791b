/**
 * The officer reads what the citizen declared online (issue #7): a birth registration filled in on the portal's
 * wizard (submitted through the API here; e2e/submit.test.ts drives the wizard itself) shows on the desk's dossier
 * page as "Tờ khai trực tuyến" — the form's own labels by section, the sex and the relationship by their labels,
 * the date of birth as dd/mm/yyyy, the pledge in words, empty fields as "—" — on a counter screen and on a phone.
 * A counter dossier has no such section. The citizen's own dossier page shows the same declaration read-only.
 */
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../apps/server/src/seed/catalog-seed';
import { birthDeclarationValues } from '../test-support/dossier-api';
import { createCitizen, createOfficer, seedTestOrganization, signIn, TEST_PASSWORD, type TestUser } from '../test-support/identity';
import { signInAt, signInCitizen } from './office-journey';
import { launchBrowser, openPage, review, startServer, systemClock, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let citizen: TestUser;
let officer: TestUser;
let onlineId: string;
let counterId: string;

async function inject(method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: Record<string, unknown>) {
  const res = await server.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await seedTestOrganization(server.db);
  await seedCatalog(server.db, new Date());
  citizen = await createCitizen(server.db, { displayName: 'Trần Thị Bình' });
  officer = await createOfficer(server.db, { roles: [{ role: 'reception_officer', agencyCode: '000.01.40.H57' }], displayName: 'Hồ Thị Tiếp Nhận' });
  const [desk] = await server.db.query<{ id: string }>("SELECT id FROM agency WHERE code = '000.01.40.H57'");
  const procedure = await inject('GET', '/procedures/1.001193', {});
  const caseCode = procedure.content.cases[0].id as string;

  const citizen$ = await signIn(server.app, citizen, { clock: systemClock });
  const values = birthDeclarationValues(desk!.id);
  const draft = await inject('POST', '/portal/drafts', citizen$, { procedureCode: '1.001193', caseCode, content: { step: 6, values } });
  onlineId = (await inject('POST', `/portal/drafts/${draft.id}/submission`, citizen$, { rowVersion: 1 })).dossierId;

  const officer$ = await signIn(server.app, officer, { clock: systemClock });
  const counter = await inject('POST', '/dossiers', officer$, {
    procedureVersionId: procedure.versionId,
    caseCode,
    receivingAgencyId: desk!.id,
    channel: 'counter',
    parties: [{ role: 'applicant', fullName: 'Nguyễn Văn An', phone: '0912345678' }],
    documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1 }],
    summary: 'Đăng ký khai sinh cho con',
  });
  counterId = counter.id;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The value shown beside a label in the declaration. */
const shown = (section: Locator, label: string) => section.locator('.declaration__row', { has: section.page().getByText(label, { exact: true }) }).locator('dd').textContent();

describe('the online declaration on the dossier pages', () => {
  it('shows the officer what the citizen declared, with the form’s labels, on a counter screen and a phone', async () => {
    // the officer signed in over the API a moment ago: a second sign-in in the same TOTP window is a replay
    await server.db.query('UPDATE app_user SET totp_last_step = NULL WHERE email = $1', [officer.email]);
    const desk = await openPage(browser, server.baseUrl, 'counter');
    await signInAt(desk, `/office/dossiers/${onlineId}`, officer.email, 'Hồ sơ chưa có mã số hồ sơ', { password: TEST_PASSWORD, totpSecret: officer.totpSecret! });

    const declaration = desk.getByRole('region', { name: 'Tờ khai trực tuyến' });
    await expect.poll(() => declaration.textContent(), { timeout: 30_000 }).toContain('Lê Trần Minh Khang');
    const text = (await declaration.textContent()) ?? '';
    expect(text).toContain('Tờ khai đăng ký khai sinh');
    for (const section of ['Người nộp hồ sơ', 'Người được khai sinh', 'Thông tin người mẹ', 'Thông tin người cha', 'Yêu cầu và cam đoan']) {
      expect(await declaration.getByRole('heading', { name: section, level: 3 }).count()).toBe(1);
    }
    expect(await shown(declaration, 'Họ, chữ đệm và tên người được khai sinh')).toBe('Lê Trần Minh Khang');
    expect(await shown(declaration, 'Ngày, tháng, năm sinh')).toBe('20/02/2026');
    expect(await shown(declaration, 'Giới tính')).toBe('Nam');
    expect(await shown(declaration, 'Quan hệ của người nộp hồ sơ với người được khai sinh')).toBe('Mẹ');
    expect(await shown(declaration, 'Năm sinh của mẹ')).toBe('1990');
    expect(await shown(declaration, 'Họ, chữ đệm và tên người cha')).toBe('—');
    expect(text).toContain('Đã cam đoan');
    await review(desk, 'office-declaration');

    await desk.setViewportSize({ width: 360, height: 740 });
    expect(await shown(declaration, 'Ngày, tháng, năm sinh')).toBe('20/02/2026');
    await review(desk, 'office-declaration-phone');

    // a counter dossier: its declaration is on paper among the documents; no online section
    await desk.setViewportSize({ width: 1366, height: 768 });
    await desk.goto(`/office/dossiers/${counterId}`);
    await expect.poll(() => desk.getByRole('region', { name: 'Người nộp hồ sơ, chủ hồ sơ' }).textContent(), { timeout: 15_000 }).toContain('Nguyễn Văn An');
    expect(await desk.getByRole('heading', { name: 'Tờ khai trực tuyến' }).count()).toBe(0);
    expect(await desk.pageErrors()).toEqual([]);
    await desk.context().close();
  });

  it('shows the citizen, on their dossier page, what they declared', async () => {
    const page = await openPage(browser, server.baseUrl, 'phone');
    await signInCitizen(page, citizen.email, TEST_PASSWORD);
    await page.goto(`/my/dossiers/${onlineId}`);
    const declaration = page.getByRole('region', { name: 'Tờ khai bạn đã nộp' });
    await expect.poll(() => declaration.textContent(), { timeout: 30_000 }).toContain('Bệnh viện Trung ương Huế');
    expect(await shown(declaration, 'Giới tính')).toBe('Nam');
    await review(page, 'my-dossier-declaration-phone');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});
