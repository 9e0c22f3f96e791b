/**
 * The leader's desk in a real browser, on the demo data of Phường Phú Xuân with the server's job runner signing
 * (as `npm start` runs it): the demo leader signs in through the real pages, sees the two dossiers waiting for
 * approval with the drafted result letter's PDF in the page, approves and signs one (the signing progress goes
 * to "signed" by the leader's DEMO certificate and the committee's DEMO seal; the downloaded file passes pdfsig),
 * then the other as a batch while the agency has no usable certificate: the page says so in plain words, and once
 * the certificates are back and the job's retry is due, the progress turns to signed — after a reload of the page
 * in between, the progress coming back from the server. axe and screenshots.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPem } from '@motcua/adapters/signatures';
import type { JobRunner } from '../apps/server/src/jobs/job-runner';
import { createPdfsigJudge, type PdfsigJudge } from '../test-support/pdfsig';
import { apiSignIn, signInAt, startDemoServer } from './office-journey';
import { expectNoHorizontalOverflow, launchBrowser, openPage, review, startJobRunner, viewportNames, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let jobs: JobRunner;
let judge: PdfsigJudge;
let waiting: { id: string; code: string }[];
const LEADER = 'lanhdao.phuxuan@motcua.demo';
const RESULT_TITLE = 'Thông báo kết quả giải quyết thủ tục hành chính';

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  const roots = await server.db.query<{ certificate_der: Uint8Array }>('SELECT certificate_der FROM pki_trusted_root WHERE is_demo');
  judge = createPdfsigJudge(roots.map((r, i) => ({ name: `demo-root-${i}`, pem: toPem(new Uint8Array(r.certificate_der)) })));
  // the demo dossiers at the leader's step; the specialist drafted each one's result letter
  const leader = await apiSignIn(server.baseUrl, LEADER);
  const specialist = await apiSignIn(server.baseUrl, 'chuyenvien.phuxuan@motcua.demo');
  const inbox = await leader.get<{ items: { id: string; state: string }[] }>('/dossiers?limit=200');
  const details = await Promise.all(
    inbox.items.filter((i) => i.state === 'processing').map((i) => leader.get<{ id: string; code: string; steps: { status: string; role: string }[] }>(`/dossiers/${i.id}`)),
  );
  waiting = details.filter((d) => d.steps.some((s) => s.status === 'active' && s.role === 'agency_leader')).sort((a, b) => a.code.localeCompare(b.code));
  expect(waiting).toHaveLength(2);
  for (const d of waiting) {
    await specialist.post(`/dossiers/${d.id}/results/documents`, { template: 'result_letter', resultText: `Đồng ý giải quyết hồ sơ ${d.code}.` });
  }
  jobs = startJobRunner(server);
}, 300_000);
afterAll(async () => {
  await jobs?.stop();
  judge?.close();
  await browser?.close();
  await server?.close();
});

const signedOf = async (id: string) =>
  server.db.query<{ signers: { purpose: string }[] }>("SELECT s.signers FROM signed_document s JOIN issued_document d ON d.id = s.source_id WHERE d.dossier_id = $1", [id]);

async function leaderPage(viewport: (typeof viewportNames)[number]): Promise<Page> {
  const page = await openPage(browser, server.baseUrl, viewport);
  // the same account signed in over the API a moment ago: its TOTP code of this 30-second window is spent
  await server.db.query('UPDATE app_user SET totp_last_step = NULL WHERE email = $1', [LEADER]);
  await signInAt(page, '/office/leader', LEADER, 'Bàn làm việc của lãnh đạo');
  return page;
}

describe.each(viewportNames)('leader’s desk on a %s', (viewport) => {
  it('lists the dossiers waiting for approval and shows one’s result PDF in the page', async () => {
    const page = await leaderPage(viewport);
    for (const d of waiting) await page.getByRole('rowheader', { name: d.code }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: waiting[1]!.code }).textContent()).toContain(RESULT_TITLE);
    // the step's countdown is the server's, in working time (legal clock), not wall-clock hours
    expect(await page.getByRole('row').filter({ hasText: waiting[0]!.code }).textContent()).toMatch(/làm việc/);
    await review(page, `leader-desk-${viewport}`);
    const first = waiting[0]!;
    await page.getByRole('button', { name: `Xem và phê duyệt hồ sơ ${first.code}` }).click();
    await page.getByRole('heading', { name: `Kết quả giải quyết hồ sơ ${first.code}` }).waitFor();
    const frame = page.locator(`iframe[title^="Bản xem trước:"][title$="hồ sơ ${first.code}"]`);
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    await page.getByRole('button', { name: 'Phê duyệt và ký số', exact: true }).waitFor();
    await review(page, `leader-review-${viewport}`);
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});

describe('the leader’s screens on a phone (WCAG 1.4.10 Reflow: no sideways scrolling of the page)', () => {
  it('the desk, the review panel, a dossier at the leader’s step (with the link to the desk), the inbox, deadlines and ledger', async () => {
    const page = await leaderPage('phone');
    const first = waiting[0]!;
    await page.getByRole('rowheader', { name: first.code }).waitFor();
    await expectNoHorizontalOverflow(page, 'leader desk');
    await page.getByRole('button', { name: `Xem và phê duyệt hồ sơ ${first.code}` }).click();
    await page.locator(`iframe[title$="hồ sơ ${first.code}"]`).waitFor();
    await expectNoHorizontalOverflow(page, 'leader review panel');
    await page.goto(`/office/dossiers/${first.id}`);
    // the leader of the step's agency is sent on to the desk from the dossier page
    await page.getByRole('link', { name: 'Phê duyệt và ký số trên màn hình của lãnh đạo' }).waitFor();
    await page.getByRole('region', { name: /Phiếu kiểm soát/ }).getByRole('row').nth(1).waitFor();
    await expectNoHorizontalOverflow(page, 'dossier page');
    await review(page, 'leader-dossier-phone');
    for (const path of ['/office/inbox', '/office/deadlines', '/office/ledger']) {
      await page.goto(path);
      await page.locator('h1').waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoHorizontalOverflow(page, path);
    }
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});

describe('leader on a counter screen', () => {
  it('approves and signs one dossier, then the other as a batch through a missing certificate', async () => {
    const page = await leaderPage('counter');
    const [first, second] = waiting as [(typeof waiting)[number], (typeof waiting)[number]];
    await page.getByRole('button', { name: `Xem và phê duyệt hồ sơ ${first.code}` }).click();
    await page.getByLabel(/^Số, ký hiệu văn bản kết quả/).fill('125/GKS');
    await page.getByLabel(/^Ý kiến của lãnh đạo/).fill('Đồng ý.');
    await page.getByRole('button', { name: 'Phê duyệt và ký số', exact: true }).click();
    await page.getByText(`Đã phê duyệt hồ sơ ${first.code}; kết quả đã chuyển về Bộ phận Một cửa.`).waitFor();
    await expect.poll(() => page.getByRole('rowheader', { name: first.code }).count()).toBe(0);
    const progress = page.getByRole('region', { name: 'Tiến độ phê duyệt và ký số' });
    const firstRow = progress.getByRole('listitem').filter({ hasText: first.code });
    await firstRow.getByText('Đã ký số', { exact: true }).waitFor({ timeout: 30_000 });
    await firstRow.getByText(/chữ ký số cá nhân.*con dấu số của cơ quan/).waitFor();
    await review(page, 'leader-signed-counter');
    const [download] = await Promise.all([page.waitForEvent('download'), firstRow.getByRole('link', { name: 'Tải văn bản đã ký số' }).click()]);
    const report = judge.check(readFileSync((await download.path())!));
    expect(report.match(/Signature is Valid\./g)).toHaveLength(2);
    expect((await signedOf(first.id))[0]?.signers.map((s) => s.purpose)).toEqual(['personal', 'seal']);

    // the agency's certificates are withdrawn: the batch approves, signing waits and says why
    await server.db.query("UPDATE signing_certificate SET is_active = false, deactivated_at = now(), deactivation_reason = 'thử nghiệm' WHERE is_active");
    await page.getByRole('checkbox', { name: `Chọn hồ sơ ${second.code}` }).check();
    await page.getByRole('button', { name: 'Phê duyệt và ký số 1 hồ sơ đã chọn' }).click();
    await page.getByText('Đã xử lý 2/2 hồ sơ').waitFor();
    const secondRow = progress.getByRole('listitem').filter({ hasText: second.code });
    await secondRow.getByText('Chưa ký được', { exact: true }).waitFor({ timeout: 30_000 });
    await secondRow.getByText(/Cơ quan chưa có chứng thư số còn hiệu lực/).waitFor();
    await secondRow.getByText(/Hệ thống sẽ tự ký lại lúc/).waitFor();
    await page.getByText('Không có hồ sơ nào chờ phê duyệt.').waitFor();
    await review(page, 'leader-batch-no-certificate-counter');

    // a reload (or a crashed tab) loses nothing: the progress comes back from the server's recent approvals
    await page.reload();
    await page.getByText('Không có hồ sơ nào chờ phê duyệt.').waitFor();
    await progress.waitFor();
    await page.getByText('Đã xử lý 2/2 hồ sơ').waitFor();
    await firstRow.getByText('Đã ký số', { exact: true }).waitFor({ timeout: 30_000 });
    await secondRow.getByText('Chưa ký được', { exact: true }).waitFor({ timeout: 30_000 });
    await secondRow.getByText(/Cơ quan chưa có chứng thư số còn hiệu lực/).waitFor();
    await review(page, 'leader-batch-reloaded-counter');

    // the certificates are back and the retry is due: signed, on the reloaded page
    await server.db.query("UPDATE signing_certificate SET is_active = true, deactivated_at = NULL, deactivation_reason = NULL WHERE deactivation_reason = 'thử nghiệm'");
    await server.db.query("UPDATE outbox_message SET available_at = now() WHERE topic = 'document.sign' AND status = 'pending'");
    await secondRow.getByText('Đã ký số', { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByText('Đã ký số 2/2 văn bản kết quả').waitFor();
    expect(await signedOf(second.id)).toHaveLength(1);
    await review(page, 'leader-batch-signed-counter');
    expect(await page.pageErrors()).toEqual([]);
    await page.context().close();
  });
});
