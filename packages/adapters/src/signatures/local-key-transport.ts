/** The local-key SigningTransport: a private key held in this process (decrypted from the certificate store). */
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import type { SignatureAlgorithm, SigningTransport } from '@motcua/core/signatures';

export function createLocalKeyTransport(input: {
  /** PKCS#8 DER or a KeyObject. */
  privateKey: Uint8Array | KeyObject;
  certificateChain: readonly Uint8Array[];
}): SigningTransport {
  const key =
    input.privateKey instanceof Uint8Array
      ? createPrivateKey({ key: Buffer.from(input.privateKey), format: 'der', type: 'pkcs8' })
      : input.privateKey;
  const algorithm: SignatureAlgorithm =
    key.asymmetricKeyType === 'ec' ? 'ECDSA-SHA256' : key.asymmetricKeyType === 'rsa' ? 'RSASSA-PKCS1-v1_5-SHA256' : unsupported(key);
  return {
    kind: 'local-key',
    algorithm,
    certificateChain: input.certificateChain,
    // ECDSA signatures come out DER-encoded (the CMS form); RSA as PKCS#1 v1.5.
    sign: async (data) => new Uint8Array(sign('sha256', data, key)),
  };
}

function unsupported(key: KeyObject): never {
  throw new Error(`unsupported signing key type: ${key.asymmetricKeyType ?? 'unknown'}`);
}
