import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VerificationResponse } from '@motcua/contracts/signatures';
import { loadNamespaces, switchLanguage } from '../i18n';
import { VerificationResult } from './verify-result';

const signature = (overrides: Partial<VerificationResponse['signatures'][number]>): VerificationResponse['signatures'][number] => ({
  signerName: 'UBND phường Phú Xuân (DEMO)',
  organization: 'UBND phường Phú Xuân (DEMO)',
  subject: null,
  issuer: 'CN=MotCua DEMO Root CA',
  certificateFingerprint: null,
  certificateNotAfter: '2029-03-02T02:00:00.000Z',
  claimedSigningTime: '2026-03-02T02:00:00.000Z',
  reason: 'Đóng dấu cơ quan',
  subFilter: 'ETSI.CAdES.detached',
  isIntact: true,
  isTrusted: true,
  coversWholeDocument: true,
  hasSigningCertificateV2: true,
  hasTimestamp: false,
  timestamp: null,
  revocation: [],
  problems: [],
  ...overrides,
});
const result = (verdict: VerificationResponse['verdict'], signatures: VerificationResponse['signatures']): VerificationResponse => ({
  verdict,
  sha256: 'a'.repeat(64),
  sizeBytes: 1000,
  signatures,
  issued: null,
  isReplaced: false,
});
const when = (value: string | null) => value ?? '—';

describe('verification result: trusted time and revocation', () => {
  beforeAll(() => loadNamespaces('verify'));

  it('shows the trusted time and the TSA of a B-T signature (vi, then en)', async () => {
    const stamped = signature({
      hasTimestamp: true,
      timestamp: { time: '2026-03-02T02:00:05.000Z', tsa: 'MotCua DEMO TSA', valid: true, isIntact: true, isTrusted: true },
      revocation: [{ subject: 'CN=x', serialNumber: '01', status: 'good', revokedAt: null, reason: null }],
    });
    const { unmount } = render(<VerificationResult result={result('valid', [stamped])} expectedSha256={null} when={when} />);
    expect(screen.getByText('Thời gian tin cậy (dấu thời gian)')).toBeTruthy();
    expect(screen.getByText('2026-03-02T02:00:05.000Z')).toBeTruthy();
    expect(document.body.textContent).toContain('do MotCua DEMO TSA cấp');
    expect(screen.getByText('Chưa bị thu hồi')).toBeTruthy();
    unmount();
    await switchLanguage('en');
    render(<VerificationResult result={result('valid', [stamped])} expectedSha256={null} when={when} />);
    expect(screen.getByText('Trusted time (timestamp)')).toBeTruthy();
    expect(document.body.textContent).toContain('by MotCua DEMO TSA');
  });

  it('a revoked certificate: the revoked verdict, the date and reason; a broken timestamp is flagged', () => {
    const revoked = signature({
      timestamp: { time: '2026-03-02T02:00:05.000Z', tsa: 'MotCua DEMO TSA', valid: false, isIntact: false, isTrusted: true },
      revocation: [{ subject: 'CN=x', serialNumber: '01', status: 'revoked', revokedAt: '2026-03-01T00:00:00.000Z', reason: 'keyCompromise' }],
    });
    render(<VerificationResult result={result('revoked', [revoked])} expectedSha256={null} when={when} />);
    expect(document.body.textContent).toContain('chứng thư số của người ký đã bị tổ chức cung cấp dịch vụ chứng thực thu hồi');
    expect(screen.getByText('Đã bị thu hồi ngày 2026-03-01T00:00:00.000Z')).toBeTruthy();
    expect(document.body.textContent).toContain('lý do: lộ khóa bí mật');
    expect(screen.getByText('Dấu thời gian không hợp lệ')).toBeTruthy();
    expect(screen.queryByText('2026-03-02T02:00:05.000Z')).toBeNull(); // an invalid token's time is not shown as trusted
  });
});
