/**
 * The public verification verdict: what a citizen, a bank or a court clerk needs from one look at a PDF —
 * are the signatures intact and from certificates the deployment trusts, did MotCua issue exactly these bytes,
 * and was the document later replaced by another one.
 */
import type { PdfSignatureCheck, PdfVerification } from './signature.ports';

export type VerificationVerdict =
  /** Every signature intact and trusted, and the last one covers the whole file. */
  | 'valid'
  /** Intact, but at least one signer's certificate does not chain to a trusted root. */
  | 'untrusted'
  /** A signature does not match the bytes, or content was appended after the last signature. */
  | 'invalid'
  /**
   * Intact, but a signer's certificate is on its CA's revocation list and no trusted timestamp proves the
   * signature was made before the revocation date.
   */
  | 'revoked'
  /** A PDF without any signature. */
  | 'unsigned'
  | 'not_pdf';

/** What MotCua recorded about a signed file with these exact bytes (looked up by SHA-256). */
export interface IssuedRecord {
  readonly documentId: string;
  readonly agencyId: string;
  readonly agencyName: string | null;
  readonly title: string | null;
  readonly dossierCode: string | null;
  /** When MotCua signed it; null when these bytes are an issued document's unsigned original. */
  readonly signedAt: Date | null;
  /** A later document replaced this one (re-issued, corrected result). */
  readonly isReplaced: boolean;
  readonly replacedAt: Date | null;
}

export interface VerificationReport {
  readonly verdict: VerificationVerdict;
  readonly signatures: readonly PdfSignatureCheck[];
  /** The bytes are exactly a file MotCua issued (null: unknown to this deployment). */
  readonly issued: IssuedRecord | null;
  readonly isReplaced: boolean;
  readonly sha256: string;
}

/**
 * A revoked certificate still carries a signature made before its revocation date — but only a valid timestamp
 * (trusted time) can prove when the signature was made; the signer's claimed /M time proves nothing.
 */
export function isRevokedAtSigning(check: PdfSignatureCheck): boolean {
  return check.revocation.some((entry) => {
    if (entry.status !== 'revoked') return false;
    const proven = check.timestamp?.valid && check.timestamp.time ? check.timestamp.time : null;
    return !proven || !entry.revokedAt || proven.getTime() >= entry.revokedAt.getTime();
  });
}

export function verdictOf(verification: PdfVerification): VerificationVerdict {
  if (!verification.isPdf) return 'not_pdf';
  const { signatures } = verification;
  if (signatures.length === 0) return 'unsigned';
  const last = signatures.at(-1)!;
  if (signatures.some((signature) => !signature.isIntact) || !last.coversWholeDocument) return 'invalid';
  // A timestamp token that was altered (or does not cover this signature) is a broken part of the signature.
  if (signatures.some((signature) => signature.timestamp && !signature.timestamp.isIntact)) return 'invalid';
  if (signatures.some(isRevokedAtSigning)) return 'revoked';
  const trusted = signatures.every((signature) => signature.isTrusted && (!signature.timestamp || signature.timestamp.isTrusted));
  return trusted ? 'valid' : 'untrusted';
}

export function reportVerification(verification: PdfVerification, sha256: string, issued: IssuedRecord | null): VerificationReport {
  return {
    verdict: verdictOf(verification),
    signatures: verification.signatures,
    issued,
    isReplaced: issued?.isReplaced ?? false,
    sha256,
  };
}
