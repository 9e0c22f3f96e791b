/**
 * PKCS#12 (.p12/.pfx) files as certificate authorities hand them out: the signer's certificate, its chain and the
 * private key, under a password. node-forge reads the common encryptions (PBES2/AES and PBKDF2 as OpenSSL 3
 * writes them, and the legacy 3DES/RC2). Only RSA keys are supported by this reader.
 */
import forge from 'node-forge';
import type { Credential } from './demo-pki';

export class Pkcs12Error extends Error {
  constructor(
    readonly reason: 'unreadable' | 'no-key',
    message: string,
  ) {
    super(message);
    this.name = 'Pkcs12Error';
  }
}

const derOf = (certificate: forge.pki.Certificate): Uint8Array =>
  Uint8Array.from(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary'));

export function readPkcs12(bytes: Uint8Array, password: string): Credential {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, true, password);
  } catch (error) {
    throw new Pkcs12Error('unreadable', `not a PKCS#12 file or a wrong password: ${(error as Error).message}`);
  }
  const bagsOf = (type: string): forge.pkcs12.Bag[] => p12.getBags({ bagType: type })[type] ?? [];
  const keyBags = [...bagsOf(forge.pki.oids.pkcs8ShroudedKeyBag!), ...bagsOf(forge.pki.oids.keyBag!)];
  const key = keyBags.find((bag) => bag.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new Pkcs12Error('no-key', 'the file holds no RSA private key');
  const certificates = bagsOf(forge.pki.oids.certBag!)
    .map((bag) => bag.cert)
    .filter((certificate): certificate is forge.pki.Certificate => certificate !== undefined && certificate !== null);
  const own = certificates.find((certificate) => {
    const publicKey = certificate.publicKey as forge.pki.rsa.PublicKey;
    return publicKey.n !== undefined && publicKey.n.equals(key.n) && publicKey.e.equals(key.e);
  });
  if (!own) throw new Pkcs12Error('no-key', 'no certificate in the file matches its private key');
  const chain = orderChain(own, certificates.filter((certificate) => certificate !== own));
  const pkcs8 = forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key))).getBytes();
  return { certificate: derOf(own), privateKey: Uint8Array.from(Buffer.from(pkcs8, 'binary')), chain: chain.map(derOf) };
}

/** The issuers of `leaf` found among `others`, nearest first. */
function orderChain(leaf: forge.pki.Certificate, others: forge.pki.Certificate[]): forge.pki.Certificate[] {
  const chain: forge.pki.Certificate[] = [];
  let current = leaf;
  const remaining = [...others];
  for (;;) {
    const index = remaining.findIndex((candidate) => candidate.subject.hash === current.issuer.hash && candidate !== current);
    if (index < 0 || current.subject.hash === current.issuer.hash) break;
    current = remaining.splice(index, 1)[0]!;
    chain.push(current);
  }
  return [...chain, ...remaining];
}

/** Writes a PKCS#12 file (AES-256, SHA-256 MAC) — for the demo and the tests. */
export function writePkcs12(credential: Credential, password: string, friendlyName?: string): Uint8Array {
  const certificateOf = (der: Uint8Array) => forge.pki.certificateFromAsn1(forge.asn1.fromDer(Buffer.from(der).toString('binary')));
  const privateKeyInfo = forge.asn1.fromDer(Buffer.from(credential.privateKey).toString('binary'));
  const key = forge.pki.privateKeyFromAsn1(privateKeyInfo);
  const asn1 = forge.pkcs12.toPkcs12Asn1(
    key,
    [certificateOf(credential.certificate), ...credential.chain.map(certificateOf)],
    password,
    { algorithm: 'aes256', ...(friendlyName ? { friendlyName } : {}) },
  );
  return Uint8Array.from(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'));
}
