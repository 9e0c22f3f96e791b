/** Stable error codes of the signatures module (certificate store, signing, public verification). */
import { domainError, type DomainError } from '../shared/index';

export const signatureErrorCodes = [
  /** The PKCS#12 file cannot be read, or its password is wrong. */
  'SIGNING_CERTIFICATE_UNREADABLE',
  /** The PKCS#12 file holds no private key matching a certificate, or the key type is not RSA/EC. */
  'SIGNING_CERTIFICATE_NO_KEY',
  /** The certificate's validity period has ended (or not begun) at import time. */
  'SIGNING_CERTIFICATE_EXPIRED',
  /** A certificate with the same fingerprint is already in the store. */
  'SIGNING_CERTIFICATE_DUPLICATE',
  'SIGNING_CERTIFICATE_NOT_FOUND',
  'SIGNING_CERTIFICATE_ALREADY_INACTIVE',
  /** No active certificate to sign with (the agency seal, or the signer's personal certificate). */
  'SIGNING_CERTIFICATE_MISSING',
  /** The deployment has no master key for private keys (MOTCUA_PKI_MASTER_KEY) and runs in production mode. */
  'SIGNING_NOT_CONFIGURED',
  /** A file given for verification is not a PDF. */
  'VERIFICATION_NOT_PDF',
] as const;
export type SignatureErrorCode = (typeof signatureErrorCodes)[number];
export type SignatureError = DomainError<SignatureErrorCode>;

export function signatureError(code: SignatureErrorCode, message: string, details?: Record<string, unknown>): SignatureError {
  return domainError(code, message, details);
}
