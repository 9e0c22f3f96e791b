/**
 * The certificate store's rules: which certificate signs for whom, and when to warn that one is expiring.
 * An agency holds one or more SEAL certificates (the agency's own, "dấu cơ quan") and the PERSONAL certificates
 * of its signers (leaders). Private keys never leave the store unencrypted; these rules only see metadata.
 */
import type { CertificateSummary } from './signature.ports';

export const certificatePurposes = ['seal', 'personal'] as const;
export type CertificatePurpose = (typeof certificatePurposes)[number];

export interface StoredCertificate extends CertificateSummary {
  readonly id: string;
  readonly agencyId: string;
  readonly purpose: CertificatePurpose;
  /** The officer a personal certificate belongs to; null for a seal. */
  readonly holderUserId: string | null;
  /** 'local-key' now; 'hsm' / 'remote' transports later. */
  readonly transport: string;
  readonly isDemo: boolean;
  readonly isActive: boolean;
  readonly importedAt: Date;
}

export type ExpiryLevel = 'expired' | 'expiring' | 'valid';

export interface ExpiryWarning {
  readonly certificate: StoredCertificate;
  readonly level: Exclude<ExpiryLevel, 'valid'>;
  /** Whole days left (negative once expired). */
  readonly daysLeft: number;
}

const DAY = 86_400_000;

export function expiryLevel(notAfter: Date, now: Date, warnDays: number): ExpiryLevel {
  if (notAfter.getTime() <= now.getTime()) return 'expired';
  return notAfter.getTime() - now.getTime() <= warnDays * DAY ? 'expiring' : 'valid';
}

/** Active certificates that expired or expire within `warnDays`, soonest first. */
export function expiryWarnings(certificates: readonly StoredCertificate[], now: Date, warnDays: number): ExpiryWarning[] {
  const warnings: ExpiryWarning[] = [];
  for (const certificate of certificates) {
    if (!certificate.isActive) continue;
    const level = expiryLevel(certificate.notAfter, now, warnDays);
    if (level === 'valid') continue;
    warnings.push({ certificate, level, daysLeft: Math.floor((certificate.notAfter.getTime() - now.getTime()) / DAY) });
  }
  return warnings.sort((left, right) => left.certificate.notAfter.getTime() - right.certificate.notAfter.getTime());
}

/** Usable to sign now: active and inside its validity period. */
export function canSignWith(certificate: StoredCertificate, now: Date): boolean {
  return certificate.isActive && certificate.notBefore.getTime() <= now.getTime() && now.getTime() < certificate.notAfter.getTime();
}

/**
 * Among candidates, the certificate to sign with: usable now, the latest-expiring first (a renewed certificate
 * takes over from the old one without anybody deactivating it).
 */
export function chooseSigningCertificate(
  candidates: readonly StoredCertificate[],
  want: { agencyId: string; purpose: CertificatePurpose; holderUserId?: string | null },
  now: Date,
): StoredCertificate | null {
  const usable = candidates.filter(
    (certificate) =>
      certificate.agencyId === want.agencyId &&
      certificate.purpose === want.purpose &&
      (want.purpose === 'seal' || certificate.holderUserId === want.holderUserId) &&
      canSignWith(certificate, now),
  );
  return usable.sort((left, right) => right.notAfter.getTime() - left.notAfter.getTime())[0] ?? null;
}
