import { describe, expect, it } from 'vitest';
import { chooseSigningCertificate, expiryWarnings, verdictOf, type PdfSignatureCheck, type StoredCertificate } from './index';

const now = new Date('2026-11-28T03:00:00Z');
const day = 86_400_000;

function certificate(overrides: Partial<StoredCertificate>): StoredCertificate {
  return {
    id: 'c',
    agencyId: 'a1',
    purpose: 'seal',
    holderUserId: null,
    transport: 'local-key',
    isDemo: true,
    isActive: true,
    importedAt: now,
    subject: 'CN=x',
    commonName: 'x',
    organization: null,
    issuer: 'CN=ca',
    serialNumber: '01',
    notBefore: new Date(now.getTime() - 100 * day),
    notAfter: new Date(now.getTime() + 365 * day),
    fingerprint: 'f',
    ...overrides,
  };
}

const check = (overrides: Partial<PdfSignatureCheck>): PdfSignatureCheck => ({
  subFilter: 'ETSI.CAdES.detached',
  claimedSigningTime: now,
  reason: null,
  isIntact: true,
  isTrusted: true,
  coversWholeDocument: true,
  hasSigningCertificateV2: true,
  hasTimestamp: false,
  timestamp: null,
  revocation: [],
  signer: null,
  problems: [],
  ...overrides,
});

describe('certificate store rules', () => {
  it('warns about active certificates expired or expiring within the window, soonest first', () => {
    const warnings = expiryWarnings(
      [
        certificate({ id: 'later', notAfter: new Date(now.getTime() + 20 * day) }),
        certificate({ id: 'far', notAfter: new Date(now.getTime() + 200 * day) }),
        certificate({ id: 'gone', notAfter: new Date(now.getTime() - 2 * day) }),
        certificate({ id: 'inactive', isActive: false, notAfter: new Date(now.getTime() + 1 * day) }),
      ],
      now,
      30,
    );
    expect(warnings.map((w) => [w.certificate.id, w.level, w.daysLeft])).toEqual([
      ['gone', 'expired', -2],
      ['later', 'expiring', 20],
    ]);
  });

  it('signs with the usable certificate of the right agency, purpose and holder that expires last', () => {
    const candidates = [
      certificate({ id: 'old-seal', notAfter: new Date(now.getTime() + 10 * day) }),
      certificate({ id: 'new-seal', notAfter: new Date(now.getTime() + 700 * day) }),
      certificate({ id: 'future-seal', notBefore: new Date(now.getTime() + day), notAfter: new Date(now.getTime() + 900 * day) }),
      certificate({ id: 'other-agency', agencyId: 'a2', notAfter: new Date(now.getTime() + 999 * day) }),
      certificate({ id: 'leader', purpose: 'personal', holderUserId: 'u1' }),
    ];
    expect(chooseSigningCertificate(candidates, { agencyId: 'a1', purpose: 'seal' }, now)?.id).toBe('new-seal');
    expect(chooseSigningCertificate(candidates, { agencyId: 'a1', purpose: 'personal', holderUserId: 'u1' }, now)?.id).toBe('leader');
    expect(chooseSigningCertificate(candidates, { agencyId: 'a1', purpose: 'personal', holderUserId: 'u2' }, now)).toBeNull();
  });
});

describe('verification verdict', () => {
  it('is valid only when every signature is intact and trusted and the last covers the whole file', () => {
    expect(verdictOf({ isPdf: false, signatures: [] })).toBe('not_pdf');
    expect(verdictOf({ isPdf: true, signatures: [] })).toBe('unsigned');
    expect(verdictOf({ isPdf: true, signatures: [check({ coversWholeDocument: false }), check({})] })).toBe('valid');
    expect(verdictOf({ isPdf: true, signatures: [check({}), check({ coversWholeDocument: false })] })).toBe('invalid');
    expect(verdictOf({ isPdf: true, signatures: [check({ isIntact: false }), check({})] })).toBe('invalid');
    expect(verdictOf({ isPdf: true, signatures: [check({}), check({ isTrusted: false })] })).toBe('untrusted');
  });

  const stamp = (time: Date, overrides: Partial<NonNullable<PdfSignatureCheck['timestamp']>> = {}) => ({
    time,
    tsa: 'MotCua DEMO TSA',
    isIntact: true,
    isTrusted: true,
    valid: true,
    problems: [],
    ...overrides,
  });
  const revoked = (revokedAt: Date) => ({
    subject: 'CN=Leader',
    serialNumber: '01',
    status: 'revoked' as const,
    revokedAt,
    reason: 'keyCompromise',
    source: 'http://ca/crl',
  });

  it('a broken timestamp token is invalid; an untrusted TSA is untrusted', () => {
    expect(verdictOf({ isPdf: true, signatures: [check({ timestamp: stamp(now, { isIntact: false, valid: false }) })] })).toBe('invalid');
    expect(verdictOf({ isPdf: true, signatures: [check({ timestamp: stamp(now, { isTrusted: false, valid: false }) })] })).toBe('untrusted');
    expect(verdictOf({ isPdf: true, signatures: [check({ timestamp: stamp(now) })] })).toBe('valid');
  });

  it('a revoked certificate: revoked, unless a valid timestamp proves the signature came before the revocation', () => {
    const before = new Date(now.getTime() - day);
    const after = new Date(now.getTime() + day);
    expect(verdictOf({ isPdf: true, signatures: [check({ revocation: [revoked(after)] })] })).toBe('revoked'); // claimed time proves nothing
    expect(verdictOf({ isPdf: true, signatures: [check({ revocation: [revoked(after)], timestamp: stamp(now) })] })).toBe('valid');
    expect(verdictOf({ isPdf: true, signatures: [check({ revocation: [revoked(before)], timestamp: stamp(now) })] })).toBe('revoked');
    expect(
      verdictOf({ isPdf: true, signatures: [check({ revocation: [revoked(after)], timestamp: stamp(now, { isTrusted: false, valid: false }) })] }),
    ).toBe('revoked');
    const unknown = { ...revoked(after), status: 'unknown' as const, revokedAt: null, reason: null, source: null };
    expect(verdictOf({ isPdf: true, signatures: [check({ revocation: [unknown] })] })).toBe('valid');
  });
});
