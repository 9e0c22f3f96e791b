/**
 * TOTP second factor for officers (RFC 6238: SHA-1, 6 digits, 30 s), with otplib 13's async API. Time comes
 * from the injected clock. A code is accepted within ±1 step and only once (the caller stores the step).
 */
import { generate, generateSecret, generateURI, verify } from 'otplib';
import { qrSvg } from '@motcua/adapters/qr';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(issuer: string, account: string, secret: string): string {
  return generateURI({ issuer, label: account, secret });
}

export async function totpEnrolment(issuer: string, account: string, secret: string) {
  const otpauthUrl = totpUri(issuer, account, secret);
  return { secret, otpauthUrl, qrSvg: await qrSvg(otpauthUrl) };
}

export function currentTotpCode(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

/** The time step of a valid, not yet used code; null otherwise. */
export async function verifyTotpCode(
  secret: string,
  code: string,
  now: Date,
  lastUsedStep: number | null,
): Promise<number | null> {
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: 30,
      ...(lastUsedStep !== null ? { afterTimeStep: lastUsedStep } : {}),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}
