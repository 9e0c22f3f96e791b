/**
 * Private keys at rest: AES-256-GCM under the deployment's master key (MOTCUA_PKI_MASTER_KEY), a fresh 96-bit IV
 * per key, and the certificate's fingerprint as additional authenticated data — a sealed key moved onto another
 * certificate's row does not open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface SealedKey {
  readonly ciphertext: Uint8Array;
  readonly iv: Uint8Array;
  readonly tag: Uint8Array;
}

export interface KeyVault {
  seal(plaintext: Uint8Array, boundTo: string): SealedKey;
  /** Throws when the master key is wrong or the sealed bytes (or their binding) were changed. */
  open(sealed: SealedKey, boundTo: string): Uint8Array;
}

/** Reads a master key given as 64 hex digits or as base64 of 32 bytes; null when it is neither. */
export function parseMasterKey(text: string): Uint8Array | null {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Uint8Array.from(Buffer.from(trimmed, 'hex'));
  if (/^[A-Za-z0-9+/]{43}=?$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed, 'base64');
    if (bytes.length === 32) return Uint8Array.from(bytes);
  }
  return null;
}

export function createKeyVault(masterKey: Uint8Array): KeyVault {
  if (masterKey.length !== 32) throw new Error('the PKI master key must be 32 bytes');
  const key = Buffer.from(masterKey);
  return {
    seal(plaintext, boundTo) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(boundTo, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return { ciphertext, iv, tag: cipher.getAuthTag() };
    },
    open(sealed, boundTo) {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv));
      decipher.setAAD(Buffer.from(boundTo, 'utf8'));
      decipher.setAuthTag(Buffer.from(sealed.tag));
      return new Uint8Array(Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]));
    },
  };
}
