import { fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test-utils';
import type { Dossier } from './approval';
import { ReviewPanel } from './review-panel';

// The network is the boundary: the server's answers, as GET /dossiers/{id}/attachments and /declaration send them.
const declaration = {
  dossierId: 'd-online',
  formId: 'birth-registration',
  procedureCode: '1.001193',
  submittedAt: '2026-03-02T02:00:00.000Z',
  values: { 'child.fullName': 'Lê Trần Minh Khang', 'child.dateOfBirth': '2026-02-20', 'child.sex': 'male', 'request.pledge': true },
  applicant: { 'applicant.fullName': 'Trần Thị Bình' },
};
const problem = { type: 'about:blank', title: 'Không có tờ khai', status: 404, code: 'DOSSIER_DECLARATION_NOT_FOUND', requestId: 'r1' };
let requested: string[];

beforeEach(() => {
  requested = [];
  vi.stubGlobal('fetch', async (url: string) => {
    requested.push(url);
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (url.endsWith('/attachments')) return json(200, { items: [] });
    if (url.endsWith('/dossiers/d-online/declaration')) return json(200, declaration);
    if (url.endsWith('/declaration')) return json(404, problem);
    return json(500, { ...problem, status: 500, code: 'UNEXPECTED' });
  });
});
afterEach(() => vi.unstubAllGlobals());

const dossier = (id: string, channel: string) =>
  ({
    id,
    code: `000.00.40.H57-260302-000${id.length}`,
    channel,
    version: 1,
    state: 'processing',
    summary: 'Đăng ký khai sinh cho Lê Trần Minh Khang',
    procedure: { code: '1.001193', name: 'Thủ tục đăng ký khai sinh', caseName: 'Đăng ký khai sinh' },
    parties: [{ role: 'applicant', kind: 'person', fullName: 'Trần Thị Bình', address: null }],
    documents: [],
    receivedAt: '2026-03-02T02:00:00.000Z',
    dueAt: '2026-03-04T02:00:00.000Z',
    extendedDueAt: null,
    steps: [{ id: 's1', name: 'Phê duyệt', role: 'agency_leader', status: 'active', completedAt: null, assigneeName: null }],
  }) as unknown as Dossier;
const panel = (d: Dossier) => <ReviewPanel dossier={d} stepId="s1" result={null} onDone={() => {}} onClose={() => {}} />;

describe('the leader’s review panel: the citizen’s online declaration', () => {
  it('offers an online dossier’s declaration folded under "Tờ khai trực tuyến", with the declared values in words', async () => {
    renderWithProviders(panel(dossier('d-online', 'online')));
    const summary = await screen.findByText('Tờ khai trực tuyến', { selector: 'summary' });
    const details = summary.closest('details')!;
    expect(details.open).toBe(false);
    fireEvent.click(summary);
    expect(details.open).toBe(true);
    const row = (await screen.findByText('Ngày, tháng, năm sinh')).closest('.declaration__row')!;
    expect(row.querySelector('dd')!.textContent).toBe('20/02/2026');
    expect(details.textContent).toContain('Lê Trần Minh Khang');
  });

  it('shows nothing for a counter dossier, and does not ask for a declaration', async () => {
    renderWithProviders(panel(dossier('d-counter', 'counter')));
    await screen.findByRole('heading', { name: /Kết quả giải quyết hồ sơ/ });
    await vi.waitFor(() => expect(requested.some((u) => u.endsWith('/attachments'))).toBe(true));
    expect(requested.some((u) => u.endsWith('/declaration'))).toBe(false);
    expect(screen.queryByText('Tờ khai trực tuyến')).toBeNull();
  });

  it('an online dossier without a declaration (404 DOSSIER_DECLARATION_NOT_FOUND) shows no section', async () => {
    renderWithProviders(panel(dossier('d-api', 'online')));
    await vi.waitFor(() => expect(requested.some((u) => u.endsWith('/d-api/declaration'))).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText('Tờ khai trực tuyến')).toBeNull();
  });
});
