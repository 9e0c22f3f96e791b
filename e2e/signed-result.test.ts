/**
 * The signed result on a phone: the demo citizen's online dossier is received, processed by the three steps, its
 * result letter drafted and approved by the leader, the result recorded and returned online (all through the API,
 * as the office screens would); the server's job runner signs the approved letter with the demo PKI. The citizen
 * then opens the dossier's page, sees the result as digitally signed, downloads it, and the downloaded file is the
 * signed PDF: pdfsig (trusting only the demo root) and our own /verify both find valid signatures.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPem } from '@motcua/adapters/signatures';
import { DEMO_CITIZEN_EMAIL, DEMO_PASSWORD } from '../apps/server/src/identity/identity.seed';
import { buildJobHandlers } from '../apps/server/src/jobs/handlers';
import { createJobRunner } from '../apps/server/src/jobs/job-runner';
import { createPdfsigJudge, type PdfsigJudge } from '../test-support/pdfsig';
import { apiSignIn, heading, receiveBirthRegistration, startDemoServer, type ApiSession } from './office-journey';
import { launchBrowser, openPage, review, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let judge: PdfsigJudge;
let dossier: { id: string; code: string };

async function workStep(session: ApiSession, id: string): Promise<void> {
  const d = await session.get<{ steps: { id: string; status: string }[] }>(`/dossiers/${id}`);
  const step = d.steps.find((s) => s.status === 'active')!;
  await session.post(`/dossiers/${id}/steps/${step.id}/claim`, {});
  await session.post(`/dossiers/${id}/steps/${step.id}/completion`, { note: 'Đã xử lý' });
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  const roots = await server.db.query<{ certificate_der: Uint8Array }>('SELECT certificate_der FROM pki_trusted_root WHERE is_demo');
  judge = createPdfsigJudge(roots.map((r, i) => ({ name: `demo-root-${i}`, pem: toPem(new Uint8Array(r.certificate_der)) })));

  const citizen = await apiSignIn(server.baseUrl, DEMO_CITIZEN_EMAIL);
  const submitted = await receiveBirthRegistration(citizen, 'Nguyễn Thị Dân');
  const officer = (role: string) => apiSignIn(server.baseUrl, `${role}.phuxuan@motcua.demo`);
  const [reception, specialist, head, leader] = await Promise.all([officer('tiepnhan'), officer('chuyenvien'), officer('truongphong'), officer('lanhdao')]);
  await reception.post(`/dossiers/${submitted.id}/reception`, {});
  await reception.post(`/dossiers/${submitted.id}/transfer`, {});
  for (const session of [specialist, head, leader]) await workStep(session, submitted.id);
  const draft = await specialist.post<{ id: string }>(`/dossiers/${submitted.id}/results/documents`, {
    template: 'result_letter',
    resultText: 'Cấp Giấy khai sinh bản chính và 01 bản sao cho Nguyễn Thị Dân.',
  });
  await leader.post(`/dossiers/${submitted.id}/documents/${draft.id}/approval`, {});
  await leader.post(`/dossiers/${submitted.id}/result`, { summary: 'Cấp Giấy khai sinh', documentNumber: '45/2026' });
  const returned = await reception.post<{ state: string; code: string }>(`/dossiers/${submitted.id}/return`, { method: 'online' });
  expect(returned.state).toBe('returned');
  const jobs = createJobRunner({ db: server.db, clock: server.clock, handlers: buildJobHandlers(server), onlyRegisteredTopics: true });
  await jobs.runOnce();
  const signed = await server.db.query("SELECT 1 FROM signed_document WHERE source_kind = 'issued_document' AND source_id = $1", [draft.id]);
  expect(signed, 'the job runner signed the approved result').toHaveLength(1);
  dossier = { id: submitted.id, code: returned.code };
}, 300_000);
afterAll(async () => {
  judge?.close();
  await browser?.close();
  await server?.close();
});

describe('the signed result on a phone', () => {
  it('shows the result as digitally signed and downloads the signed PDF', async () => {
    const page = await openPage(browser, server.baseUrl, 'phone');
    await page.goto('/login');
    await page.getByLabel(/Thư điện tử hoặc số điện thoại/).fill(DEMO_CITIZEN_EMAIL);
    await page.getByLabel(/^Mật khẩu/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => heading(page)).toBe('Dịch vụ công trực tuyến');
    await page.getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await expect.poll(() => page.locator('.card-list').textContent()).toContain(dossier.code);
    await page.goto(`/my/dossiers/${dossier.id}`);

    const link = page.getByRole('link', { name: /kết quả có chữ ký số/ });
    await link.waitFor();
    expect(await page.getByText(/đang chờ ký số/).count()).toBe(0);
    expect(await link.getAttribute('href')).toMatch(/\/signed$/);
    await review(page, 'signed-result-phone');

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^ket-qua-.*-da-ky-so\.pdf$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const report = judge.check(bytes);
    expect(report).toMatch(/Signature is Valid\./);
    expect(report).not.toMatch(/Signature is Invalid/);

    const verified = await fetch(`${server.baseUrl}/api/v1/verify`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: bytes });
    const verdict = (await verified.json()) as { verdict: string; issued?: { dossierCode: string } };
    expect(verdict).toMatchObject({ verdict: 'valid', issued: { dossierCode: dossier.code } });
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});
