import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCertificateAuthority,
  createKeyVault,
  issueSigningCertificate,
  parseMasterKey,
  readPkcs12,
  toPem,
  writePkcs12,
  Pkcs12Error,
  type Credential,
} from '@motcua/adapters/signatures';

const validity = { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2031-01-01T00:00:00Z') };

describe('PKCS#12 import and private keys sealed at rest', () => {
  let ca: Credential;
  let leader: Credential;
  let dir: string;

  beforeAll(async () => {
    ca = await createCertificateAuthority({ subject: { commonName: 'Import Test Root CA' }, ...validity });
    leader = await issueSigningCertificate(ca, { subject: { commonName: 'Trần Thị Ký', organization: 'UBND xã Phú Vang' }, ...validity });
    dir = mkdtempSync(path.join(tmpdir(), 'motcua-p12-'));
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back what it writes: the certificate, its chain and the key', () => {
    const p12 = writePkcs12(leader, 'mật khẩu 123');
    const read = readPkcs12(p12, 'mật khẩu 123');
    expect(Buffer.from(read.certificate).equals(Buffer.from(leader.certificate))).toBe(true);
    expect(read.chain.map((c) => Buffer.from(c).toString('hex'))).toEqual([Buffer.from(ca.certificate).toString('hex')]);
    expect(Buffer.from(read.privateKey).equals(Buffer.from(leader.privateKey))).toBe(true);
  });

  it('reads a file written by OpenSSL 3 with its defaults (PBES2, AES-256-CBC, PBKDF2-SHA256)', () => {
    writeFileSync(path.join(dir, 'leader.pem'), toPem(leader.certificate));
    writeFileSync(path.join(dir, 'ca.pem'), toPem(ca.certificate));
    writeFileSync(path.join(dir, 'leader.key'), toPem(leader.privateKey, 'PRIVATE KEY'));
    execFileSync('openssl', [
      'pkcs12', '-export', '-in', path.join(dir, 'leader.pem'), '-inkey', path.join(dir, 'leader.key'),
      '-certfile', path.join(dir, 'ca.pem'), '-out', path.join(dir, 'leader.p12'), '-passout', 'pass:secret',
    ]);
    const read = readPkcs12(readFileSync(path.join(dir, 'leader.p12')), 'secret');
    expect(Buffer.from(read.certificate).equals(Buffer.from(leader.certificate))).toBe(true);
    expect(read.chain).toHaveLength(1);
  });

  it('a wrong password or a file that is not PKCS#12 is an "unreadable" error, not a crash', () => {
    const p12 = writePkcs12(leader, 'right');
    expect(() => readPkcs12(p12, 'wrong')).toThrow(Pkcs12Error);
    try {
      readPkcs12(new TextEncoder().encode('%PDF-1.7 not a p12'), 'x');
      expect.unreachable();
    } catch (error) {
      expect((error as Pkcs12Error).reason).toBe('unreadable');
    }
  });

  it('seals keys with AES-256-GCM: opens only with the same master key and the same binding', () => {
    const master = parseMasterKey(Buffer.alloc(32, 7).toString('base64'))!;
    expect(parseMasterKey('a'.repeat(64))).toHaveLength(32);
    expect(parseMasterKey('too short')).toBeNull();
    const vault = createKeyVault(master);
    const sealed = vault.seal(leader.privateKey, 'fingerprint-1');
    expect(Buffer.from(sealed.ciphertext).includes(Buffer.from(leader.privateKey).subarray(40, 80))).toBe(false);
    expect(Buffer.from(vault.open(sealed, 'fingerprint-1')).equals(Buffer.from(leader.privateKey))).toBe(true);
    expect(() => vault.open(sealed, 'fingerprint-2')).toThrow();
    expect(() => createKeyVault(Buffer.alloc(32, 8)).open(sealed, 'fingerprint-1')).toThrow();
    const flipped = Uint8Array.from(sealed.ciphertext);
    flipped[0] = flipped[0]! ^ 1;
    expect(() => vault.open({ ...sealed, ciphertext: flipped }, 'fingerprint-1')).toThrow();
  });
});
