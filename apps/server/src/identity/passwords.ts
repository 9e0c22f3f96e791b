/** Password hashing: argon2id, m = 19456 KiB, t = 2, p = 1 (OWASP's minimum recommendation). */
import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id of @node-rs/argon2 (a const enum, which isolated modules cannot import). */
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password against a stored hash. With no hash (unknown account, OIDC-only account) it still spends
 * the time of one verification against a dummy hash, so the answer's timing does not reveal whether an account
 * exists.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword('motcua-dummy-password-for-timing');
    await verify(await dummyHash, password.normalize('NFC')).catch(() => false);
    return false;
  }
  return verify(storedHash, password.normalize('NFC')).catch(() => false);
}
